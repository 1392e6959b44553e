// A city before it is populated: the raster with districts, and how many residents of each group
// each district should get (already scaled by city.scale). Synthetic cities are planned from scenario
// keys; real cities from a district table rasterised to cells.
#pragma once

#include "world/city.hpp"
#include "world/district_table.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

struct CityPlan {
  City city;
  std::vector<std::int64_t> district_group_residents;  // [district][group]
};

// Districts on a grid (districts_x by districts_y, each district_cells square). Each district's group
// shares blend the city-wide shares with its "home" group (district index modulo group count) by
// district_share_contrast.
CityPlan plan_synthetic_city(const ScenarioConfig& config);

// The districts a city will have, with ids and names but no cells: what policy targets may name.
std::vector<District> planned_districts(const ScenarioConfig& config, const DistrictTable* table);

// Districts from a real table; group counts scaled by city.scale with largest-remainder rounding so the
// city total is exactly round(total * scale).
CityPlan plan_imported_city(const ScenarioConfig& config, const DistrictTable& table);

}  // namespace convivia
