// Golden state hashes: small scenarios of the project run for a fixed number of days must end in
// exactly the recorded state. Any change to the model's behaviour, to the order of its random draws
// or to the set of fields the state hash covers changes them; that is sometimes intended, but it must
// be deliberate: update the value here and say why in the commit message. A pure speed-up or
// refactoring must leave every value unchanged. The hashes do not depend on the thread count
// (tests/determinism/thread_count_test.cpp) or on the build (release and sanitizer builds run this).
#include "support/scenario_fixture.hpp"

#include "core/state_archive.hpp"
#include "reference/axelrod.hpp"
#include "reference/schelling.hpp"

#include <gtest/gtest.h>

#include <cinttypes>
#include <cstdio>

namespace convivia::testing {
namespace {

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016" PRIx64, value);
  return text;
}

std::string city_hash(const std::string& scenario, const std::vector<std::string>& overrides, int days) {
  auto simulation = make_simulation_from_file(scenario, overrides);
  RunObserver none;
  run_days(*simulation, none, days);
  return hex(simulation->state_hash());
}

// 2000 residents, three groups, a whole 35-day run (two monthly steps).
TEST(GoldenHash, TinyTown) { EXPECT_EQ(city_hash("scenarios/tests/tiny.toml", {}, 35), "f26a87417ffddc53"); }

// The same town with 13 cultural features, so culture comparisons run over several words and a tail.
TEST(GoldenHash, TinyTownThirteenFeatures) {
  EXPECT_EQ(city_hash("scenarios/tests/tiny.toml", {"culture.features=13"}, 35), "f9579322a585c7a6");
}

// The default city (Berlin) at 0.3% of its residents: imported districts, every system of the
// default behaviour, two monthly steps.
TEST(GoldenHash, DefaultCitySmall) {
  EXPECT_EQ(city_hash("scenarios/default.toml", {"city.scale=0.003"}, 31), "ca5c31313367fa9e");
}

// A policy package on a baseline with household turnover (scenario inheritance, targeted policies,
// arrivals and language courses).
TEST(GoldenHash, WelcomingPackageSmall) {
  EXPECT_EQ(city_hash("scenarios/library/welcoming-language/scenario.toml", {"city.scale=0.003"}, 31), "a769899b1b19946c");
}

TEST(GoldenHash, SchellingLarge) {
  LoadedScenario scenario = load_scenario(source_dir() + "/scenarios/reference/schelling-large.toml");
  SchellingModel model(scenario.file.config.schelling, scenario.file.config.run.seed);
  run_schelling(model);
  HashArchive hasher;
  std::vector<std::uint8_t> grid = model.grid();
  hasher.bytes(grid.data(), grid.size());
  EXPECT_EQ(hex(hasher.value()), "43979c81a23e5119");
}

TEST(GoldenHash, Axelrod) {
  LoadedScenario scenario = load_scenario(source_dir() + "/scenarios/reference/axelrod.toml");
  const ScenarioConfig& config = scenario.file.config;
  AxelrodModel model(config.axelrod, config.run.seed);
  run_axelrod(model, config.axelrod.max_events, config.axelrod.sample_events, nullptr);
  HashArchive hasher;
  std::vector<std::uint8_t> culture(model.culture().begin(), model.culture().end());
  hasher.bytes(culture.data(), culture.size());
  auto events = model.events();
  archive_value(hasher, events);
  EXPECT_EQ(hex(hasher.value()), "d6507f5855e0e773");
}

}  // namespace
}  // namespace convivia::testing
