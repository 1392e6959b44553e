// Sobol' indices of the Ishigami function from a Saltelli design, against the analytic values of
// TARGETS.md, through the same path a collected sweep takes (sweep_sensitivity).
#include "analysis/sweep_design.hpp"
#include "analysis/sweep_plan.hpp"
#include "analysis/sweep_sensitivity.hpp"
#include "analysis/test_models.hpp"
#include "sweep_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia::sweep {
namespace {

using testing::sweep_from;

CollectedSweep ishigami_sweep(int base_points) {
  std::string text = "model = \"ishigami\"\n[design]\nkind = \"saltelli\"\nbase_points = " + std::to_string(base_points) + "\n";
  for (const char* x : {"x1", "x2", "x3"})
    text += std::string("[[factors]]\nkey = \"") + x + "\"\nrange = [-3.141592653589793, 3.141592653589793]\n";
  const SweepPlan plan = make_plan(sweep_from(text));
  CollectedSweep sweep;
  sweep.design = "saltelli";
  sweep.factor_names = {"x1", "x2", "x3"};
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
    std::vector<double> inputs;
    for (const PointValue& value : plan.points[p].values) inputs.push_back(value.number);
    y.values.push_back(evaluate_test_model(SweepModel::ishigami, inputs));
  }
  sweep.outcomes.push_back(y);
  return sweep;
}

TEST(SobolIndices, IshigamiMatchesAnalyticValuesWithinIntervals) {
  const std::vector<SobolRow> rows = sobol_table(ishigami_sweep(1024));
  ASSERT_EQ(rows.size(), 3u);
  const double first[] = {0.3139, 0.4424, 0.0};
  const double total[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t i = 0; i < 3; ++i) {
    const SobolIndex& s = rows[i].index;
    EXPECT_EQ(rows[i].rows_used, 1024);
    EXPECT_NEAR(s.first, first[i], 0.05) << rows[i].factor;
    EXPECT_NEAR(s.total, total[i], 0.05) << rows[i].factor;
    EXPECT_LE(s.first_low, first[i]) << rows[i].factor;
    EXPECT_GE(s.first_high, first[i]) << rows[i].factor;
    EXPECT_LE(s.total_low, total[i]) << rows[i].factor;
    EXPECT_GE(s.total_high, total[i]) << rows[i].factor;
    EXPECT_LT(s.first_low, s.first_high);
  }
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
