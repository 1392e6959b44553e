// Scenario tests of [[policies]]: how a scenario's policies are read and checked, that the
// simulation applies them on their days, and that a policy changes nothing before it starts
// (common random numbers: a run with a policy is the baseline run until the policy's first day).
#include "io/input_error.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace convivia::testing {
namespace {

const std::string enforcement_from_day_20 =
    "[[policies]]\nkind = \"anti_discrimination_enforcement\"\nintensity = 1.0\nstart_day = 20\nannual_cost = 500000\n";

InputError error_of(const std::string& policies_text) {
  try {
    parse_scenario_text(two_group_city(policies_text), "policies.toml", {}, ".");
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no error for:\n" << policies_text;
  return InputError("", 0, "", "");
}

// The line of the first line of `policies_text` once appended to the two-group city.
int first_policy_line() {
  const std::string city = two_group_city();
  return static_cast<int>(std::count(city.begin(), city.end(), '\n')) + 1;
}

void expect_error(const std::string& policies_text, const std::string& key, const std::string& expected) {
  const InputError error = error_of(policies_text);
  EXPECT_EQ(error.file(), "policies.toml");
  EXPECT_GE(error.line(), first_policy_line()) << error.what();
  EXPECT_EQ(error.key(), key) << error.what();
  EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
}

bool same_day(const DailyIndicators& a, const DailyIndicators& b) {
  return a.day == b.day && a.diversity_resource_share == b.diversity_resource_share &&
         a.mean_outgroup_trust == b.mean_outgroup_trust && a.encounters == b.encounters &&
         a.positive_contacts == b.positive_contacts && a.negative_contacts == b.negative_contacts &&
         a.discrimination_events == b.discrimination_events && a.employment_rate == b.employment_rate &&
         a.trust_matrix == b.trust_matrix;
}

TEST(PolicyParser, ReadsAnEntryWithItsDefaults) {
  const ScenarioConfig config = parse_scenario_text(two_group_city(enforcement_from_day_20), "policies.toml", {}, ".");
  ASSERT_EQ(config.policies.size(), 1u);
  const PolicyConfig& policy = config.policies[0];
  EXPECT_EQ(policy.kind, PolicyKind::anti_discrimination_enforcement);
  EXPECT_FLOAT_EQ(policy.intensity, 1.0f);
  EXPECT_EQ(policy.start_day, 20);
  EXPECT_EQ(policy.end_day, policy_open_end_day);
  EXPECT_DOUBLE_EQ(policy.annual_cost_eur, 500000.0);
  EXPECT_TRUE(policy.name.empty());
}

TEST(PolicyParser, ResolvedScenarioReadsBackTheSamePolicies) {
  const ScenarioConfig config = parse_scenario_text(
      two_group_city(enforcement_from_day_20 +
                     "[[policies]]\nkind = \"mixing_events\"\nintensity = 0.5\nstart_day = 3\nend_day = 9\n"
                     "annual_cost = 0\nname = \"summer fairs\"\n"),
      "policies.toml", {}, ".");
  const ScenarioConfig again = parse_scenario_text(resolved_scenario_toml(config), "resolved.toml", {}, ".");
  ASSERT_EQ(again.policies.size(), 2u);
  EXPECT_EQ(again.policies[1].kind, PolicyKind::mixing_events);
  EXPECT_EQ(again.policies[1].intensity, 0.5f);
  EXPECT_EQ(again.policies[1].end_day, 9);
  EXPECT_EQ(again.policies[1].name, "summer fairs");
  EXPECT_EQ(again.policies[0].end_day, policy_open_end_day);
}

TEST(PolicyParser, UnknownKindListsTheModelledKinds) {
  expect_error("[[policies]]\nkind = \"anti_rumor_campaign\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\n",
               "policies[0].kind", "expected one of \"school_mixing\", \"intercultural_curriculum\"");
}

TEST(PolicyParser, TargetsAreReadAndWrittenBack) {
  const ScenarioConfig config = parse_scenario_text(
      two_group_city("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\n"
                     "districts = [\"1\", \"District 2\"]\ngroups = [\"b\"]\n"),
      "policies.toml", {}, ".");
  ASSERT_EQ(config.policies.size(), 1u);
  EXPECT_EQ(config.policies[0].districts, (std::vector<std::string>{"1", "District 2"}));
  EXPECT_EQ(config.policies[0].groups, (std::vector<std::string>{"b"}));
  const ScenarioConfig again = parse_scenario_text(resolved_scenario_toml(config), "resolved.toml", {}, ".");
  EXPECT_EQ(again.policies[0].districts, config.policies[0].districts);
  EXPECT_EQ(again.policies[0].groups, config.policies[0].groups);
}

TEST(PolicyParser, GroupTargetsOnVenuePoliciesAreRejected) {
  expect_error("[[policies]]\nkind = \"mixing_events\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\ngroups = [\"b\"]\n",
               "policies[0].groups", "acts on venues");
}

TEST(PolicyParser, TargetsMustBeAListOfNames) {
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\ndistricts = \"1\"\n",
               "policies[0].districts", "expected an array of 1 to 10000 names");
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\ndistricts = []\n",
               "policies[0].districts", "got 0 names");
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\ngroups = [\"b\", \"b\"]\n",
               "policies[0].groups", "listed twice");
}

TEST(PolicyParser, IntensityAboveOneIsRejected) {
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1.5\nstart_day = 0\nannual_cost = 0\n",
               "policies[0].intensity", "expected a number in [0, 1], got 1.5");
}

TEST(PolicyParser, NegativeCostIsRejected) {
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nannual_cost = -1\n",
               "policies[0].annual_cost", "expected a number in [0, 1e+12], got -1");
}

TEST(PolicyParser, EndBeforeStartIsRejected) {
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 10\nend_day = 9\nannual_cost = 0\n",
               "policies[0].end_day", "expected end_day >= start_day (10), got 9");
}

TEST(PolicyParser, MissingCostIsRejected) {
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\n", "policies[0].annual_cost",
               "but the key is missing");
}

TEST(PolicyParser, MisspeltKeyGetsASuggestion) {
  expect_error("[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nanual_cost = 0\n",
               "policies[0].anual_cost", "did you mean 'policies[0].annual_cost'?");
}

TEST(PolicySimulation, LeversAndCostFollowThePolicyDays) {
  auto simulation = make_simulation(two_group_city(
      "[[policies]]\nkind = \"intercultural_mediators\"\nintensity = 1\nstart_day = 2\nend_day = 3\nannual_cost = 1000\n"));
  DailyRecorder recorder;
  std::vector<float> share_by_day;
  std::vector<double> cost_by_day;
  simulation->start(recorder);
  for (int day = 0; day < 5; ++day) {
    simulation->step_day(recorder);
    share_by_day.push_back(simulation->todays_levers().mediation_share);
    cost_by_day.push_back(simulation->policy_annual_cost_eur());
  }
  EXPECT_EQ(share_by_day, (std::vector<float>{0.0f, 0.0f, 0.3f, 0.3f, 0.0f}));
  EXPECT_EQ(cost_by_day, (std::vector<double>{0.0, 0.0, 1000.0, 1000.0, 0.0}));
}

TEST(PolicySimulation, TestLeversStayTheBaseUnderPolicies) {
  auto simulation = make_simulation(two_group_city(
      "[[policies]]\nkind = \"anti_discrimination_enforcement\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\n"));
  simulation->levers().discrimination_multiplier = 0.5f;
  DailyRecorder recorder;
  run_days(*simulation, recorder, 1);
  EXPECT_FLOAT_EQ(simulation->todays_levers().discrimination_multiplier, 0.25f);
}

TEST(PolicySimulation, IntensityZeroGivesTheBaselineState) {
  auto baseline = make_simulation(two_group_city());
  auto with_policy = make_simulation(two_group_city(
      "[[policies]]\nkind = \"anti_discrimination_enforcement\"\nintensity = 0\nstart_day = 0\nannual_cost = 0\n"
      "[[policies]]\nkind = \"mixing_events\"\nintensity = 0\nstart_day = 0\nannual_cost = 0\n"
      "[[policies]]\nkind = \"intercultural_programming\"\nintensity = 0\nstart_day = 0\nannual_cost = 0\n"));
  DailyRecorder a, b;
  run_days(*baseline, a, 35);
  run_days(*with_policy, b, 35);
  EXPECT_EQ(baseline->state_hash(), with_policy->state_hash());
}

// Common random numbers (issue: "a policy that starts on day 200 gives outputs identical to the
// baseline up to day 200"): a package of policies, targeted and city-wide, from day 200.
TEST(PolicySimulation, APolicyPackageFromDay200LeavesTheRunUnchangedUntilDay200) {
  constexpr int start_day = 200;
  const std::string package =
      "[[policies]]\nkind = \"anti_discrimination_enforcement\"\nintensity = 1.0\nstart_day = 200\nannual_cost = 500000\n"
      "[[policies]]\nkind = \"intercultural_mediators\"\nintensity = 1.0\nstart_day = 200\nannual_cost = 0\n"
      "districts = [\"1\", \"2\"]\n"
      "[[policies]]\nkind = \"welcome_programme\"\nintensity = 1.0\nstart_day = 200\nannual_cost = 0\ngroups = [\"minority\"]\n";
  // A smaller town than the fixture's: 220 days twice must stay quick in the sanitizer builds.
  const std::vector<std::string> small{"run.days=220", "city.synthetic.residents=3000"};
  auto baseline = make_simulation(two_group_city(), small);
  auto with_policy = make_simulation(two_group_city(package), small);
  DailyRecorder a, b;
  baseline->start(a);
  with_policy->start(b);
  for (int day = 0; day < start_day; ++day) {
    baseline->step_day(a);
    with_policy->step_day(b);
    ASSERT_EQ(baseline->state_hash(), with_policy->state_hash()) << "day " << day;
    ASSERT_TRUE(same_day(a.days.back(), b.days.back())) << "day " << day;
  }
  for (int day = start_day; day < start_day + 20; ++day) {
    baseline->step_day(a);
    with_policy->step_day(b);
  }
  EXPECT_NE(baseline->state_hash(), with_policy->state_hash());
  std::int64_t discrimination_baseline = 0, discrimination_policy = 0;
  for (std::size_t day = start_day; day < a.days.size(); ++day) {
    discrimination_baseline += a.days[day].discrimination_events;
    discrimination_policy += b.days[day].discrimination_events;
  }
  EXPECT_LT(discrimination_policy, discrimination_baseline);
}

}  // namespace
}  // namespace convivia::testing
