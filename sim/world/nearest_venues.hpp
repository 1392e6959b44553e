// Nearest-venue queries on the city plane. Venues of one kind are bucketed into a coarse square grid
// sized so a bucket holds a few venues; a query scans rings of buckets outward until no closer venue
// can remain. Used when the world is built (school catchments, leisure candidates), never in the step.
#pragma once

#include <cstdint>
#include <vector>

namespace convivia {

class NearestVenueIndex {
 public:
  // xs, ys: positions (metres) of the venues; ids: the venue id reported for each position.
  NearestVenueIndex(const std::vector<float>& xs, const std::vector<float>& ys, const std::vector<std::uint32_t>& ids,
                    double width_m, double height_m);

  bool empty() const { return ids_.empty(); }
  // Up to k nearest venue ids to (x, y), nearest first; ties broken by smaller id.
  void nearest(double x, double y, std::size_t k, std::vector<std::uint32_t>& out) const;

 private:
  std::vector<float> xs_, ys_;
  std::vector<std::uint32_t> ids_;
  double bucket_size_m_ = 1.0;
  int buckets_x_ = 1, buckets_y_ = 1;
  std::vector<std::uint32_t> bucket_offsets_;  // buckets_x_ * buckets_y_ + 1
  std::vector<std::uint32_t> bucket_items_;    // indices into xs_/ys_/ids_
};

}  // namespace convivia
