// Test helpers: build a simulation from scenario text (synthetic cities) or from a scenario file of
// the project, run it for some days, and collect what the tests look at.
#pragma once

#include "io/scenario_loader.hpp"
#include "io/scenario_parser.hpp"
#include "systems/simulation.hpp"
#include "world/world_builder.hpp"

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace convivia::testing {

inline std::string source_dir() {
  const char* dir = std::getenv("CONVIVIA_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

// A small synthetic city with two groups; `extra` is appended to the scenario text (TOML).
inline std::string two_group_city(const std::string& extra = "") {
  return R"(
name = "two-group test city"
[run]
days = 60
seed = 5
[city]
source = "synthetic"
[city.synthetic]
districts_x = 2
districts_y = 2
district_cells = 6
residents = 12000
[[groups]]
name = "majority"
share = 0.7
[[groups]]
name = "minority"
share = 0.3
[output]
sample_residents = 20
)" + extra;
}

inline std::unique_ptr<Simulation> make_simulation(const std::string& text, const std::vector<std::string>& overrides = {}) {
  ScenarioConfig config = parse_scenario_text(text, "test.toml", overrides, source_dir());
  World world = build_world(config, nullptr);
  return std::make_unique<Simulation>(config, std::move(world));
}

inline std::unique_ptr<Simulation> make_simulation_from_file(const std::string& relative_path,
                                                             const std::vector<std::string>& overrides = {}) {
  LoadedScenario scenario = load_scenario(source_dir() + "/" + relative_path, overrides);
  World world = build_world(scenario);
  return std::make_unique<Simulation>(scenario.file.config, std::move(world));
}

// Records every daily indicator set.
class DailyRecorder final : public RunObserver {
 public:
  void on_day(const DailyIndicators& daily, std::span<const float>) override { days.push_back(daily); }
  void on_month(const MonthlyIndicators& monthly) override { months.push_back(monthly); }
  std::vector<DailyIndicators> days;
  std::vector<MonthlyIndicators> months;
};

inline void run_days(Simulation& simulation, RunObserver& observer, int days) {
  simulation.start(observer);
  for (int d = 0; d < days; ++d) simulation.step_day(observer);
  simulation.finish(observer);
}

}  // namespace convivia::testing
