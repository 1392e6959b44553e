// The platform-independent exp used in hot loops stays close to the library exp.
#include "core/fast_math.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia {
namespace {

TEST(FastMath, ExpIsAccurateOverTheUsedRange) {
  for (float x = -30.0f; x <= 30.0f; x += 0.01f) {
    const double exact = std::exp(static_cast<double>(x));
    EXPECT_NEAR(fast_exp(x) / exact, 1.0, 5e-6) << "x = " << x;
  }
}

TEST(FastMath, ExpSaturatesInsteadOfOverflowing) {
  EXPECT_TRUE(std::isfinite(fast_exp(1000.0f)));
  EXPECT_GE(fast_exp(-1000.0f), 0.0f);
}

TEST(FastMath, LogisticIsASigmoid) {
  EXPECT_NEAR(logistic(0.0f), 0.5f, 1e-6f);
  EXPECT_NEAR(logistic(2.0f), 1.0 / (1.0 + std::exp(-2.0)), 1e-6);
  EXPECT_GT(logistic(50.0f), 0.999f);
  EXPECT_LT(logistic(-50.0f), 0.001f);
}

}  // namespace
}  // namespace convivia
