// Sobol' indices of the Ishigami function from a Saltelli design, against the analytic values of
// Ishigami and Homma (1990), through the same path a collected sweep takes (sweep_sensitivity).
#include "analysis/sweep_design.hpp"
#include "analysis/sweep_plan.hpp"
#include "analysis/sweep_sensitivity.hpp"
#include "analysis/test_models.hpp"
#include "sweep_test_support.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace convivia::sweep {
namespace {

using testing::sweep_from;

// A Saltelli sweep of a built-in test model with every input on [low, high], y evaluated by it.
CollectedSweep saltelli_sweep(SweepModel model, double low, double high, int base_points) {
  const std::vector<std::string>& inputs = test_model_inputs(model);
  std::string text = std::string("model = \"") + model_name(model) + "\"\n[design]\nkind = \"saltelli\"\nbase_points = " +
                     std::to_string(base_points) + "\n";
  for (const std::string& x : inputs)
    text += fmt::format("[[factors]]\nkey = \"{}\"\nrange = [{}, {}]\n", x, low, high);  // shortest exact form
  const SweepPlan plan = make_plan(sweep_from(text));
  CollectedSweep sweep;
  sweep.design = "saltelli";
  sweep.factor_names = inputs;
  CollectedOutcome y{"y", {}};
  for (const PlannedRun& run : plan.runs) {
    const auto p = static_cast<std::size_t>(run.point);
    sweep.point.push_back(run.point);
    sweep.replicate.push_back(run.replicate);
    sweep.seed_point.push_back(plan.points[p].seed_point);
    sweep.status.push_back("done");
    sweep.label.push_back(plan.points[p].label);
    sweep.saltelli_row.push_back(plan.design.saltelli_row[p]);
    sweep.saltelli_factor.push_back(plan.design.saltelli_factor[p]);
    sweep.saltelli_matrix.push_back(saltelli_matrix_name(plan.design.saltelli_matrix[p]));
    std::vector<double> x;
    for (const PointValue& value : plan.points[p].values) x.push_back(value.number);
    y.values.push_back(evaluate_test_model(model, x));
  }
  sweep.outcomes.push_back(y);
  return sweep;
}

CollectedSweep ishigami_sweep(int base_points) { return saltelli_sweep(SweepModel::ishigami, -std::numbers::pi, std::numbers::pi, base_points); }

// Checks each factor's estimated indices against the known ones: close, and inside their intervals.
void expect_known_indices(const std::vector<SobolRow>& rows, const std::vector<double>& first, const std::vector<double>& total,
                          int base_points) {
  ASSERT_EQ(rows.size(), first.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SobolIndex& s = rows[i].index;
    EXPECT_EQ(rows[i].rows_used, base_points);
    EXPECT_NEAR(s.first, first[i], 0.05) << rows[i].factor;
    EXPECT_NEAR(s.total, total[i], 0.05) << rows[i].factor;
    EXPECT_LE(s.first_low, first[i]) << rows[i].factor;
    EXPECT_GE(s.first_high, first[i]) << rows[i].factor;
    EXPECT_LE(s.total_low, total[i]) << rows[i].factor;
    EXPECT_GE(s.total_high, total[i]) << rows[i].factor;
    EXPECT_LT(s.first_low, s.first_high);
  }
}

TEST(SobolIndices, IshigamiMatchesAnalyticValuesWithinIntervals) {
  expect_known_indices(sobol_table(ishigami_sweep(1024)), {0.3139, 0.4424, 0.0}, {0.5576, 0.4424, 0.2437}, 1024);
}

// The G function's indices in closed form: V_i = 1 / (3 (1 + a_i)^2), first-order V_i / V and
// total V_i prod_{j != i} (1 + V_j) / V, with V = prod (1 + V_i) - 1.
TEST(SobolIndices, SobolGMatchesAnalyticValuesWithinIntervals) {
  const std::vector<double>& a = sobol_g_coefficients();
  std::vector<double> partial;
  double product = 1.0;
  for (double ai : a) {
    partial.push_back(1.0 / (3.0 * (1.0 + ai) * (1.0 + ai)));
    product *= 1.0 + partial.back();
  }
  const double variance = product - 1.0;
  std::vector<double> first, total;
  for (double v : partial) {
    first.push_back(v / variance);
    total.push_back(v * product / (1.0 + v) / variance);
  }
  EXPECT_NEAR(first[0], 0.7163, 1e-4);  // the Primer's value for x1
  expect_known_indices(sobol_table(saltelli_sweep(SweepModel::sobol_g, 0.0, 1.0, 1024)), first, total, 1024);
}

TEST(SobolIndices, SameDataGiveTheSameIntervals) {
  const CollectedSweep sweep = ishigami_sweep(64);
  const std::vector<SobolRow> a = sobol_table(sweep), b = sobol_table(sweep);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].index.first_low, b[i].index.first_low);
    EXPECT_EQ(a[i].index.total_high, b[i].index.total_high);
  }
}

TEST(SobolIndices, FailedRunsLeaveTheirBaseRowOut) {
  CollectedSweep sweep = ishigami_sweep(64);
  sweep.status[0] = "failed";  // point 0 is A_0
  const std::vector<SobolRow> rows = sobol_table(sweep);
  EXPECT_EQ(rows[0].rows_used, 63);
  EXPECT_TRUE(std::isfinite(rows[0].index.first));
}

TEST(SobolIndices, ConstantOutcomeGivesNaN) {
  SobolSample sample{{1, 1, 1}, {1, 1, 1}, {{1, 1, 1}}};
  const std::vector<SobolIndex> indices = sobol_indices(sample);
  EXPECT_TRUE(std::isnan(indices[0].first));
  EXPECT_TRUE(std::isnan(indices[0].total));
}

}  // namespace
}  // namespace convivia::sweep
