// Scenario file plus city data into a ready world (see scenario_loader.hpp).
#include "io/scenario_loader.hpp"

#include "io/district_table_reader.hpp"
#include "world/world_builder.hpp"

namespace convivia {

LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  LoadedScenario loaded{load_scenario_file(path, overrides), std::nullopt};
  if (loaded.file.config.city.source == CitySource::import) {
    loaded.district_table = read_district_table(loaded.file.config.city.imported);
    apply_district_table_groups(loaded.file.config, *loaded.district_table);
  }
  return loaded;
}

World build_world(const LoadedScenario& scenario) {
  return build_world(scenario.file.config, scenario.district_table ? &*scenario.district_table : nullptr);
}

}  // namespace convivia
