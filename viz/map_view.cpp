// Drawing one map panel (see map_view.hpp).
#include "map_view.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace convivia::viz {
namespace {

// Outline of a venue symbol as points around the centre at unit radius. Every shape is star-shaped
// from its centre, so a fan of triangles from the centre fills it.
std::vector<sf::Vector2f> symbol_outline(std::size_t kind) {
  const auto regular = [](int corners, float rotation) {
    std::vector<sf::Vector2f> points;
    for (int i = 0; i < corners; ++i) {
      const float a = rotation + 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(corners);
      points.push_back({std::cos(a), std::sin(a)});
    }
    return points;
  };
  const float up = -std::numbers::pi_v<float> / 2.0f;
  switch (kind) {
    case 1: return regular(3, up);                                   // school: triangle
    case 2: return regular(4, std::numbers::pi_v<float> / 4.0f);     // workplace: square
    case 3: return regular(16, 0.0f);                                // park: circle
    case 4: return regular(4, 0.0f);                                 // library: diamond
    case 5: {                                                        // market: plus
      const float w = 0.38f;
      return {{w, -1}, {w, -w}, {1, -w}, {1, w}, {w, w}, {w, 1}, {-w, 1}, {-w, w}, {-1, w}, {-1, -w}, {-w, -w}, {-w, -1}};
    }
    case 6: return regular(5, up);                                   // sports: pentagon
    case 7: return regular(6, 0.0f);                                 // community centre: hexagon
    case 8: {                                                        // civic forum: star
      std::vector<sf::Vector2f> points;
      for (int i = 0; i < 10; ++i) {
        const float a = up + std::numbers::pi_v<float> * static_cast<float>(i) / 5.0f;
        const float r = i % 2 == 0 ? 1.0f : 0.45f;
        points.push_back({r * std::cos(a), r * std::sin(a)});
      }
      return points;
    }
    default: return regular(4, std::numbers::pi_v<float> / 4.0f);
  }
}

void append_fan(std::vector<sf::Vertex>& triangles, const std::vector<sf::Vector2f>& outline, sf::Vector2f centre, float radius,
                sf::Color colour) {
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const sf::Vector2f a = outline[i];
    const sf::Vector2f b = outline[(i + 1) % outline.size()];
    triangles.emplace_back(centre, colour);
    triangles.emplace_back(centre + a * radius, colour);
    triangles.emplace_back(centre + b * radius, colour);
  }
}

// A fixed pseudo-random offset per sampled resident, so residents at one venue spread around it.
sf::Vector2f jitter_of(std::size_t k) {
  std::uint64_t h = (k + 1) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  const float angle = static_cast<float>(h & 0xffff) / 65536.0f * 2.0f * std::numbers::pi_v<float>;
  const float radius = std::sqrt(static_cast<float>((h >> 16) & 0xffff) / 65536.0f);
  return {radius * std::cos(angle), radius * std::sin(angle)};
}

// Slots are eased: residents wait at a venue, then move in the middle of the slot change.
float ease(double fraction) {
  const double t = std::clamp((fraction - 0.25) / 0.5, 0.0, 1.0);
  return static_cast<float>(t * t * (3.0 - 2.0 * t));
}

}  // namespace

void MapView::append_symbol(std::vector<sf::Vertex>& triangles, std::size_t kind, sf::Vector2f centre, float radius) {
  const std::vector<sf::Vector2f> outline = symbol_outline(kind);
  append_fan(triangles, outline, centre, radius * 1.45f, sf::Color(20, 20, 20));
  append_fan(triangles, outline, centre, radius, sf::Color::White);
}

void MapView::set_run(const RunData& run) {
  run_ = &run;
  image_.create(static_cast<unsigned>(std::max(1, run.width)), static_cast<unsigned>(std::max(1, run.height)),
                sf::Color::Transparent);
  texture_.create(image_.getSize().x, image_.getSize().y);
  texture_.setSmooth(false);
  jitter_.resize(run.sample_count);
  for (std::size_t k = 0; k < run.sample_count; ++k) jitter_[k] = jitter_of(k);
  layout(rect_);
}

sf::Vector2f MapView::to_screen(float x_m, float y_m) const { return {origin_.x + x_m * scale_, origin_.y - y_m * scale_}; }

void MapView::layout(const sf::FloatRect& rect) {
  rect_ = rect;
  if (run_ == nullptr || run_->width <= 0 || rect.width <= 0 || rect.height <= 0) return;
  const float width_m = static_cast<float>(run_->width * run_->cell_size_m);
  const float height_m = static_cast<float>(run_->height * run_->cell_size_m);
  scale_ = std::min(rect.width / width_m, rect.height / height_m);
  const float left = rect.left + 0.5f * (rect.width - width_m * scale_);
  const float top = rect.top + 0.5f * (rect.height - height_m * scale_);
  origin_ = {left, top + height_m * scale_};
  sprite_.setTexture(texture_, true);
  sprite_.setPosition(left, top);
  // The image's row 0 is the northern-most row (y flipped when filled).
  sprite_.setScale(width_m * scale_ / static_cast<float>(run_->width), height_m * scale_ / static_cast<float>(run_->height));
  rebuild_borders();
  rebuild_venues();
  cache_->create(static_cast<unsigned>(std::ceil(rect.width)), static_cast<unsigned>(std::ceil(rect.height)));
  cache_valid_ = false;
}

void MapView::set_district_colours(const std::vector<sf::Color>& colours) {
  if (run_ == nullptr) return;
  const int w = run_->width;
  const int h = run_->height;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::int32_t d = run_->cell_district[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
      const sf::Color colour = d >= 0 && static_cast<std::size_t>(d) < colours.size() ? colours[static_cast<std::size_t>(d)]
                                                                                        : sf::Color::Transparent;
      image_.setPixel(static_cast<unsigned>(x), static_cast<unsigned>(h - 1 - y), colour);
    }
  texture_.update(image_);
  cache_valid_ = false;
}

void MapView::redraw_cache(const MapLayers& layers) {
  cache_->clear(background);
  sf::RenderStates states;
  states.transform.translate(-rect_.left, -rect_.top);
  cache_->draw(sprite_, states);
  if (layers.borders && borders_.getVertexCount() > 0) cache_->draw(borders_, states);
  if (layers.venues) {
    for (std::size_t kind = 0; kind < 9; ++kind) {
      const std::size_t count = kind_first_[kind + 1] - kind_first_[kind];
      if (layers.venue_kinds[kind] && count > 0) cache_->draw(&venue_symbols_[kind_first_[kind]], count, sf::Triangles, states);
    }
  }
  cache_->display();
  const sf::Image image = cache_->getTexture().copyToImage();
  cache_pixels_.assign(image.getPixelsPtr(), image.getPixelsPtr() + 4 * image.getSize().x * image.getSize().y);
  frame_pixels_.resize(cache_pixels_.size());
  if (frame_texture_.getSize() != image.getSize()) frame_texture_.create(image.getSize().x, image.getSize().y);
  cached_layers_ = layers;
  cache_valid_ = true;
}

void MapView::rebuild_borders() {
  borders_.clear();
  district_borders_.assign(run_->district_count(), {});
  const sf::Color colour(255, 255, 255, 150);
  const auto add = [&](std::size_t district, sf::Vector2f a, sf::Vector2f b) {
    borders_.append(sf::Vertex(a, colour));
    borders_.append(sf::Vertex(b, colour));
    district_borders_[district].emplace_back(a, sf::Color::Black);
    district_borders_[district].emplace_back(b, sf::Color::Black);
  };
  if (!run_->ring_district.empty()) {
    for (std::size_t r = 0; r < run_->ring_district.size(); ++r) {
      const auto first = static_cast<std::size_t>(run_->ring_start[r]);
      const auto count = static_cast<std::size_t>(run_->ring_vertex_count[r]);
      for (std::size_t i = 0; i + 1 < count; ++i)
        add(static_cast<std::size_t>(run_->ring_district[r]), to_screen(run_->vertex_x_m[first + i], run_->vertex_y_m[first + i]),
            to_screen(run_->vertex_x_m[first + i + 1], run_->vertex_y_m[first + i + 1]));
    }
    return;
  }
  // No outlines (synthetic city): the edges between cells of different districts.
  const int w = run_->width;
  const int h = run_->height;
  const auto cell = static_cast<float>(run_->cell_size_m);
  const auto at = [&](int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? -1 : run_->cell_district[static_cast<std::size_t>(y * w + x)];
  };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::int32_t d = at(x, y);
      const float x0 = static_cast<float>(x) * cell, y0 = static_cast<float>(y) * cell;
      if (d >= 0 && at(x + 1, y) != d) add(static_cast<std::size_t>(d), to_screen(x0 + cell, y0), to_screen(x0 + cell, y0 + cell));
      if (d >= 0 && at(x - 1, y) != d) add(static_cast<std::size_t>(d), to_screen(x0, y0), to_screen(x0, y0 + cell));
      if (d >= 0 && at(x, y + 1) != d) add(static_cast<std::size_t>(d), to_screen(x0, y0 + cell), to_screen(x0 + cell, y0 + cell));
      if (d >= 0 && at(x, y - 1) != d) add(static_cast<std::size_t>(d), to_screen(x0, y0), to_screen(x0 + cell, y0));
    }
}

void MapView::rebuild_venues() {
  venue_symbols_.clear();
  const float radius = std::clamp(rect_.width / 320.0f, 2.0f, 5.0f);
  for (std::size_t kind = 0; kind < 9; ++kind) {
    kind_first_[kind] = venue_symbols_.size();
    for (std::size_t v = 0; v < run_->venue_kind.size(); ++v)
      if (run_->venue_kind[v] == kind) append_symbol(venue_symbols_, kind, to_screen(run_->venue_x_m[v], run_->venue_y_m[v]), radius);
  }
  kind_first_[9] = venue_symbols_.size();
}

void MapView::draw(sf::RenderTarget& target, double tick, const MapLayers& layers, const std::vector<sf::Color>& group_colours) {
  if (run_ == nullptr) return;
  if (!cache_valid_ || layers.borders != cached_layers_.borders || layers.venues != cached_layers_.venues ||
      layers.venue_kinds != cached_layers_.venue_kinds)
    redraw_cache(layers);
  if (!layers.residents || run_->sample_count == 0 || run_->ticks() == 0) {
    sf::Sprite cached(cache_->getTexture());
    cached.setPosition(rect_.left, rect_.top);
    target.draw(cached);
    return;
  }
  const std::int64_t last = run_->ticks() - 1;
  const double clamped = std::clamp(tick, 0.0, static_cast<double>(last));
  const auto from = static_cast<std::int64_t>(std::floor(clamped));
  const std::int64_t to = std::min(from + 1, last);
  const float f = ease(clamped - static_cast<double>(from));
  const float spread = std::max(3.0f, 0.6f * static_cast<float>(run_->cell_size_m) * scale_);
  const int side = std::clamp(static_cast<int>(std::lround(rect_.width / 250.0f)), 3, 6);  // dot size in pixels
  const auto width = static_cast<int>(frame_texture_.getSize().x);
  const auto height = static_cast<int>(frame_texture_.getSize().y);
  std::copy(cache_pixels_.begin(), cache_pixels_.end(), frame_pixels_.begin());
  const std::size_t n = run_->sample_count;
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t a = run_->venue_at(from, k);
    const std::uint32_t b = run_->venue_at(to, k);
    const float x = run_->venue_x_m[a] + f * (run_->venue_x_m[b] - run_->venue_x_m[a]);
    const float y = run_->venue_y_m[a] + f * (run_->venue_y_m[b] - run_->venue_y_m[a]);
    const sf::Vector2f p = to_screen(x, y) + jitter_[k] * spread - sf::Vector2f(rect_.left, rect_.top);
    const std::uint8_t g = run_->sample_group[k];
    const sf::Color c = g < group_colours.size() ? group_colours[g] : sf::Color::Black;
    const int x0 = static_cast<int>(std::lround(p.x)) - side / 2;
    const int y0 = static_cast<int>(std::lround(p.y)) - side / 2;
    for (int py = std::max(0, y0); py < std::min(height, y0 + side); ++py)
      for (int px = std::max(0, x0); px < std::min(width, x0 + side); ++px) {
        std::uint8_t* pixel = &frame_pixels_[4 * (static_cast<std::size_t>(py) * static_cast<std::size_t>(width) + static_cast<std::size_t>(px))];
        pixel[0] = c.r;
        pixel[1] = c.g;
        pixel[2] = c.b;
        pixel[3] = 255;
      }
  }
  frame_texture_.update(frame_pixels_.data());
  sf::Sprite frame(frame_texture_);
  frame.setPosition(rect_.left, rect_.top);
  target.draw(frame, sf::RenderStates(sf::BlendNone));
}

void MapView::draw_highlight(sf::RenderTarget& target, int district) const {
  if (district < 0 || static_cast<std::size_t>(district) >= district_borders_.size()) return;
  const auto& lines = district_borders_[static_cast<std::size_t>(district)];
  if (!lines.empty()) target.draw(lines.data(), lines.size(), sf::Lines);
}

int MapView::district_at(sf::Vector2f pixel) const {
  if (run_ == nullptr || scale_ <= 0.0f || !rect_.contains(pixel)) return -1;
  const double x_m = (pixel.x - origin_.x) / scale_;
  const double y_m = (origin_.y - pixel.y) / scale_;
  const auto cx = static_cast<int>(std::floor(x_m / run_->cell_size_m));
  const auto cy = static_cast<int>(std::floor(y_m / run_->cell_size_m));
  if (cx < 0 || cy < 0 || cx >= run_->width || cy >= run_->height) return -1;
  return run_->cell_district[static_cast<std::size_t>(cy * run_->width + cx)];
}

}  // namespace convivia::viz
