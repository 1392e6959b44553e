// The planned world size and its memory lower bound (world/world_size.hpp) against a world actually
// built, so the limits checked at load time stay in step with the arrays they stand for; and the
// limits themselves (io/world_limits.hpp) on sizes that must be refused.
#include "io/world_limits.hpp"
#include "support/scenario_fixture.hpp"
#include "world/world_size.hpp"

#include <gtest/gtest.h>

namespace convivia {
namespace {

template <class T>
double bytes_of(const std::vector<T>& values) {
  return static_cast<double>(values.size() * sizeof(T));
}

double population_bytes(const Population& r) {
  return bytes_of(r.group) + bytes_of(r.trust) + bytes_of(r.culture) + bytes_of(r.home_venue) + bytes_of(r.fixed_venue) +
         bytes_of(r.tie_resident) + bytes_of(r.tie_strength) + bytes_of(r.tie_group) + bytes_of(r.language) +
         bytes_of(r.age_class) + bytes_of(r.employed) + bytes_of(r.household) + bytes_of(r.home_cell) +
         bytes_of(r.last_discrimination_day) + bytes_of(r.discrimination_events) +
         bytes_of(r.positive_intergroup_contacts) + bytes_of(r.negative_intergroup_contacts) +
         bytes_of(r.institutional_trust) + bytes_of(r.belonging) + bytes_of(r.participation_propensity) +
         bytes_of(r.relocation_tolerance) + bytes_of(r.arrival_month) + bytes_of(r.positive_contacts_by_month) +
         bytes_of(r.positive_contacts_at_month_start);
}

TEST(WorldSize, PopulationBytesMatchABuiltWorld) {
  const ScenarioConfig config = parse_scenario_text(testing::two_group_city(), "test.toml", {"culture.features=7"}, ".");
  const World world = build_world(config, nullptr);
  const double residents = static_cast<double>(world.residents.size());
  ASSERT_GT(residents, 0.0);
  EXPECT_EQ(population_bytes(world.residents), residents * population_bytes_per_resident(2, 7));
  EXPECT_GT(resident_bytes(2, 7), population_bytes_per_resident(2, 7));
}

TEST(WorldSize, PlannedSizeMatchesABuiltWorld) {
  const ScenarioConfig config = parse_scenario_text(testing::two_group_city(), "test.toml", {"city.scale=0.5"}, ".");
  const World world = build_world(config, nullptr);
  const PlannedWorldSize size = planned_world_size(config, nullptr);
  EXPECT_EQ(size.residents, static_cast<double>(world.residents.size()));
  EXPECT_EQ(size.cells, static_cast<double>(world.city.cell_count()));
  EXPECT_GE(size.venues, static_cast<double>(world.venues.size()));
}

TEST(WorldSize, ImportedGridMatchesTheRaster) {
  const LoadedScenario loaded = load_scenario(testing::source_dir() + "/tests/cli/data/import_ok.toml");
  const World world = build_world(loaded);
  const PlannedWorldSize size = planned_world_size(loaded.file.config, &*loaded.district_table);
  EXPECT_EQ(size.width, world.city.width);
  EXPECT_EQ(size.height, world.city.height);
  EXPECT_EQ(size.residents, static_cast<double>(world.residents.size()));
}

TEST(WorldLimits, RefusesWhatTheMachineCannotHold) {
  ScenarioConfig config = parse_scenario_text(testing::two_group_city(), "test.toml", {}, ".");
  EXPECT_FALSE(world_limit_problem(config, nullptr, machine_memory_bytes()));
  // The same city on a machine with 1 MiB of memory.
  const auto problem = world_limit_problem(config, nullptr, 1024.0 * 1024.0);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->key, "city.synthetic.residents");
  EXPECT_NE(problem->message.find("memory"), std::string::npos) << problem->message;
  // Venues dominate: the key named is the densest kind's.
  for (int kind = 1; kind < venue_kind_count; ++kind) config.venues.kinds[static_cast<std::size_t>(kind)].per_1000_residents = 900.0;
  config.venues.kinds[static_cast<int>(VenueKind::park)].per_1000_residents = 1000.0;
  const auto venues = world_limit_problem(config, nullptr, 1024.0 * 1024.0);
  ASSERT_TRUE(venues);
  EXPECT_EQ(venues->key, "venues.park.per_1000_residents");
}

TEST(WorldLimits, MachineMemoryIsKnown) {
  EXPECT_GT(machine_memory_bytes(), 64.0 * 1024 * 1024);
}

}  // namespace
}  // namespace convivia
