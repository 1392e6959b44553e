// Scenario test of policy_import.icc_profile: the example scenario loads its illustrative profile,
// yields one policy per modelled kind of the scored areas (before its own [[policies]] entry), and the
// simulation counts the profile's costs from day 0 and the scenario's own policy from its start day.
#include "policy/policy_kinds.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace convivia::testing {
namespace {

const char* const example = "scenarios/examples/icc-profile.toml";

TEST(IccProfileScenario, ExampleLoadsTheProfilePoliciesBeforeItsOwn) {
  const LoadedScenario scenario = load_scenario(source_dir() + "/" + example, {});
  const std::vector<PolicyConfig>& policies = scenario.file.config.policies;
  // Every area of the example profile has a score, so every modelled kind appears once, then the
  // scenario's own mediators.
  std::vector<PolicyKind> expected;
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (info.modelled()) expected.push_back(info.kind);
  }
  expected.push_back(PolicyKind::intercultural_mediators);
  std::vector<PolicyKind> kinds;
  for (const PolicyConfig& policy : policies) kinds.push_back(policy.kind);
  ASSERT_EQ(kinds, expected);

  const auto find = [&](PolicyKind kind) {
    return *std::find_if(policies.begin(), policies.end(), [&](const PolicyConfig& p) { return p.kind == kind; });
  };
  // Language,62,900000: one kind, the whole cost.
  EXPECT_FLOAT_EQ(find(PolicyKind::language_courses).intensity, 0.62f);
  EXPECT_EQ(find(PolicyKind::language_courses).annual_cost_eur, 900000.0);
  // Cultural and social life 65 and Public space 58: the mean, 61.5; costs 200000 + 150000.
  EXPECT_FLOAT_EQ(find(PolicyKind::intercultural_programming).intensity, 0.615f);
  EXPECT_EQ(find(PolicyKind::intercultural_programming).annual_cost_eur, 350000.0);
  // Anti-discrimination,42,350000: two kinds share the cost.
  EXPECT_EQ(find(PolicyKind::complaints_office).annual_cost_eur, 175000.0);
  EXPECT_EQ(policies.back().start_day, 10);
  EXPECT_EQ(policies.back().name, "extra mediators from day 10");
}

TEST(IccProfileScenario, ProfileCostsCountFromDayZeroAndTheOwnPolicyFromItsStart) {
  auto simulation = make_simulation_from_file(example, {"run.days=12"});
  DailyRecorder recorder;
  simulation->start(recorder);
  std::vector<double> cost_by_day;
  for (int day = 0; day < 12; ++day) {
    simulation->step_day(recorder);
    cost_by_day.push_back(simulation->policy_annual_cost_eur());
  }
  // The profile's costs sum to 3,990,000 euros a year (the two unmodelled areas have none); the
  // scenario's mediators add 60,000 from day 10.
  EXPECT_DOUBLE_EQ(cost_by_day[0], 3990000.0);
  EXPECT_DOUBLE_EQ(cost_by_day[9], 3990000.0);
  EXPECT_DOUBLE_EQ(cost_by_day[10], 4050000.0);
}

}  // namespace
}  // namespace convivia
