// The colour maps of palettes.hpp.
#include "palettes.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace convivia::viz {
namespace {

// Nine evenly spaced stops of each map (matplotlib's viridis and cividis).
constexpr std::array<std::uint32_t, 9> viridis{0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c,
                                               0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};
constexpr std::array<std::uint32_t, 9> cividis{0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173,
                                               0x8a8678, 0xa59c74, 0xc3b369, 0xe1cc55};
// Paul Tol's BuRd, from blue through white to red.
constexpr std::array<std::uint32_t, 9> blue_red{0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                                0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b};
constexpr std::array<std::uint32_t, 8> okabe_ito{0x999999, 0xe69f00, 0x56b4e9, 0x009e73,
                                                 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7};
constexpr std::array<std::uint32_t, 10> tol_muted{0xcc6677, 0x332288, 0xddcc77, 0x117733, 0x88ccee,
                                                  0x882255, 0x44aa99, 0x999933, 0xaa4499, 0xdddddd};

template <std::size_t N>
sf::Color interpolate(const std::array<std::uint32_t, N>& stops, double t) {
  if (!std::isfinite(t)) t = 0.0;
  const double position = std::clamp(t, 0.0, 1.0) * static_cast<double>(N - 1);
  const auto low = std::min(static_cast<std::size_t>(position), N - 2);
  const double f = position - static_cast<double>(low);
  const sf::Color a = rgb(stops[low]);
  const sf::Color b = rgb(stops[low + 1]);
  const auto mix = [f](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(static_cast<double>(x) + f * (static_cast<double>(y) - x)));
  };
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

}  // namespace

sf::Color rgb(std::uint32_t value, std::uint8_t alpha) {
  return {static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value),
          alpha};
}

std::string_view palette_name(SequentialPalette palette) {
  return palette == SequentialPalette::viridis ? "viridis" : "cividis";
}

std::string_view palette_name(GroupPalette palette) {
  switch (palette) {
    case GroupPalette::scenario: return "scenario's colours";
    case GroupPalette::okabe_ito: return "Okabe-Ito";
    case GroupPalette::tol_muted: return "Tol muted";
  }
  return "";
}

sf::Color sequential_colour(SequentialPalette palette, double t) {
  return palette == SequentialPalette::viridis ? interpolate(viridis, t) : interpolate(cividis, t);
}

sf::Color diverging_colour(double t) { return interpolate(blue_red, 0.5 + 0.5 * t); }

std::vector<sf::Color> group_colours(GroupPalette palette, const std::vector<std::uint32_t>& scenario_rgb) {
  std::vector<sf::Color> colours;
  for (std::size_t g = 0; g < scenario_rgb.size(); ++g) {
    switch (palette) {
      case GroupPalette::scenario: colours.push_back(rgb(scenario_rgb[g])); break;
      case GroupPalette::okabe_ito: colours.push_back(rgb(okabe_ito[g % okabe_ito.size()])); break;
      case GroupPalette::tol_muted: colours.push_back(rgb(tol_muted[g % tol_muted.size()])); break;
    }
  }
  return colours;
}

}  // namespace convivia::viz
