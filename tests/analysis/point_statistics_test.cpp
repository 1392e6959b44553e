// Per-point means and effects of a collected sweep: the t interval against a hand computation,
// paired effects when seeds are shared and Welch's otherwise, and the baseline choice.
#include "analysis/point_statistics.hpp"
#include "io/input_error.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia::sweep {
namespace {

// Two points of three replicates; `shared_seeds` gives both the seed point 0.
CollectedSweep two_points(bool shared_seeds) {
  CollectedSweep sweep;
  sweep.design = "full_factorial";
  sweep.point = {0, 0, 0, 1, 1, 1};
  sweep.replicate = {0, 1, 2, 0, 1, 2};
  sweep.seed_point = {0, 0, 0, shared_seeds ? 0 : 1, shared_seeds ? 0 : 1, shared_seeds ? 0 : 1};
  sweep.status.assign(6, "done");
  sweep.label = {"policy=none", "policy=none", "policy=none", "policy=mediators", "policy=mediators", "policy=mediators"};
  // The second point is the first plus 1, 2, 3: paired differences vary little, the outcomes a lot.
  sweep.outcomes.push_back({"y", {1.0, 5.0, 9.0, 2.0, 7.0, 12.0}});
  return sweep;
}

TEST(PointStatistics, MeanIntervalMatchesHandComputation) {
  const std::vector<PointSummary> rows = summarise_points(two_points(true));
  ASSERT_EQ(rows.size(), 2u);
  // 1, 5, 9: mean 5, sd 4, half width t(0.975, 2) 4 / sqrt(3) = 4.302653 * 2.309401 = 9.936552.
  EXPECT_EQ(rows[0].runs_done, 3);
  EXPECT_DOUBLE_EQ(rows[0].interval.mean, 5.0);
  EXPECT_NEAR(rows[0].interval.low, 5.0 - 9.936552, 1e-5);
  EXPECT_NEAR(rows[0].interval.high, 5.0 + 9.936552, 1e-5);
}

TEST(PointStatistics, SharedSeedsArePairedByReplicate) {
  const std::vector<PointEffect> rows = point_effects(two_points(true), 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].method, EffectMethod::paired);
  EXPECT_EQ(rows[0].pairs_or_runs, 3);
  // Differences 1, 2, 3: mean 2, sd 1, half width 4.302653 / sqrt(3) = 2.484138.
  EXPECT_DOUBLE_EQ(rows[0].difference.mean, 2.0);
  EXPECT_NEAR(rows[0].difference.high - rows[0].difference.mean, 2.484138, 1e-5);
}

TEST(PointStatistics, DifferentSeedsUseWelch) {
  const std::vector<PointEffect> rows = point_effects(two_points(false), 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].method, EffectMethod::welch);
  EXPECT_DOUBLE_EQ(rows[0].difference.mean, 2.0);
  // Welch's interval is much wider than the paired one on the same numbers.
  EXPECT_GT(rows[0].difference.high - rows[0].difference.mean, 10.0);
}

TEST(PointStatistics, FailedRunsAreLeftOutOfPairs) {
  CollectedSweep sweep = two_points(true);
  sweep.status[1] = "failed";
  const std::vector<PointEffect> rows = point_effects(sweep, 0);
  EXPECT_EQ(rows[0].pairs_or_runs, 2);
  EXPECT_DOUBLE_EQ(rows[0].difference.mean, 2.0);  // differences 1 and 3
}

// Values so far apart that Welch's degrees of freedom overflow (found by tests/fuzz/fuzz_collected_sweep):
// the difference of the means without an interval, instead of Boost's domain_error.
TEST(PointStatistics, WelchOfOverflowingSpreadGivesTheDifferenceOnly) {
  CollectedSweep sweep = two_points(false);
  sweep.outcomes[0].values = {1e300, -1e300, 0.0, 1.0, 2.0, 3.0};
  const std::vector<PointEffect> rows = point_effects(sweep, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].method, EffectMethod::welch);
  EXPECT_DOUBLE_EQ(rows[0].difference.mean, 2.0);  // 2 - 0
  EXPECT_TRUE(std::isnan(rows[0].difference.low));
  EXPECT_TRUE(std::isnan(rows[0].difference.high));
}

TEST(PointStatistics, BaselineByLabelOrItem) {
  const CollectedSweep sweep = two_points(true);
  EXPECT_EQ(find_baseline_point(sweep, ""), 0);
  EXPECT_EQ(find_baseline_point(sweep, "policy=mediators"), 1);
  EXPECT_THROW(find_baseline_point(sweep, "policy=other"), InputError);
}

}  // namespace
}  // namespace convivia::sweep
