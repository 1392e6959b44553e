// One map panel: the city raster filled with a colour per district, district borders (the run's
// polygon rings, or the raster's own borders for synthetic cities), venues as black-and-white
// symbols whose shape says the kind, and the sampled residents as dots in their group's colour that
// glide from venue to venue between slots. The panel fits the city into a rectangle of the window.
// Dots are drawn as opaque squares in exactly their group's colour.
#pragma once

#include "run_data.hpp"

#include <SFML/Graphics.hpp>

#include <array>
#include <memory>
#include <vector>

namespace convivia::viz {

struct MapLayers {
  bool residents = true;
  bool venues = true;
  bool borders = true;
  // Shown by default: schools, parks, libraries, community centres (the others crowd a city map).
  std::array<bool, 9> venue_kinds{false, true, false, true, true, false, false, true, false};
};

class MapView {
 public:
  // Geometry of `run` (kept by reference: it must outlive the view or be set again).
  void set_run(const RunData& run);
  // Fits the city into `rect` (window pixels), keeping its proportions.
  void layout(const sf::FloatRect& rect);
  const sf::FloatRect& rect() const { return rect_; }
  // Fill colour of each district (index = district); cells outside districts stay clear.
  void set_district_colours(const std::vector<sf::Color>& colours);
  // Colour of the window behind the map (the cache is opaque).
  static inline const sf::Color background{236, 236, 232};
  // Draws the panel at time `tick` (fractional: between slots residents are on their way).
  void draw(sf::RenderTarget& target, double tick, const MapLayers& layers, const std::vector<sf::Color>& group_colours);
  // Draws only the borders of one district, highlighted (the hovered one).
  void draw_highlight(sf::RenderTarget& target, int district) const;
  // The district under a window pixel, or -1.
  int district_at(sf::Vector2f pixel) const;
  // Pixel size of one metre on screen.
  float pixels_per_metre() const { return scale_; }

  // Venue symbol for the legend: the shape of `kind` centred at `centre`, radius in pixels.
  static void append_symbol(std::vector<sf::Vertex>& triangles, std::size_t kind, sf::Vector2f centre, float radius);

 private:
  sf::Vector2f to_screen(float x_m, float y_m) const;
  void rebuild_borders();
  void rebuild_venues();

  const RunData* run_ = nullptr;
  sf::FloatRect rect_;
  float scale_ = 1.0f;  // pixels per metre
  sf::Vector2f origin_;  // screen position of the city frame's (0, height) corner
  sf::Image image_;
  sf::Texture texture_;
  sf::Sprite sprite_;
  sf::VertexArray borders_{sf::Lines};
  std::vector<std::vector<sf::Vertex>> district_borders_;  // per district, for highlighting
  std::vector<sf::Vertex> venue_symbols_;  // triangles, grouped by kind
  std::array<std::size_t, 10> kind_first_{};  // kind k's triangles are [kind_first_[k], kind_first_[k + 1])
  // The fill, borders and venues change rarely: drawn once into this cache and then copied per
  // frame (a software renderer spends most of a frame on thousands of border lines otherwise).
  std::unique_ptr<sf::RenderTexture> cache_ = std::make_unique<sf::RenderTexture>();
  bool cache_valid_ = false;
  MapLayers cached_layers_;
  void redraw_cache(const MapLayers& layers);
  // The dots are painted on the CPU into a copy of the cache and the frame is uploaded as one
  // opaque texture: thousands of tiny triangles cost a software renderer far more than one upload.
  std::vector<std::uint8_t> cache_pixels_;  // RGBA of the cache, row 0 at the top
  std::vector<std::uint8_t> frame_pixels_;
  sf::Texture frame_texture_;
  std::vector<sf::Vector2f> jitter_;  // per sample, pixels: residents at one venue spread around it
};

}  // namespace convivia::viz
