// Residents bucketed by the venue they are at in the current slot: a counting sort whose order
// within a bucket is resident id order, whatever the thread count. Residents are split into a fixed
// number of chunks (independent of threads); each chunk counts and scatters its residents in
// parallel, and chunk c's residents of a venue come before chunk c+1's.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace convivia {

class VenueBuckets {
 public:
  void build(const std::vector<std::uint32_t>& venue_of_resident, std::size_t venue_count);

  std::size_t venue_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::uint32_t size_of(std::uint32_t venue) const { return offsets_[venue + 1] - offsets_[venue]; }
  std::span<const std::uint32_t> residents_at(std::uint32_t venue) const {
    return {residents_.data() + offsets_[venue], residents_.data() + offsets_[venue + 1]};
  }

 private:
  static constexpr std::size_t chunk_count = 8;
  std::vector<std::uint32_t> chunk_cursor_;  // [chunk][venue]: count, then scatter position
  std::vector<std::uint32_t> offsets_;       // venue_count + 1
  std::vector<std::uint32_t> residents_;
};

}  // namespace convivia
