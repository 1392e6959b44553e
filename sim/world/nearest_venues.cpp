// Grid-bucketed nearest-venue search (see nearest_venues.hpp).
#include "world/nearest_venues.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace convivia {

NearestVenueIndex::NearestVenueIndex(const std::vector<float>& xs, const std::vector<float>& ys,
                                     const std::vector<std::uint32_t>& ids, double width_m, double height_m)
    : xs_(xs), ys_(ys), ids_(ids) {
  if (ids_.empty()) return;
  const double area = std::max(width_m * height_m, 1.0);
  bucket_size_m_ = std::max(std::sqrt(area * 4.0 / static_cast<double>(ids_.size())), 1.0);
  buckets_x_ = std::max(1, static_cast<int>(std::ceil(width_m / bucket_size_m_)));
  buckets_y_ = std::max(1, static_cast<int>(std::ceil(height_m / bucket_size_m_)));
  const auto bucket_of = [&](std::size_t i) {
    const int bx = std::clamp(static_cast<int>(xs_[i] / bucket_size_m_), 0, buckets_x_ - 1);
    const int by = std::clamp(static_cast<int>(ys_[i] / bucket_size_m_), 0, buckets_y_ - 1);
    return static_cast<std::size_t>(by) * static_cast<std::size_t>(buckets_x_) + static_cast<std::size_t>(bx);
  };
  bucket_offsets_.assign(static_cast<std::size_t>(buckets_x_) * static_cast<std::size_t>(buckets_y_) + 1, 0);
  for (std::size_t i = 0; i < ids_.size(); ++i) ++bucket_offsets_[bucket_of(i) + 1];
  for (std::size_t b = 1; b < bucket_offsets_.size(); ++b) bucket_offsets_[b] += bucket_offsets_[b - 1];
  bucket_items_.resize(ids_.size());
  std::vector<std::uint32_t> cursor(bucket_offsets_.begin(), bucket_offsets_.end() - 1);
  for (std::size_t i = 0; i < ids_.size(); ++i) bucket_items_[cursor[bucket_of(i)]++] = static_cast<std::uint32_t>(i);
}

void NearestVenueIndex::nearest(double x, double y, std::size_t k, std::vector<std::uint32_t>& out) const {
  out.clear();
  if (ids_.empty() || k == 0) return;
  k = std::min(k, ids_.size());
  const int cx = std::clamp(static_cast<int>(x / bucket_size_m_), 0, buckets_x_ - 1);
  const int cy = std::clamp(static_cast<int>(y / bucket_size_m_), 0, buckets_y_ - 1);
  std::vector<std::pair<double, std::uint32_t>> found;  // (squared distance, item)
  const int max_ring = std::max(buckets_x_, buckets_y_);
  for (int ring = 0; ring <= max_ring; ++ring) {
    for (int by = cy - ring; by <= cy + ring; ++by) {
      if (by < 0 || by >= buckets_y_) continue;
      for (int bx = cx - ring; bx <= cx + ring; ++bx) {
        if (bx < 0 || bx >= buckets_x_) continue;
        if (std::max(std::abs(bx - cx), std::abs(by - cy)) != ring) continue;  // only the ring's border
        const std::size_t bucket = static_cast<std::size_t>(by) * static_cast<std::size_t>(buckets_x_) + static_cast<std::size_t>(bx);
        for (std::uint32_t p = bucket_offsets_[bucket]; p < bucket_offsets_[bucket + 1]; ++p) {
          const std::uint32_t item = bucket_items_[p];
          const double dx = xs_[item] - x, dy = ys_[item] - y;
          found.emplace_back(dx * dx + dy * dy, item);
        }
      }
    }
    if (found.size() >= k) {
      // Anything outside the scanned square is at least `ring * bucket_size_m_` away.
      std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), found.end(),
                        [&](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : ids_[a.second] < ids_[b.second]; });
      const double safe = static_cast<double>(ring) * bucket_size_m_;
      if (found[k - 1].first <= safe * safe || ring == max_ring) break;
    }
  }
  std::sort(found.begin(), found.end(),
            [&](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : ids_[a.second] < ids_[b.second]; });
  for (std::size_t i = 0; i < std::min(k, found.size()); ++i) out.push_back(ids_[found[i].second]);
}

}  // namespace convivia
