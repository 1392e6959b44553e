// Tests of the cost-effectiveness figure of `convivia compare`: a change in a share per million euros
// of annual cost difference, in percentage points, with its interval, and no figure without a cost
// difference.
#include "io/replicate_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia {
namespace {

TEST(CostEffectiveness, PointsPerMillionEuros) {
  // +2 percentage points for 500,000 euros a year more: 4 points per million; interval [1, 3] points
  // becomes [2, 6].
  const MeanInterval change{0.02, 0.01, 0.03, 4.0};
  const MeanInterval ratio = share_change_per_million_eur(change, 500000.0);
  EXPECT_NEAR(ratio.mean, 4.0, 1e-12);
  EXPECT_NEAR(ratio.low, 2.0, 1e-12);
  EXPECT_NEAR(ratio.high, 6.0, 1e-12);
  EXPECT_EQ(ratio.degrees_of_freedom, 4.0);
}

TEST(CostEffectiveness, NegativeCostDifferenceSwapsTheBounds) {
  // Saving 1 million euros a year and losing 1 to 3 points: +1 to +3 points per million spent.
  const MeanInterval change{-0.02, -0.03, -0.01, 2.0};
  const MeanInterval ratio = share_change_per_million_eur(change, -1e6);
  EXPECT_NEAR(ratio.mean, 2.0, 1e-12);
  EXPECT_NEAR(ratio.low, 1.0, 1e-12);
  EXPECT_NEAR(ratio.high, 3.0, 1e-12);
}

TEST(CostEffectiveness, NoFigureWithoutCostDifference) {
  const MeanInterval ratio = share_change_per_million_eur({0.02, 0.01, 0.03, 4.0}, 0.0);
  EXPECT_TRUE(std::isnan(ratio.mean));
  EXPECT_TRUE(std::isnan(ratio.low));
  EXPECT_TRUE(std::isnan(ratio.high));
}

}  // namespace
}  // namespace convivia
