// Venues as a structure of arrays with dense ids. Home blocks are venues too (one per inhabited
// cell), so every slot buckets residents by venue the same way.
#pragma once

#include "world/venue_kind.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

inline constexpr std::uint32_t no_venue = 0xffffffffu;

struct Venues {
  std::vector<VenueKind> kind;
  std::vector<std::uint32_t> cell;
  std::vector<std::int32_t> district;
  std::vector<std::uint32_t> capacity;
  std::vector<std::uint8_t> slot_mask;     // bit s: open in slot s
  std::vector<std::uint8_t> weekday_mask;  // bit d: open on weekday d
  std::vector<float> cooperation;
  std::vector<float> attractiveness;
  std::vector<std::uint8_t> rounds;
  std::vector<float> x_m;
  std::vector<float> y_m;

  std::size_t size() const { return kind.size(); }
  bool open(std::uint32_t venue, int slot, int weekday) const {
    return ((slot_mask[venue] >> slot) & 1u) != 0 && ((weekday_mask[venue] >> weekday) & 1u) != 0;
  }
};

// For each inhabited cell, the nearest venue of each leisure kind: venue[cell * per_cell + k] and its
// distance in km (no_venue if the city has no venue of that kind).
struct LeisureCandidates {
  int per_cell = 0;
  std::vector<std::uint32_t> venue;
  std::vector<float> distance_km;
};

}  // namespace convivia
