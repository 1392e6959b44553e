// Which school a child attends: the nearest school with room among the four nearest to the home
// cell, else the nearest. Used when the world is built, when a household moves and at the start of
// each school year, so every assignment follows the same rule.
#pragma once

#include "world/city.hpp"
#include "world/nearest_venues.hpp"
#include "world/population.hpp"
#include "world/venues.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

// A nearest-venue index over the venues of one kind.
NearestVenueIndex index_of_kind(const Venues& venues, const City& city, VenueKind kind);

class SchoolCatchments {
 public:
  SchoolCatchments(const Venues& venues, const City& city);

  bool empty() const { return schools_.empty(); }
  // The school for a child living in home_cell, given the current number of pupils per venue
  // (load, indexed by venue id); no_venue if the city has no school.
  std::uint32_t choose(std::uint32_t home_cell, const std::vector<std::uint32_t>& load) const;

 private:
  const Venues& venues_;
  const City& city_;
  NearestVenueIndex schools_;
  mutable std::vector<std::uint32_t> near_;
};

// Pupils per venue: the number of children whose fixed venue it is.
std::vector<std::uint32_t> school_load(const Venues& venues, const Population& residents);

// Assigns every child a school from scratch, in resident id order.
void assign_schools(const Venues& venues, const City& city, Population& residents);

}  // namespace convivia
