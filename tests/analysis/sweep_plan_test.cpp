// Plans: run numbering, seeds and common random numbers, the design table, the plan's JSON round
// trip, and the plan-time check of every design point against the base scenario.
#include "analysis/plan_check.hpp"
#include "analysis/plan_json.hpp"
#include "analysis/sweep_plan.hpp"
#include "analysis/sweep_test_support.hpp"

#include <gtest/gtest.h>

#include <set>

namespace convivia::sweep {
namespace {

using testing::error_of;
using testing::sweep_from;
using testing::tiny_sweep;

const std::string policy_and_parameter =
    "replicates = 3\n"
    "[[factors]]\nname = \"policy\"\nkey = \"policies\"\n"
    "values = [[], [{kind = \"intercultural_mediators\", intensity = 1, start_day = 0, annual_cost = 0}]]\nlabels = [\"none\", \"mediators\"]\n"
    "[[factors]]\nkey = \"encounters.avoidance\"\nvalues = [0.3, 0.6]\n";

TEST(SweepPlan, RunsArePointMajorWithSeedsSharedAcrossPolicyFactors) {
  const SweepPlan plan = make_plan(sweep_from(tiny_sweep(policy_and_parameter)));
  ASSERT_EQ(plan.points.size(), 4u);
  ASSERT_EQ(plan.runs.size(), 12u);
  for (const PlannedRun& run : plan.runs) {
    EXPECT_EQ(run.run, run.point * 3 + run.replicate);
  }
  // Points 0 and 2 differ only in the policy: the same seeds, replicate by replicate.
  EXPECT_EQ(plan.points[2].seed_point, 0);
  EXPECT_EQ(plan.points[3].seed_point, 1);
  for (int r = 0; r < 3; ++r) {
    EXPECT_EQ(plan.runs[static_cast<std::size_t>(6 + r)].seed, plan.runs[static_cast<std::size_t>(r)].seed);
    EXPECT_NE(plan.runs[static_cast<std::size_t>(3 + r)].seed, plan.runs[static_cast<std::size_t>(r)].seed);
  }
  std::set<std::uint64_t> seeds;
  for (const PlannedRun& run : plan.runs) seeds.insert(run.seed);
  EXPECT_EQ(seeds.size(), 6u) << "two parameter settings x three replicates";
  EXPECT_EQ(plan.points[1].label, "policy=none, encounters.avoidance=0.6");
  const std::vector<std::string> overrides = plan.overrides(2);
  ASSERT_EQ(overrides.size(), 2u);
  EXPECT_EQ(overrides[0], "policies=[{annual_cost = 0, intensity = 1, kind = \"intercultural_mediators\", start_day = 0}]");
  EXPECT_EQ(overrides[1], "encounters.avoidance=0.3");
}

TEST(SweepPlan, WithoutCommonRandomNumbersEveryPointHasItsOwnSeeds) {
  const SweepPlan plan = make_plan(sweep_from(tiny_sweep("common_random_numbers = false\n" + policy_and_parameter)));
  std::set<std::uint64_t> seeds;
  for (const PlannedRun& run : plan.runs) seeds.insert(run.seed);
  EXPECT_EQ(seeds.size(), 12u);
  EXPECT_EQ(plan.points[2].seed_point, 2);
}

TEST(SweepPlan, SeedsDependOnTheMasterSeedOnly) {
  const SweepPlan a = make_plan(sweep_from(tiny_sweep(policy_and_parameter)));
  const SweepPlan b = make_plan(sweep_from(tiny_sweep(policy_and_parameter)));
  const SweepPlan c = make_plan(sweep_from(tiny_sweep(policy_and_parameter, 8)));
  for (std::size_t r = 0; r < a.runs.size(); ++r) {
    EXPECT_EQ(a.runs[r].seed, b.runs[r].seed);
    EXPECT_NE(a.runs[r].seed, c.runs[r].seed);
    EXPECT_LE(a.runs[r].seed, 0x7fffffffffffffffULL) << "run.seed takes a non-negative 63-bit integer";
  }
}

TEST(SweepPlan, DesignTableHasOneRowPerRun) {
  const SweepPlan plan = make_plan(sweep_from(tiny_sweep(policy_and_parameter)));
  const std::string csv = design_csv(plan);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "run,point,replicate,seed,seed_point,label,policy,encounters.avoidance");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 13);
  EXPECT_NE(csv.find("\n7,2,1," + std::to_string(plan.runs[7].seed) + ",0,\"policy=mediators, encounters.avoidance=0.3\",mediators,0.3\n"),
            std::string::npos)
      << csv;
}

TEST(SweepPlan, JsonRoundTripKeepsTheIdentity) {
  const SweepPlan plan = make_plan(sweep_from(tiny_sweep("[design]\nkind = \"morris\"\ntrajectories = 2\n"
                                                          "[[factors]]\nkey = \"encounters.avoidance\"\nrange = [0.1, 0.9]\n"
                                                          "[[factors]]\nkey = \"culture.traits\"\nrange = [2, 9]\ndistribution = \"integer\"\n")));
  const std::string text = plan_json(plan, "base text");
  const StoredPlan stored = read_plan_json(text, "plan.json");
  EXPECT_EQ(plan_json(stored.plan, stored.base_scenario_text), text);
  EXPECT_EQ(stored.plan.design.morris_factor, plan.design.morris_factor);
  EXPECT_EQ(stored.plan.points[3].values[1].literal, plan.points[3].values[1].literal);
  // The outcomes are not part of the identity: they are computed at collect time.
  SweepPlan edited = plan;
  edited.sweep.outcomes[0].series = "daily/generalised_trust";
  EXPECT_EQ(plan_identity(plan_json(edited, "base text")), plan_identity(text));
  EXPECT_NE(plan_identity(plan_json(plan, "other base text")), plan_identity(text));
  const auto error = error_of([] { read_plan_json("{\"identity\": 3}", "plan.json"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("not a readable sweep plan"), std::string::npos);
}

TEST(PlanCheck, BadValueIsReportedAtItsLine) {
  const SweepPlan plan = make_plan(sweep_from(tiny_sweep("[[factors]]\nkey = \"city.scale\"\nvalues = [0.5,\n 1.5]\n")));
  const auto error = error_of([&] { check_plan(plan); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->line(), 6);
  EXPECT_EQ(error->key(), "factors[0].values[1]");
  EXPECT_NE(std::string(error->what()).find("city.scale = 1.5: expected a number in (0, 1], got 1.5"), std::string::npos) << error->what();
}

TEST(PlanCheck, AKeyMissingInsideAPolicyValueIsNamed) {
  const auto error = error_of([] {
    check_plan(make_plan(sweep_from(tiny_sweep(
        "[[factors]]\nkey = \"policies\"\nvalues = [[], [{ kind = \"mixing_events\", intensity = 0.5, start_day = 0 }]]\n"))));
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key(), "factors[0].values[1]");
  EXPECT_NE(std::string(error->what()).find(": policies[0].annual_cost: expected a number"), std::string::npos) << error->what();
}

TEST(PlanCheck, UnknownKeyAndFloatForAnIntegerKey) {
  const auto unknown = error_of([] { check_plan(make_plan(sweep_from(tiny_sweep("[[factors]]\nkey = \"city.scael\"\nvalues = [0.5]\n")))); });
  ASSERT_TRUE(unknown.has_value());
  EXPECT_NE(std::string(unknown->what()).find("did you mean 'city.scale'?"), std::string::npos) << unknown->what();
  const auto integer = error_of([] {
    check_plan(make_plan(sweep_from(tiny_sweep("[[factors]]\nkey = \"run.days\"\nrange = [5, 9]\nlevels = 2\n"))));
  });
  ASSERT_TRUE(integer.has_value());
  EXPECT_EQ(integer->key(), "factors[0].range");
  EXPECT_NE(std::string(integer->what()).find("use distribution = \"integer\""), std::string::npos) << integer->what();
}

TEST(PlanCheck, CombinationsAreCheckedPointByPoint) {
  // Each end of each range is valid alone; only points with both shares high exceed 1.
  const SweepPlan plan = make_plan(sweep_from(tiny_sweep("[[factors]]\nkey = \"population.child_share\"\nvalues = [0.1, 0.7]\n"
                                                          "[[factors]]\nkey = \"population.senior_share\"\nvalues = [0.1, 0.7]\n")));
  const auto error = error_of([&] { check_plan(plan); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key(), "design point 3");
  EXPECT_NE(std::string(error->what()).find("population.child_share=0.7, population.senior_share=0.7 is not a valid scenario"),
            std::string::npos)
      << error->what();
  EXPECT_NO_THROW(check_plan(make_plan(sweep_from(tiny_sweep(policy_and_parameter)))));
}

}  // namespace
}  // namespace convivia::sweep
