// Residential relocation (systems/relocation): who moves, where, what a move changes, housing
// discrimination, and the Schelling pattern that prejudice produces inside the city model.
#include "support/scenario_fixture.hpp"
#include "systems/relocation.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <cmath>

namespace convivia::testing {
namespace {

World build_test_world(const ScenarioConfig& config) { return build_world(config, nullptr); }

double distance_m(const City& city, std::uint32_t a, std::uint32_t b) {
  const auto pa = city.cell_centre_m(a);
  const auto pb = city.cell_centre_m(b);
  return std::hypot(pa[0] - pb[0], pa[1] - pb[1]);
}

std::int64_t total_moved(const DailyRecorder& recorder) {
  std::int64_t moved = 0;
  for (const MonthlyIndicators& month : recorder.months) moved += month.households_moved;
  return moved;
}

TEST(Relocation, NobodyMovesWithoutMobilityOrDissatisfaction) {
  auto simulation = make_simulation(two_group_city(R"(
[relocation]
mobility_per_year = 0.0
tolerance_base = 0.0
tolerance_slope = 0.0
tolerance_spread = 0.0
)"));
  const std::vector<std::uint32_t> start_cells = simulation->world().residents.home_cell;
  DailyRecorder recorder;
  run_days(*simulation, recorder, 91);
  ASSERT_EQ(recorder.months.size(), 4u);
  EXPECT_EQ(total_moved(recorder), 0);
  EXPECT_EQ(simulation->world().residents.home_cell, start_cells);
}

TEST(Relocation, CapacityHeldAndHomeVenuesMatchHomeCellsAfterAYear) {
  auto simulation = make_simulation(two_group_city("[relocation]\nmobility_per_year = 0.9\n"));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 360);
  const World& world = simulation->world();
  ASSERT_GT(total_moved(recorder), static_cast<std::int64_t>(world.households.size()) / 2);

  std::vector<std::uint32_t> households_in_cell(world.city.cell_count(), 0);
  for (std::size_t h = 0; h < world.households.size(); ++h) {
    ++households_in_cell[world.households.home_cell[h]];
    for (std::uint32_t m = 0; m < world.households.member_count[h]; ++m)
      ASSERT_EQ(world.residents.home_cell[world.households.first_member[h] + m], world.households.home_cell[h]);
  }
  for (std::size_t cell = 0; cell < world.city.cell_count(); ++cell)
    ASSERT_LE(households_in_cell[cell], world.city.cell_capacity[cell]) << "cell " << cell;
  for (std::size_t i = 0; i < world.residents.size(); ++i) {
    const std::uint32_t venue = world.residents.home_venue[i];
    ASSERT_NE(venue, no_venue);
    ASSERT_EQ(world.venues.kind[venue], VenueKind::home_block);
    ASSERT_EQ(world.venues.cell[venue], world.residents.home_cell[i]) << "resident " << i;
  }
}

TEST(Relocation, ChildrenChangeSchoolWhenTheirHouseholdMovesFar) {
  // A city 6 km across, so that moves of several km happen; 12 schools.
  auto simulation = make_simulation(two_group_city("[relocation]\nmobility_per_year = 0.9\n"), {"city.cell_size_m=500"});
  const Population& residents = simulation->world().residents;
  const std::vector<std::uint32_t> start_cells = residents.home_cell;
  const std::vector<std::uint32_t> start_schools = residents.fixed_venue;
  const std::vector<std::uint8_t> start_age = residents.age_class;
  RunObserver none;
  run_days(*simulation, none, 330);  // before the first yearly step (new school year, ageing)

  const World& world = simulation->world();
  const auto child = static_cast<std::uint8_t>(AgeClass::child);
  int far_movers = 0, far_changed = 0, stayers = 0, stayers_changed = 0;
  for (std::size_t i = 0; i < residents.size(); ++i) {
    if (start_age[i] != child || residents.age_class[i] != child || start_schools[i] == no_venue) continue;
    if (residents.home_cell[i] == start_cells[i]) {
      ++stayers;
      stayers_changed += residents.fixed_venue[i] != start_schools[i];
    } else if (distance_m(world.city, residents.home_cell[i], start_cells[i]) >= 3000.0) {
      ++far_movers;
      far_changed += residents.fixed_venue[i] != start_schools[i];
    }
  }
  ASSERT_GE(far_movers, 20);
  ASSERT_GE(stayers, 20);
  EXPECT_GE(far_changed, static_cast<int>(0.9 * far_movers)) << far_changed << " of " << far_movers;
  EXPECT_EQ(stayers_changed, 0);
}

// Block segregation (multigroup D over cells) gained over a year from a mixed start.
double segregation_gain(float out_group_trust) {
  auto simulation = make_simulation(two_group_city(R"(
[relocation]
tolerance_slope = 0.8
dissatisfied_move_per_month = 0.3
)"),
                                    {"population.initial_trust_out_group=" + std::to_string(out_group_trust),
                                     "population.initial_trust_spread=0.05"});
  DailyRecorder recorder;
  run_days(*simulation, recorder, 361);
  return recorder.months.back().city_by_cell.multigroup_dissimilarity -
         recorder.months.front().city_by_cell.multigroup_dissimilarity;
}

TEST(Relocation, PrejudiceSegregatesBlocksOverAYear) {
  const double prejudiced = segregation_gain(0.1f);
  const double trusting = segregation_gain(0.9f);
  EXPECT_GT(prejudiced, 0.1) << "prejudiced " << prejudiced << ", trusting " << trusting;
  EXPECT_GT(prejudiced, trusting + 0.08) << "prejudiced " << prejudiced << ", trusting " << trusting;
}

// One month of relocation alone, with every household searching.
struct HousingMonth {
  RelocationTally tally;
  std::int64_t majority_events = 0;
  std::int64_t minority_events = 0;
};

HousingMonth one_searching_month(float housing_discrimination_multiplier) {
  const ScenarioConfig config =
      parse_scenario_text(two_group_city("[relocation]\nmobility_per_year = 1.0\nprivate_access_without_income = 1.0\n"),
                          "test.toml", {}, source_dir());
  World world = build_test_world(config);
  Levers levers;
  levers.housing_discrimination_multiplier = housing_discrimination_multiplier;
  RelocationSystem relocation;
  HousingMonth result;
  result.tally = relocation.run_month(StepContext{config, world, levers, TimePoint{0, 0, 0}});
  for (std::size_t i = 0; i < world.residents.size(); ++i)
    (world.residents.group[i] == world.majority_group ? result.majority_events : result.minority_events) +=
        world.residents.discrimination_events[i];
  return result;
}

TEST(Relocation, HousingRefusalsHitOnlyNonMajorityGroupsAndVanishWithoutDiscrimination) {
  const HousingMonth usual = one_searching_month(1.0f);
  EXPECT_GT(usual.tally.households_moved, 0);
  EXPECT_GT(usual.tally.housing_refusals, 0);
  EXPECT_GT(usual.minority_events, 0);
  EXPECT_EQ(usual.majority_events, 0);

  const HousingMonth none = one_searching_month(0.0f);
  EXPECT_GT(none.tally.households_moved, 0);
  EXPECT_EQ(none.tally.housing_refusals, 0);
  EXPECT_EQ(none.minority_events, 0);
}

// Share of the moves into social housing that went to a block where the mover's group had at least
// its city-wide share at the start of the month, in one month in which every household searches.
double social_moves_into_over_represented_blocks(float social_housing_mix) {
  const ScenarioConfig config = parse_scenario_text(two_group_city("[relocation]\nmobility_per_year = 1.0\n"),
                                                    "test.toml", {"city.segregated_start=true"}, source_dir());
  World world = build_test_world(config);
  const auto group_count = static_cast<std::size_t>(world.residents.group_count);
  std::vector<double> city_share(group_count, 0.0);
  std::vector<std::uint32_t> own(world.city.cell_count() * group_count, 0), all(world.city.cell_count(), 0);
  for (std::size_t i = 0; i < world.residents.size(); ++i) {
    city_share[world.residents.group[i]] += 1.0 / static_cast<double>(world.residents.size());
    ++own[world.residents.home_cell[i] * group_count + world.residents.group[i]];
    ++all[world.residents.home_cell[i]];
  }
  const std::vector<std::uint32_t> start_cells = world.households.home_cell;
  Levers levers;
  levers.social_housing_mix = social_housing_mix;
  RelocationSystem relocation;
  relocation.run_month(StepContext{config, world, levers, TimePoint{0, 0, 0}});

  int into_social = 0, over_represented = 0;
  for (std::size_t h = 0; h < world.households.size(); ++h) {
    const std::uint32_t cell = world.households.home_cell[h];
    if (cell == start_cells[h] || world.city.cell_social_housing[cell] == 0) continue;
    ++into_social;
    const std::uint8_t g = world.households.group[h];
    over_represented += static_cast<double>(own[cell * group_count + g]) / std::max<std::uint32_t>(all[cell], 1) >= city_share[g];
  }
  EXPECT_GT(into_social, 50);
  return static_cast<double>(over_represented) / std::max(into_social, 1);
}

TEST(Relocation, SocialHousingMixSteersMovesTowardBlocksWhereTheGroupIsUnderRepresented) {
  const double neutral = social_moves_into_over_represented_blocks(0.0f);
  const double mixed = social_moves_into_over_represented_blocks(1.0f);
  EXPECT_GT(neutral, 0.3);
  EXPECT_LT(mixed, 0.5 * neutral) << "neutral " << neutral << ", mixed " << mixed;
}

TEST(Relocation, SameResultFor1And2Threads) {
  const auto run = [](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    auto simulation = make_simulation(two_group_city("[relocation]\nmobility_per_year = 0.5\ntolerance_slope = 0.8\n"));
    RunObserver none;
    run_days(*simulation, none, 61);
    return simulation->state_hash();
  };
  EXPECT_EQ(run(1), run(2));
}

}  // namespace
}  // namespace convivia::testing
