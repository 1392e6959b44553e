// Orchestrates city planning, population and venues (see world_builder.hpp).
#include "world/world_builder.hpp"

#include "core/assert.hpp"
#include "world/city_plan.hpp"
#include "world/population_builder.hpp"
#include "world/venue_builder.hpp"

#include <algorithm>

namespace convivia {

World build_world(const ScenarioConfig& config, const DistrictTable* table) {
  CONVIVIA_CHECK(!config.groups.empty() && config.groups.size() <= static_cast<std::size_t>(max_group_count),
                 "scenario has between 1 and max_group_count groups");
  CityPlan plan;
  if (config.city.source == CitySource::import) {
    CONVIVIA_CHECK(table != nullptr, "an imported city needs its district table");
    plan = plan_imported_city(config, *table);
  } else {
    plan = plan_synthetic_city(config);
  }
  PopulationBuild population = build_population(config, plan);
  World world;
  world.residents = std::move(population.residents);
  world.households = std::move(population.households);
  VenueBuild venues = build_venues(config, plan.city, world.residents);
  world.city = std::move(plan.city);
  world.venues = std::move(venues.venues);
  world.leisure = std::move(venues.leisure);
  world.cell_home_venue = std::move(venues.cell_home_venue);
  for (const GroupConfig& group : config.groups) world.group_names.push_back(group.name);
  std::vector<std::size_t> members(config.groups.size(), 0);
  for (std::uint8_t g : world.residents.group) ++members[g];
  world.majority_group = static_cast<std::uint8_t>(std::max_element(members.begin(), members.end()) - members.begin());
  return world;
}

}  // namespace convivia
