// The scenario library (scenarios/library): every file loads as a complete scenario (its base, its
// policies and their targets checked against Berlin's districts and groups), there is one file per
// policy kind, and a package runs. Loading reads the city data but builds no city, so the whole
// library is checked in seconds.
#include "io/input_error.hpp"
#include "policy/policy_kinds.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace convivia::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> library_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(source_dir()) / "scenarios" / "library"))
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ScenarioLibrary, EveryFileLoads) {
  const std::vector<fs::path> files = library_files();
  ASSERT_GE(files.size(), 22u) << "baseline, one file per policy kind, three packages, a segregated start";
  for (const fs::path& file : files) {
    try {
      const LoadedScenario scenario = load_scenario(file.string());
      EXPECT_FALSE(scenario.file.config.name.empty()) << file;
    } catch (const InputError& error) {
      ADD_FAILURE() << error.what();
    }
  }
}

TEST(ScenarioLibrary, HasOneFileForEveryPolicyKindActingOnItsOwn) {
  const fs::path library = fs::path(source_dir()) / "scenarios" / "library";
  for (const PolicyKindInfo& info : policy_kinds()) {
    const fs::path file = library / ("policy-" + std::string(info.name) + ".toml");
    ASSERT_TRUE(fs::exists(file)) << file;
    const LoadedScenario scenario = load_scenario(file.string());
    ASSERT_EQ(scenario.file.config.policies.size(), 1u) << file;
    EXPECT_EQ(scenario.file.config.policies[0].kind, info.kind) << file;
    EXPECT_GT(scenario.file.config.policies[0].annual_cost_eur, 0.0) << file;
  }
}

TEST(ScenarioLibrary, APackageRunsAtSmallScale) {
  auto simulation = make_simulation_from_file("scenarios/library/welcoming-language/scenario.toml",
                                              {"city.scale=0.005", "run.days=3"});
  DailyRecorder recorder;
  run_days(*simulation, recorder, 3);
  ASSERT_EQ(recorder.days.size(), 3u);
  EXPECT_GT(simulation->policy_annual_cost_eur(), 0.0);
  EXPECT_GT(simulation->todays_levers().language_course_intensity, 0.0f);
}

}  // namespace
}  // namespace convivia::testing
