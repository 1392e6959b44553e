// Everything needed to run a scenario file: the validated scenario and, for a real city, its district
// table with the groups reconciled. Used by the command line, tests and benchmarks alike, so a
// scenario is read the same way everywhere.
#pragma once

#include "io/scenario_parser.hpp"
#include "world/district_table.hpp"
#include "world/world.hpp"

#include <optional>
#include <string>
#include <vector>

namespace convivia {

struct LoadedScenario {
  ScenarioFile file;
  std::optional<DistrictTable> district_table;  // set for imported cities
};

// Throws InputError for any problem with the scenario, the overrides or its data files.
LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

// Residents the city will have, before rounding: the configured or imported count times city.scale.
double simulated_residents(const LoadedScenario& scenario);

// Builds the world of a loaded scenario.
World build_world(const LoadedScenario& scenario);

}  // namespace convivia
