// Turns a city plan into housing, households and residents. Each district's residents are grouped
// into households of one group (sizes geometric with the configured mean), housing capacity is set
// so the district's cells hold its households with the configured vacancy, and households are placed
// in cells: in random order for a mixed start, or sorted by group along the district's cells for a
// segregated start. Residents get age class, employment, language, initial trust and culture.
// All draws use RandomPurpose::population keyed by district or resident, so the result does not
// depend on thread count.
#pragma once

#include "core/random.hpp"
#include "world/city_plan.hpp"
#include "world/population.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

struct PopulationBuild {
  Population residents;
  Households households;
};

// Also fills plan.city.cell_capacity and cell_social_housing.
PopulationBuild build_population(const ScenarioConfig& config, CityPlan& plan);

// Institutional trust and belonging of a resident who has met no institution of the city yet.
inline constexpr float initial_institutional_trust = 0.5f;
inline constexpr float initial_belonging = 0.5f;

// The typical trait of each group in each cultural feature, [group * features + feature].
std::vector<std::uint8_t> typical_traits(const ScenarioConfig& config);

// Language proficiency, trust, culture, participation propensity and relocation tolerance of
// resident i as a member of `group`, drawn as at the start of a run. Used by the builder and for
// residents who arrive or are born later, so all start by the same rule.
void initialise_resident(const ScenarioConfig& config, const std::vector<std::uint8_t>& typical, Population& residents,
                         std::size_t i, std::uint8_t group, RandomStream& random);

}  // namespace convivia
