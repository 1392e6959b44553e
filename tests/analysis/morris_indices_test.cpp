// Morris statistics through the path a collected sweep takes, on functions of known effects:
// y = 10 u1 + 5 u2^2 + 0 u3 in unit coordinates has effects exactly 10 for u1 (sigma 0), effects
// 5 (2 u2 + delta) for u2 that vary with u2 (sigma > 0) and none for u3; Sobol's G function
// (test_models.hpp) has inputs whose importance falls as their coefficient a_i rises.
#include "analysis/morris_indices.hpp"
#include "analysis/sweep_plan.hpp"
#include "analysis/test_models.hpp"
#include "io/input_error.hpp"
#include "sweep_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace convivia::sweep {
namespace {

// A Morris sweep of `model` over the inputs x1..x<inputs> on [0, 1], each point's y given by f of
// the point (its unit coordinates and its values).
CollectedSweep morris_sweep(const std::string& model, int inputs, int trajectories, const std::function<double(const PlannedPoint&)>& f) {
  std::string text = "model = \"" + model + "\"\n[design]\nkind = \"morris\"\ntrajectories = " + std::to_string(trajectories) +
                     "\nlevels = 4\n";
  CollectedSweep sweep;
  for (int i = 1; i <= inputs; ++i) {
    sweep.factor_names.push_back("x" + std::to_string(i));
    text += "[[factors]]\nkey = \"" + sweep.factor_names.back() + "\"\nrange = [0, 1]\n";
  }
  const SweepPlan plan = make_plan(testing::sweep_from(text));
  sweep.design = "morris";
  sweep.unit.assign(static_cast<std::size_t>(inputs), {});
  CollectedOutcome y{"y", {}};
  for (const PlannedRun& run : plan.runs) {
    const auto p = static_cast<std::size_t>(run.point);
    sweep.point.push_back(run.point);
    sweep.replicate.push_back(run.replicate);
    sweep.seed_point.push_back(plan.points[p].seed_point);
    sweep.status.push_back("done");
    sweep.label.push_back(plan.points[p].label);
    sweep.morris_trajectory.push_back(plan.design.morris_trajectory[p]);
    sweep.morris_step.push_back(plan.design.morris_step[p]);
    sweep.morris_factor.push_back(plan.design.morris_factor[p]);
    for (std::size_t f = 0; f < sweep.unit.size(); ++f) sweep.unit[f].push_back(plan.points[p].unit[f]);
    y.values.push_back(f(plan.points[p]));
  }
  sweep.outcomes.push_back(y);
  return sweep;
}

CollectedSweep known_effects_sweep() {
  return morris_sweep("ishigami", 3, 20, [](const PlannedPoint& point) {
    const std::vector<double>& u = point.unit;
    return 10 * u[0] + 5 * u[1] * u[1];
  });
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

TEST(MorrisIndices, SobolGRanksItsInputsByTheirCoefficients) {
  const CollectedSweep sweep = morris_sweep("sobol_g", 6, 20, [](const PlannedPoint& point) {
    std::vector<double> x;
    for (const PointValue& value : point.values) x.push_back(value.number);
    return evaluate_test_model(SweepModel::sobol_g, x);
  });
  const std::vector<MorrisRow> rows = morris_table(sweep);
  ASSERT_EQ(rows.size(), 6u);
  // a = 0, 1, 4.5, 9: each input matters less than the one before; a = 99: hardly at all.
  for (std::size_t i = 1; i < 4; ++i) EXPECT_LT(rows[i].mu_star, rows[i - 1].mu_star) << rows[i].factor;
  for (std::size_t i = 4; i < 6; ++i) {
    EXPECT_LT(rows[i].mu_star, 0.05 * rows[0].mu_star) << rows[i].factor;
    EXPECT_LT(rows[i].mu_star, rows[3].mu_star) << rows[i].factor;
  }
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
