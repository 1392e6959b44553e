// Tests of the replicate intervals of `convivia compare` against hand-computed examples: Student's
// t quantiles from printed tables, a mean interval, a paired and a Welch difference interval.
#include "io/replicate_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace convivia {
namespace {

TEST(ReplicateStatistics, TQuantileMatchesTheTables) {
  EXPECT_NEAR(t_quantile_975(4.0), 2.776445, 1e-6);
  EXPECT_NEAR(t_quantile_975(2.0), 4.302653, 1e-6);
  EXPECT_NEAR(t_quantile_975(30.0), 2.042272, 1e-6);
}

TEST(ReplicateStatistics, MeanIntervalOfFiveValues) {
  // Mean 3, sample variance 2.5, standard error sqrt(0.5); half width 2.776445 * 0.707107 = 1.963243.
  const std::vector<double> values{1, 2, 3, 4, 5};
  const MeanInterval interval = mean_interval(values);
  EXPECT_DOUBLE_EQ(interval.mean, 3.0);
  EXPECT_NEAR(interval.low, 3.0 - 1.963243, 1e-6);
  EXPECT_NEAR(interval.high, 3.0 + 1.963243, 1e-6);
  EXPECT_EQ(interval.degrees_of_freedom, 4.0);
}

TEST(ReplicateStatistics, PairedIntervalIsOverPerSeedDifferences) {
  // Differences 1, 2, 2: mean 5/3, variance 1/3, standard error 1/3; half width 4.302653 / 3 = 1.434218.
  const std::vector<double> baseline{1, 2, 3};
  const std::vector<double> other{2, 4, 5};
  const MeanInterval interval = paired_difference_interval(baseline, other);
  EXPECT_NEAR(interval.mean, 5.0 / 3.0, 1e-12);
  EXPECT_NEAR(interval.low, 5.0 / 3.0 - 1.434218, 1e-6);
  EXPECT_NEAR(interval.high, 5.0 / 3.0 + 1.434218, 1e-6);
  EXPECT_EQ(interval.degrees_of_freedom, 2.0);
}

TEST(ReplicateStatistics, PairingRemovesTheSharedSeedVariation) {
  // Each seed shifts both scenarios alike: paired, the difference is exactly 1; unpaired it is not.
  const std::vector<double> baseline{10, 20, 30};
  const std::vector<double> other{11, 21, 31};
  const MeanInterval paired = paired_difference_interval(baseline, other);
  const MeanInterval welch = welch_difference_interval(baseline, other);
  EXPECT_DOUBLE_EQ(paired.low, 1.0);
  EXPECT_DOUBLE_EQ(paired.high, 1.0);
  EXPECT_DOUBLE_EQ(welch.mean, 1.0);
  EXPECT_LT(welch.low, -10.0);
}

TEST(ReplicateStatistics, WelchIntervalWithSatterthwaiteDegrees) {
  // a = 1..4: mean 2.5, variance 5/3; b = 2, 4, 6: mean 4, variance 4. Squared standard errors
  // 5/12 and 4/3 (sum 1.75); degrees (1.75^2) / ((5/12)^2 / 3 + (4/3)^2 / 2) = 3.234719.
  const std::vector<double> a{1, 2, 3, 4};
  const std::vector<double> b{2, 4, 6};
  const MeanInterval interval = welch_difference_interval(a, b);
  EXPECT_DOUBLE_EQ(interval.mean, 1.5);
  EXPECT_NEAR(interval.degrees_of_freedom, 3.234719, 1e-6);
  const double half_width = t_quantile_975(interval.degrees_of_freedom) * std::sqrt(1.75);
  EXPECT_NEAR(interval.low, 1.5 - half_width, 1e-12);
  EXPECT_NEAR(interval.high, 1.5 + half_width, 1e-12);
  // Between the t quantiles of 3 and 4 degrees (3.182446 and 2.776445).
  EXPECT_LT(half_width, 3.182446 * std::sqrt(1.75));
  EXPECT_GT(half_width, 2.776445 * std::sqrt(1.75));
}

// Samples whose spread overflows Welch's degrees of freedom (values near 1e300, as a damaged run
// file can hold): the difference of the means, no interval, and no exception from the t quantile.
TEST(ReplicateStatistics, WelchOfOverflowingSpreadHasNoInterval) {
  const std::vector<double> baseline = {1e300, -1e300};
  const std::vector<double> other = {1.0, 3.0};
  MeanInterval d{};
  ASSERT_NO_THROW(d = welch_difference_interval(baseline, other));
  EXPECT_DOUBLE_EQ(d.mean, 2.0);
  EXPECT_TRUE(std::isnan(d.low));
  EXPECT_TRUE(std::isnan(d.high));
}

}  // namespace
}  // namespace convivia
