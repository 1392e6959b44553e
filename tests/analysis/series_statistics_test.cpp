// Per-point statistics of kept time series: at each step the same mean and t interval as the
// scalar outcomes, failed runs and NaN steps (after a shorter run's end) left out.
#include "analysis/series_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace convivia::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// One point of four replicates, the last one failed; a series of two steps whose second step is
// NaN in the third run.
CollectedSweep one_point() {
  CollectedSweep sweep;
  sweep.design = "full_factorial";
  sweep.point = {0, 0, 0, 0};
  sweep.replicate = {0, 1, 2, 3};
  sweep.seed_point = {0, 0, 0, 0};
  sweep.status = {"done", "done", "done", "failed"};
  sweep.label.assign(4, "policy=none");
  return sweep;
}

CollectedSeries two_steps() {
  CollectedSeries series;
  series.name = "diversity";
  series.time_axis = "day";
  series.time = {0.0, 1.0};
  series.values = {1.0, 10.0, 5.0, 20.0, 9.0, nan, 100.0, 100.0};  // [run][time]
  return series;
}

TEST(SeriesStatistics, EachStepHasTheMeanIntervalOfTheDoneRuns) {
  const std::vector<SeriesPointSummary> rows = summarise_series(one_point(), {two_steps()});
  ASSERT_EQ(rows.size(), 2u);
  // Step 0: 1, 5, 9 (the failed run's 100 is left out), as in point_statistics_test.
  EXPECT_EQ(rows[0].runs_done, 3);
  EXPECT_DOUBLE_EQ(rows[0].interval.mean, 5.0);
  EXPECT_NEAR(rows[0].interval.low, 5.0 - 9.936552, 1e-5);
  EXPECT_NEAR(rows[0].interval.high, 5.0 + 9.936552, 1e-5);
  EXPECT_EQ(rows[0].label, "policy=none");
  EXPECT_EQ(rows[0].time_axis, "day");
}

TEST(SeriesStatistics, NanStepsAreLeftOut) {
  const std::vector<SeriesPointSummary> rows = summarise_series(one_point(), {two_steps()});
  ASSERT_EQ(rows.size(), 2u);
  // Step 1: 10, 20: mean 15, sd 7.071068, half width t(0.975, 1) 7.071068 / sqrt(2) = 12.706205 * 5.
  EXPECT_EQ(rows[1].runs_done, 2);
  EXPECT_DOUBLE_EQ(rows[1].time, 1.0);
  EXPECT_DOUBLE_EQ(rows[1].interval.mean, 15.0);
  EXPECT_NEAR(rows[1].interval.high, 15.0 + 63.531024, 1e-4);
}

TEST(SeriesStatistics, OneRunGivesAMeanWithoutInterval) {
  CollectedSweep sweep = one_point();
  sweep.status = {"done", "failed", "failed", "failed"};
  const std::vector<SeriesPointSummary> rows = summarise_series(sweep, {two_steps()});
  EXPECT_DOUBLE_EQ(rows[0].interval.mean, 1.0);
  EXPECT_TRUE(std::isnan(rows[0].interval.low));
  EXPECT_TRUE(std::isnan(rows[0].interval.high));
}

}  // namespace
}  // namespace convivia::sweep
