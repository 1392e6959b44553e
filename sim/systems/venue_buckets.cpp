// Deterministic parallel counting sort of residents by venue (see venue_buckets.hpp).
#include "systems/venue_buckets.hpp"

#include "core/parallel.hpp"

#include <algorithm>

namespace convivia {

void VenueBuckets::build(const std::vector<std::uint32_t>& venue_of_resident, std::size_t venue_count) {
  const std::size_t resident_count = venue_of_resident.size();
  chunk_cursor_.assign(chunk_count * venue_count, 0);
  offsets_.resize(venue_count + 1);
  residents_.resize(resident_count);
  const std::size_t chunk_size = (resident_count + chunk_count - 1) / chunk_count;
  const auto chunk_range = [&](std::size_t c) {
    const std::size_t begin = std::min(resident_count, c * chunk_size);
    return std::pair{begin, std::min(resident_count, begin + chunk_size)};
  };

  parallel_for(chunk_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t c = first; c < last; ++c) {
      std::uint32_t* counts = chunk_cursor_.data() + c * venue_count;
      const auto [begin, end] = chunk_range(c);
      for (std::size_t i = begin; i < end; ++i) ++counts[venue_of_resident[i]];
    }
  });

  // Per venue: turn chunk counts into positions relative to the venue's start, and total them.
  parallel_for(venue_count, 4096, [&](std::size_t first, std::size_t last) {
    for (std::size_t v = first; v < last; ++v) {
      std::uint32_t running = 0;
      for (std::size_t c = 0; c < chunk_count; ++c) {
        std::uint32_t& slot = chunk_cursor_[c * venue_count + v];
        const std::uint32_t count = slot;
        slot = running;
        running += count;
      }
      offsets_[v + 1] = running;
    }
  });
  offsets_[0] = 0;
  for (std::size_t v = 0; v < venue_count; ++v) offsets_[v + 1] += offsets_[v];

  parallel_for(chunk_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t c = first; c < last; ++c) {
      std::uint32_t* cursor = chunk_cursor_.data() + c * venue_count;
      const auto [begin, end] = chunk_range(c);
      for (std::size_t i = begin; i < end; ++i) {
        const std::uint32_t v = venue_of_resident[i];
        residents_[offsets_[v] + cursor[v]++] = static_cast<std::uint32_t>(i);
      }
    }
  });
}

}  // namespace convivia
