// Builds the whole world from a validated scenario: plans the city (synthetic, or from an imported
// district table), populates it and creates its venues.
#pragma once

#include "world/district_table.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

namespace convivia {

// `table` is required when config.city.source is import, and ignored otherwise.
World build_world(const ScenarioConfig& config, const DistrictTable* table);

}  // namespace convivia
