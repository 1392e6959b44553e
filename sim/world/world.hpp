// Everything that exists in a simulated city: the raster, venues, residents and households, and the
// per-cell leisure candidates. Built once from a scenario by build_world (world/world_builder).
#pragma once

#include "world/city.hpp"
#include "world/population.hpp"
#include "world/scenario_config.hpp"
#include "world/venues.hpp"

#include <string>
#include <vector>

namespace convivia {

struct World {
  City city;
  Venues venues;
  Population residents;
  Households households;
  LeisureCandidates leisure;
  std::vector<std::uint32_t> cell_home_venue;  // home-block venue of each cell, or no_venue
  std::vector<std::string> group_names;
  // The group with the most residents at the start (lowest index on ties): the reference for
  // employment gaps, and the group that discrimination in jobs, housing and services does not target.
  std::uint8_t majority_group = 0;
};

}  // namespace convivia
