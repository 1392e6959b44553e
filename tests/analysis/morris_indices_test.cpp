// Morris statistics on a function of known effects, through the path a collected sweep takes:
// y = 10 u1 + 5 u2^2 + 0 u3 in unit coordinates has effects exactly 10 for u1 (sigma 0), effects
// 5 (2 u2 + delta) for u2 that vary with u2 (sigma > 0) and none for u3.
#include "analysis/morris_indices.hpp"
#include "analysis/sweep_plan.hpp"
#include "io/input_error.hpp"
#include "sweep_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia::sweep {
namespace {

CollectedSweep known_effects_sweep() {
  std::string text = "model = \"ishigami\"\n[design]\nkind = \"morris\"\ntrajectories = 20\nlevels = 4\n";
  for (const char* x : {"x1", "x2", "x3"}) text += std::string("[[factors]]\nkey = \"") + x + "\"\nrange = [0, 1]\n";
  const SweepPlan plan = make_plan(testing::sweep_from(text));
  CollectedSweep sweep;
  sweep.design = "morris";
  sweep.factor_names = {"x1", "x2", "x3"};
  sweep.unit.assign(3, {});
  CollectedOutcome y{"y", {}};
  for (const PlannedRun& run : plan.runs) {
    const auto p = static_cast<std::size_t>(run.point);
    const std::vector<double>& u = plan.points[p].unit;
    sweep.point.push_back(run.point);
    sweep.replicate.push_back(run.replicate);
    sweep.seed_point.push_back(plan.points[p].seed_point);
    sweep.status.push_back("done");
    sweep.label.push_back(plan.points[p].label);
    sweep.morris_trajectory.push_back(plan.design.morris_trajectory[p]);
    sweep.morris_step.push_back(plan.design.morris_step[p]);
    sweep.morris_factor.push_back(plan.design.morris_factor[p]);
    for (std::size_t f = 0; f < 3; ++f) sweep.unit[f].push_back(u[f]);
    y.values.push_back(10 * u[0] + 5 * u[1] * u[1]);
  }
  sweep.outcomes.push_back(y);
  return sweep;
}

TEST(MorrisIndices, KnownEffectsAndRanking) {
  const std::vector<MorrisRow> rows = morris_table(known_effects_sweep());
  ASSERT_EQ(rows.size(), 3u);
  for (const MorrisRow& row : rows) EXPECT_EQ(row.effects, 20) << row.factor;
  EXPECT_NEAR(rows[0].mu, 10.0, 1e-9);
  EXPECT_NEAR(rows[0].mu_star, 10.0, 1e-9);
  EXPECT_NEAR(rows[0].sigma, 0.0, 1e-9);
  EXPECT_GT(rows[1].sigma, 0.1);
  EXPECT_GT(rows[1].mu_star, 0.0);
  EXPECT_LT(rows[1].mu_star, rows[0].mu_star);
  EXPECT_EQ(rows[2].mu_star, 0.0);
}

TEST(MorrisIndices, FailedPointDropsItsTwoSteps) {
  CollectedSweep sweep = known_effects_sweep();
  sweep.status[1] = "failed";  // step 1 of trajectory 0: the effects into and out of it are lost
  const std::vector<MorrisRow> rows = morris_table(sweep);
  int total = 0;
  for (const MorrisRow& row : rows) total += row.effects;
  EXPECT_EQ(total, 58);
}

TEST(MorrisIndices, OtherDesignsAreRefused) {
  CollectedSweep sweep = known_effects_sweep();
  sweep.design = "saltelli";
  EXPECT_THROW(morris_table(sweep), InputError);
}

}  // namespace
}  // namespace convivia::sweep
