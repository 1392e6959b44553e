// Colour-blind-safe colour maps for the district map and the group dots. Sequential maps for
// figures (viridis, cividis), a diverging map for differences (Paul Tol's blue-red "BuRd"), and
// qualitative palettes for groups (the scenario's own colours, Okabe-Ito, Paul Tol's muted).
// The stops are published values; between stops colours are interpolated linearly in sRGB.
#pragma once

#include <SFML/Graphics/Color.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace convivia::viz {

enum class SequentialPalette : int { viridis, cividis };
inline constexpr int sequential_palette_count = 2;
std::string_view palette_name(SequentialPalette palette);

// t in [0, 1] (clamped).
sf::Color sequential_colour(SequentialPalette palette, double t);
// t in [-1, 1] (clamped): blue below 0, white at 0, red above.
sf::Color diverging_colour(double t);

enum class GroupPalette : int { scenario, okabe_ito, tol_muted };
inline constexpr int group_palette_count = 3;
std::string_view palette_name(GroupPalette palette);
// Colours of `group_count` groups; `scenario_rgb` are the scenario's own (0xRRGGBB).
std::vector<sf::Color> group_colours(GroupPalette palette, const std::vector<std::uint32_t>& scenario_rgb);

sf::Color rgb(std::uint32_t value, std::uint8_t alpha = 255);

}  // namespace convivia::viz
