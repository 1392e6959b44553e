// Scenario file plus city data into a ready world (see scenario_loader.hpp).
#include "io/scenario_loader.hpp"

#include "io/district_table_reader.hpp"
#include "io/input_error.hpp"
#include "io/world_limits.hpp"
#include "policy/policy_reach.hpp"
#include "world/city_plan.hpp"
#include "world/world_builder.hpp"

namespace convivia {

namespace {

// A scale so small that no resident remains would run an empty city and report meaningless zeros.
void check_population_not_empty(const LoadedScenario& loaded) {
  const ScenarioConfig& config = loaded.file.config;
  const double simulated = simulated_residents(loaded);
  const double residents = simulated / config.city.scale;
  if (simulated < 2.0)
    throw InputError(loaded.file.path, 0, "city.scale",
                     "expected a scale that leaves at least 2 residents; " + std::to_string(static_cast<long long>(residents)) +
                         " residents at scale " + std::to_string(config.city.scale) + " leave none to simulate");
}

// Policy targets name districts and groups, which are known only once the city data are read.
void check_policy_targets(const LoadedScenario& loaded) {
  const ScenarioConfig& config = loaded.file.config;
  std::vector<std::string> group_names;
  for (const GroupConfig& group : config.groups) group_names.push_back(group.name);
  const std::vector<District> districts =
      planned_districts(config, loaded.district_table ? &*loaded.district_table : nullptr);
  const PolicyReachResult reach = resolve_policy_reach(config.policies, districts, group_names);
  if (!reach.error.empty()) throw InputError(loaded.file.path, 0, reach.error_key, reach.error);
}

}  // namespace

double simulated_residents(const LoadedScenario& loaded) {
  const ScenarioConfig& config = loaded.file.config;
  double residents = static_cast<double>(config.city.synthetic.residents);
  if (loaded.district_table) {
    residents = 0.0;
    for (const DistrictRecord& record : loaded.district_table->districts)
      for (std::int64_t count : record.residents_by_group) residents += static_cast<double>(count);
  }
  return residents * config.city.scale;
}

LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  LoadedScenario loaded{load_scenario_file(path, overrides), std::nullopt};
  if (loaded.file.config.city.source == CitySource::import) {
    loaded.district_table = read_district_table(loaded.file.config.city.imported);
    apply_district_table_groups(loaded.file.config, *loaded.district_table);
    check_event_groups(loaded.file.config, loaded.file.path);
    // The grid and resident count of a real city follow from its table and polygons.
    if (const auto problem = world_limit_problem(loaded.file.config, &*loaded.district_table, machine_memory_bytes()))
      throw InputError(loaded.file.path, 0, problem->key, problem->message);
  }
  check_population_not_empty(loaded);
  check_policy_targets(loaded);
  return loaded;
}

World build_world(const LoadedScenario& scenario) {
  return build_world(scenario.file.config, scenario.district_table ? &*scenario.district_table : nullptr);
}

}  // namespace convivia
