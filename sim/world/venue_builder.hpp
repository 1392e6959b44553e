// Venues of a city and who uses them: a home block per inhabited cell; schools, workplaces and
// leisure venues from densities per 1000 residents, placed in cells with probability proportional to
// their residents; civic forums one per district when their density is 0. Children attend the
// nearest school with room (among the four nearest, else the nearest); employed adults work at a
// random workplace with room (commuting crosses the city). Each inhabited cell gets its nearest
// venue of every leisure kind as candidates for leisure choice.
#pragma once

#include "world/city.hpp"
#include "world/population.hpp"
#include "world/scenario_config.hpp"
#include "world/venues.hpp"

#include <vector>

namespace convivia {

struct VenueBuild {
  Venues venues;
  LeisureCandidates leisure;
  std::vector<std::uint32_t> cell_home_venue;
};

// Also sets residents.home_venue and residents.fixed_venue.
VenueBuild build_venues(const ScenarioConfig& config, const City& city, Population& residents);

}  // namespace convivia
