// The platform-independent exp used in hot loops stays close to the library exp.
#include "core/fast_math.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

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

// The four-lane version is used where the scalar one was, so results must not change by a bit.
TEST(FastMath, FourLaneExpGivesTheSameBitsAsTheScalarOne) {
  std::vector<float> inputs = {0.0f, -0.0f, 1.0f, -1.0f, 79.99f, 80.0f, 80.01f, -80.0f, -80.01f, 1e30f, -1e30f,
                               std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                               std::numeric_limits<float>::denorm_min(), 1e-30f, -1e-30f};
  for (float x = -100.0f; x <= 100.0f; x += 0.00731f) inputs.push_back(x);
  while (inputs.size() % 4 != 0) inputs.push_back(0.5f);
  for (std::size_t i = 0; i < inputs.size(); i += 4) {
    float four[4];
    fast_exp4(inputs.data() + i, four);
    for (std::size_t k = 0; k < 4; ++k)
      EXPECT_EQ(std::bit_cast<std::uint32_t>(four[k]), std::bit_cast<std::uint32_t>(fast_exp(inputs[i + k]))) << "x = " << inputs[i + k];
  }
  float nan_in[4] = {std::numeric_limits<float>::quiet_NaN(), 0.0f, 0.0f, 0.0f};
  float nan_out[4];
  fast_exp4(nan_in, nan_out);
  EXPECT_EQ(std::isnan(nan_out[0]), std::isnan(fast_exp(nan_in[0])));
}

TEST(FastMath, LogisticIsASigmoid) {
  EXPECT_NEAR(logistic(0.0f), 0.5f, 1e-6f);
  EXPECT_NEAR(logistic(2.0f), 1.0 / (1.0 + std::exp(-2.0)), 1e-6);
  EXPECT_GT(logistic(50.0f), 0.999f);
  EXPECT_LT(logistic(-50.0f), 0.001f);
}

}  // namespace
}  // namespace convivia
