// How district figures become colours, and the legend that explains it: a fixed range for the whole
// run (so colours compare across time), taken from the 2nd to the 98th percentile of the recorded
// values; a diverging scale symmetric around 0 for differences between two runs.
#pragma once

#include "palettes.hpp"

#include <SFML/Graphics.hpp>

#include <string>
#include <vector>

namespace convivia::viz {

struct ColourScale {
  double low = 0.0;
  double high = 1.0;
  bool diverging = false;  // low = -high; blue below 0, red above
  bool is_share = false;   // labels in percent (values are shares in [0, 1])
  SequentialPalette palette = SequentialPalette::viridis;
  std::string title;
  std::string units;

  sf::Color colour(double value) const;  // grey for NaN
  std::string label(double value) const; // the value as the legend writes it, with its sign if diverging
};

// Range of the finite values (2nd to 98th percentile); [0, 1] if there is none.
ColourScale sequential_scale(const std::vector<const std::vector<double>*>& values, bool is_share);
// Symmetric range for differences (98th percentile of |value|).
ColourScale diverging_scale(const std::vector<double>& differences, bool is_share);

// Colour ramp with its title, units and labels at both ends and in the middle, at `top_left`.
// Returns the height drawn.
float draw_colour_legend(sf::RenderTarget& target, const sf::Font& font, sf::Vector2f top_left, float width,
                         unsigned font_px, const ColourScale& scale);

// Text with a soft white halo so it reads on any map colour.
void draw_label(sf::RenderTarget& target, const sf::Font& font, const std::string& text, sf::Vector2f position,
                unsigned font_px, sf::Color colour = sf::Color(20, 20, 20), bool bold = false);

}  // namespace convivia::viz
