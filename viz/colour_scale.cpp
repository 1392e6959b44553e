// Colour scales and their legend (see colour_scale.hpp).
#include "colour_scale.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace convivia::viz {
namespace {

double percentile(std::vector<double>& values, double p) {
  const auto at = static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
  return values[at];
}

}  // namespace

sf::Color ColourScale::colour(double value) const {
  if (!std::isfinite(value)) return sf::Color(205, 205, 205);
  if (diverging) return diverging_colour(high > 0.0 ? value / high : 0.0);
  return sequential_colour(palette, high > low ? (value - low) / (high - low) : 0.5);
}

std::string ColourScale::label(double value) const {
  const double shown = is_share ? 100.0 * value : value;
  const double span = is_share ? 100.0 * (high - low) : high - low;
  // Enough decimals that the two ends and the middle differ.
  const int decimals = span <= 0.0 ? 2 : std::clamp(static_cast<int>(std::ceil(-std::log10(span))) + 1, 0, 4);
  const std::string sign = diverging && shown > 0.0 ? "+" : "";
  return sign + fmt::format("{:.{}f}", shown, decimals) + (is_share ? (diverging ? " points" : "%") : "");
}

ColourScale sequential_scale(const std::vector<const std::vector<double>*>& values, bool is_share) {
  std::vector<double> finite;
  for (const auto* list : values)
    for (const double v : *list)
      if (std::isfinite(v)) finite.push_back(v);
  ColourScale scale;
  scale.is_share = is_share;
  if (finite.empty()) return scale;
  scale.low = percentile(finite, 0.02);
  scale.high = percentile(finite, 0.98);
  if (scale.high <= scale.low) {
    const double pad = std::max(1e-3, std::abs(scale.low) * 0.01);
    scale.low -= pad;
    scale.high += pad;
  }
  return scale;
}

ColourScale diverging_scale(const std::vector<double>& differences, bool is_share) {
  std::vector<double> magnitude;
  for (const double v : differences)
    if (std::isfinite(v)) magnitude.push_back(std::abs(v));
  ColourScale scale;
  scale.is_share = is_share;
  scale.diverging = true;
  const double m = magnitude.empty() ? 0.0 : percentile(magnitude, 0.98);
  scale.high = m > 0.0 ? m : 1e-3;
  scale.low = -scale.high;
  return scale;
}

void draw_label(sf::RenderTarget& target, const sf::Font& font, const std::string& text, sf::Vector2f position,
                unsigned font_px, sf::Color colour, bool bold) {
  sf::Text label(sf::String::fromUtf8(text.begin(), text.end()), font, font_px);
  label.setStyle(bold ? sf::Text::Bold : sf::Text::Regular);
  label.setPosition(std::round(position.x), std::round(position.y));
  label.setFillColor(colour);
  label.setOutlineColor(sf::Color(255, 255, 255, 200));
  label.setOutlineThickness(2.0f);
  target.draw(label);
}

float draw_colour_legend(sf::RenderTarget& target, const sf::Font& font, sf::Vector2f top_left, float width,
                         unsigned font_px, const ColourScale& scale) {
  const auto line = static_cast<float>(font_px) * 1.3f;
  const float bar_height = static_cast<float>(font_px) * 0.9f;
  const float padding = 8.0f;
  const float height = 2.0f * line + bar_height + line + 2.0f * padding;
  sf::RectangleShape panel({width, height});
  panel.setPosition(top_left);
  panel.setFillColor(sf::Color(255, 255, 255, 225));
  panel.setOutlineColor(sf::Color(120, 120, 120));
  panel.setOutlineThickness(1.0f);
  target.draw(panel);
  const float x = top_left.x + padding;
  float y = top_left.y + padding;
  // A title wider than the box is set smaller.
  unsigned title_px = font_px;
  while (title_px > 11) {
    sf::Text probe(sf::String::fromUtf8(scale.title.begin(), scale.title.end()), font, title_px);
    probe.setStyle(sf::Text::Bold);
    if (probe.getLocalBounds().width <= width - 2.0f * padding) break;
    --title_px;
  }
  draw_label(target, font, scale.title, {x, y}, title_px, sf::Color(20, 20, 20), true);
  y += line;
  draw_label(target, font, scale.units, {x, y}, font_px - 2, sf::Color(70, 70, 70));
  y += line;
  const float bar_width = width - 2.0f * padding;
  sf::VertexArray ramp(sf::TriangleStrip);
  constexpr int steps = 64;
  for (int i = 0; i <= steps; ++i) {
    const double t = static_cast<double>(i) / steps;
    const sf::Color c = scale.colour(scale.low + t * (scale.high - scale.low));
    const float px = x + static_cast<float>(t) * bar_width;
    ramp.append(sf::Vertex({px, y}, c));
    ramp.append(sf::Vertex({px, y + bar_height}, c));
  }
  target.draw(ramp);
  y += bar_height + 2.0f;
  const unsigned small = font_px - 2;
  const auto text_width = [&](const std::string& s) {
    return sf::Text(s, font, small).getLocalBounds().width;
  };
  const std::string low = scale.label(scale.low), mid = scale.label(0.5 * (scale.low + scale.high)), high = scale.label(scale.high);
  draw_label(target, font, low, {x, y}, small, sf::Color(40, 40, 40));
  draw_label(target, font, mid, {x + 0.5f * (bar_width - text_width(mid)), y}, small, sf::Color(40, 40, 40));
  draw_label(target, font, high, {x + bar_width - text_width(high), y}, small, sf::Color(40, 40, 40));
  return height;
}

}  // namespace convivia::viz
