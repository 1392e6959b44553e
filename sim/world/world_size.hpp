// How big a scenario's world will be, known before anything is built: residents, grid cells and
// venues, and the least memory the world's arrays take for them. The scenario loader compares these
// with fixed limits and with the machine's memory (io/world_limits), so an absurd size is a clear
// error before the first large allocation instead of an allocation failure (or worse, an integer
// overflow) deep inside world building.
#pragma once

#include "world/district_table.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>

namespace convivia {

struct PlannedWorldSize {
  double residents = 0.0;  // after city.scale
  double cells = 0.0;      // grid cells (width * height)
  double width = 0.0;      // grid width and height in cells
  double height = 0.0;
  double venues = 0.0;     // at most one home block per cell plus the venues set by densities
};

// Sizes as world building will make them; for an imported city `table` is the district table (its
// polygons set the grid). Doubles, so absurd inputs cannot overflow.
PlannedWorldSize planned_world_size(const ScenarioConfig& config, const DistrictTable* table);

// Bytes of the population arrays per resident (world/population.hpp), per cell of the raster and its
// per-cell tables, and per venue with the simulation's per-venue tables: a lower bound, since the
// systems' working arrays and the output come on top (docs/reliability.md gives the measured peak).
double population_bytes_per_resident(int group_count, int features);  // Population alone, exact
double resident_bytes(int group_count, int features);
double cell_bytes();
double venue_bytes(int group_count);

// The least memory the planned world needs, in bytes.
double minimum_world_bytes(const PlannedWorldSize& size, int group_count, int features);

}  // namespace convivia
