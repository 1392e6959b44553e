// Scenario tests: small cities whose outcomes would come out differently if the model were wrong.
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace convivia::testing {
namespace {

std::string all_venues_cooperation(float cooperation) {
  std::string text;
  for (auto name : venue_kind_names)
    text += "[venues." + std::string(name) + "]\ncooperation = " + std::to_string(cooperation) + "\n";
  return text;
}

double final_outgroup_trust(const std::string& text, int days, std::size_t group = 99) {
  auto simulation = make_simulation(text);
  DailyRecorder recorder;
  run_days(*simulation, recorder, days);
  const DailyIndicators& last = recorder.days.back();
  return group == 99 ? last.mean_outgroup_trust : last.mean_outgroup_trust_by_group[group];
}

TEST(ModelBehaviour, CooperativeVenuesRaiseOutgroupTrustOverTime) {
  auto simulation = make_simulation(two_group_city(all_venues_cooperation(1.0f)));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 60);
  const double first = recorder.days.front().mean_outgroup_trust;
  const double last = recorder.days.back().mean_outgroup_trust;
  EXPECT_GT(last, first + 0.02) << "trust after day 1 " << first << ", after day 60 " << last;
}

TEST(ModelBehaviour, CooperationMakesContactMorePositive) {
  const double cooperative = final_outgroup_trust(two_group_city(all_venues_cooperation(1.0f)), 40);
  const double competitive = final_outgroup_trust(two_group_city(all_venues_cooperation(0.0f)), 40);
  EXPECT_GT(cooperative, competitive + 0.02);
}

TEST(ModelBehaviour, OneGroupCityHasNoIntergroupEncounters) {
  auto simulation = make_simulation(R"(
[city.synthetic]
districts_x = 2
districts_y = 1
district_cells = 5
residents = 1500
[[groups]]
name = "everyone"
share = 1.0
)");
  DailyRecorder recorder;
  run_days(*simulation, recorder, 10);
  for (const DailyIndicators& day : recorder.days) {
    EXPECT_GT(day.encounters, 0);
    EXPECT_EQ(day.intergroup_encounters, 0);
    EXPECT_EQ(day.positive_contacts + day.negative_contacts + day.discrimination_events, 0);
  }
}

TEST(ModelBehaviour, DiscriminationLowersTheTargetGroupsTrust) {
  const std::size_t minority = 1;
  const double without = final_outgroup_trust(two_group_city("[encounters]\ndiscrimination_base = 0.0\n"), 40, minority);
  const double with = final_outgroup_trust(two_group_city("[encounters]\ndiscrimination_base = 0.3\n"), 40, minority);
  EXPECT_LT(with, without - 0.02) << "minority out-group trust without " << without << ", with " << with;
}

TEST(ModelBehaviour, NoDiscriminationMeansNoDiscriminationEvents) {
  auto simulation = make_simulation(two_group_city("[encounters]\ndiscrimination_base = 0.0\n"));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 5);
  for (const DailyIndicators& day : recorder.days) EXPECT_EQ(day.discrimination_events, 0);
}

TEST(ModelBehaviour, SegregatedStartHasHigherDissimilarity) {
  auto mixed = make_simulation(two_group_city());
  auto segregated = make_simulation(two_group_city(), {"city.segregated_start=true"});
  DailyRecorder mixed_recorder, segregated_recorder;
  run_days(*mixed, mixed_recorder, 1);
  run_days(*segregated, segregated_recorder, 1);
  const double d_mixed = mixed_recorder.months.front().city_by_cell.multigroup_dissimilarity;
  const double d_segregated = segregated_recorder.months.front().city_by_cell.multigroup_dissimilarity;
  EXPECT_GT(d_segregated, d_mixed + 0.3) << "mixed " << d_mixed << ", segregated " << d_segregated;
}

TEST(ModelBehaviour, NegativeContactsWeighMoreThanPositiveOnes) {
  // With contacts that are always negative, trust falls faster than it rises when they are always positive.
  const double initial = 0.5;
  const double up = final_outgroup_trust(two_group_city(R"(
[encounters]
discrimination_base = 0.0
positive_intercept = 20.0
secondary_transfer = 0.0
[population]
initial_trust_spread = 0.0
)"), 10);
  const double down = final_outgroup_trust(two_group_city(R"(
[encounters]
discrimination_base = 0.0
positive_intercept = -20.0
positive_cooperation = 0.0
positive_language = 0.0
positive_culture = 0.0
secondary_transfer = 0.0
[population]
initial_trust_spread = 0.0
)"), 10);
  EXPECT_GT(up, initial);
  EXPECT_LT(down, initial);
  EXPECT_GT(initial - down, up - initial);
}

}  // namespace
}  // namespace convivia::testing

namespace convivia::testing {
namespace {

TEST(WorldBuilding, TwelveGroupsAreSupported) {
  std::string text = "[city.synthetic]\nresidents = 6000\ndistrict_share_contrast = 0.5\n";
  for (int g = 0; g < 12; ++g) text += "[[groups]]\nname = \"group_" + std::to_string(g) + "\"\nshare = " + std::to_string(12 - g) + "\n";
  auto simulation = make_simulation(text);
  DailyRecorder recorder;
  run_days(*simulation, recorder, 3);
  ASSERT_EQ(simulation->world().residents.group_count, 12);
  std::vector<int> members(12, 0);
  for (std::uint8_t g : simulation->world().residents.group) ++members[g];
  for (int g = 0; g < 12; ++g) EXPECT_GT(members[static_cast<std::size_t>(g)], 0) << "group " << g;
  EXPECT_EQ(recorder.days.back().trust_matrix.size(), 144u);
  EXPECT_GT(recorder.days.back().intergroup_encounters, 0);
}

TEST(WorldBuilding, RealCityKeepsItsDistrictsAndScaledPopulation) {
  auto simulation = make_simulation_from_file("scenarios/default.toml", {"city.scale=0.01"});
  const World& world = simulation->world();
  EXPECT_EQ(world.city.districts.size(), 448u);
  EXPECT_EQ(world.residents.group_count, 10);
  EXPECT_NEAR(static_cast<double>(world.residents.size()), 37695.0, 1.0);  // 3,769,495 * 0.01
  std::size_t children = 0, employed = 0, with_school = 0;
  for (std::size_t i = 0; i < world.residents.size(); ++i) {
    const bool child = world.residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::child);
    children += child;
    employed += world.residents.employed[i];
    with_school += child && world.residents.fixed_venue[i] != no_venue;
  }
  EXPECT_NEAR(static_cast<double>(children) / static_cast<double>(world.residents.size()), 0.16, 0.02);
  EXPECT_EQ(with_school, children);
  EXPECT_GT(employed, world.residents.size() / 3);
  for (auto kind : {VenueKind::school, VenueKind::workplace, VenueKind::park, VenueKind::civic_forum})
    EXPECT_GT(std::count(world.venues.kind.begin(), world.venues.kind.end(), kind), 0) << venue_kind_name(kind);
}

TEST(WorldBuilding, HouseholdsFitTheirCells) {
  auto simulation = make_simulation(two_group_city());
  const World& world = simulation->world();
  std::vector<int> households_in_cell(world.city.cell_count(), 0);
  for (std::uint32_t cell : world.households.home_cell) ++households_in_cell[cell];
  for (std::size_t cell = 0; cell < world.city.cell_count(); ++cell)
    EXPECT_LE(households_in_cell[cell], world.city.cell_capacity[cell]) << "cell " << cell;
  for (std::size_t h = 0; h < world.households.size(); ++h)
    for (std::uint32_t m = 0; m < world.households.member_count[h]; ++m) {
      const std::uint32_t i = world.households.first_member[h] + m;
      EXPECT_EQ(world.residents.household[i], h);
      EXPECT_EQ(world.residents.group[i], world.households.group[h]);
    }
}

}  // namespace
}  // namespace convivia::testing
