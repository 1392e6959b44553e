// Turns a city plan into housing, households and residents. Each district's residents are grouped
// into households of one group (sizes geometric with the configured mean), housing capacity is set
// so the district's cells hold its households with the configured vacancy, and households are placed
// in cells: in random order for a mixed start, or sorted by group along the district's cells for a
// segregated start. Residents get age class, employment, language, initial trust and culture.
// All draws use RandomPurpose::population keyed by district or resident, so the result does not
// depend on thread count.
#pragma once

#include "world/city_plan.hpp"
#include "world/population.hpp"
#include "world/scenario_config.hpp"

namespace convivia {

struct PopulationBuild {
  Population residents;
  Households households;
};

// Also fills plan.city.cell_capacity and cell_social_housing.
PopulationBuild build_population(const ScenarioConfig& config, CityPlan& plan);

}  // namespace convivia
