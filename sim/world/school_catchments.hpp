// Which school a child attends: the nearest school with room among the four nearest to the home
// cell, else the nearest. Used when the world is built, when a household moves and at the start of
// each school year, so every assignment follows the same rule. At the start of a school year a
// controlled-choice scheme (the school-mixing policy) may allocate a share of the places instead:
// such a child goes to the school with room, among the same four, where its group has the smallest
// share of the pupils placed so far.
#pragma once

#include "world/city.hpp"
#include "world/nearest_venues.hpp"
#include "world/population.hpp"
#include "world/venues.hpp"

#include <cstdint>
#include <functional>
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
  // The controlled-choice school: group_load[venue * group_count + g] counts pupils of group g.
  std::uint32_t choose_mixing(std::uint32_t home_cell, const std::vector<std::uint32_t>& load, std::uint8_t group,
                              const std::vector<std::uint32_t>& group_load, std::size_t group_count) const;

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

// Controlled choice for one school year: mixing_share_of(i) is the chance that child i's place is
// allocated by the mixing rule, drawn from (seed, school_choice, year, i).
struct SchoolMixing {
  std::uint64_t seed = 0;
  std::uint32_t year = 0;
  std::function<float(std::size_t)> mixing_share_of;
};
void assign_schools(const Venues& venues, const City& city, Population& residents, const SchoolMixing& mixing);

}  // namespace convivia
