// Counter-based random streams: reproducible, independent per key, and correctly distributed.
#include "core/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace convivia {
namespace {

TEST(RandomStream, SameKeyGivesSameSequence) {
  RandomStream a(42, RandomPurpose::encounter, 7, 3), b(42, RandomPurpose::encounter, 7, 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u32(), b.next_u32());
}

TEST(RandomStream, EachKeyPartChangesTheSequence) {
  const auto first = [](RandomStream s) { return s.next_u32(); };
  const std::uint32_t base = first(RandomStream(42, RandomPurpose::encounter, 7, 3));
  EXPECT_NE(base, first(RandomStream(43, RandomPurpose::encounter, 7, 3)));
  EXPECT_NE(base, first(RandomStream(42, RandomPurpose::activity, 7, 3)));
  EXPECT_NE(base, first(RandomStream(42, RandomPurpose::encounter, 8, 3)));
  EXPECT_NE(base, first(RandomStream(42, RandomPurpose::encounter, 7, 4)));
  EXPECT_NE(base, first(RandomStream(42ull << 32, RandomPurpose::encounter, 7, 3)));
}

TEST(RandomStream, UniformIsInUnitIntervalWithMeanOneHalf) {
  RandomStream s(1, RandomPurpose::sampling, 0, 0);
  double sum = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const float u = s.uniform();
    ASSERT_GE(u, 0.0f);
    ASSERT_LT(u, 1.0f);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
}

TEST(RandomStream, BelowCoversTheRangeUniformly) {
  RandomStream s(9, RandomPurpose::sampling, 0, 1);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) {
    const std::uint32_t k = s.below(7);
    ASSERT_LT(k, 7u);
    ++counts[k];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);
}

TEST(RandomStream, UniformDoubleHasFineResolution) {
  RandomStream s(3, RandomPurpose::sampling, 0, 2);
  std::set<double> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(s.uniform_double());
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace convivia

namespace convivia {
namespace {

TEST(RandomStream, ChanceIsUniformWithSixteenBitSteps) {
  RandomStream s(5, RandomPurpose::encounter, 0, 0);
  double sum = 0.0;
  int below_tenth = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const float c = s.chance();
    ASSERT_GE(c, 0.0f);
    ASSERT_LT(c, 1.0f);
    ASSERT_EQ(c * 65536.0f, std::floor(c * 65536.0f));
    sum += c;
    below_tenth += c < 0.1f;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NEAR(below_tenth / static_cast<double>(n), 0.1, 0.003);
}

TEST(RandomStream, NormalHasMeanZeroUnitVarianceAndNormalTails) {
  RandomStream s(3, RandomPurpose::sampling, 0, 0);
  const int n = 200000;
  double sum = 0.0, sum_squares = 0.0;
  int beyond_two = 0;
  for (int i = 0; i < n; ++i) {
    const double z = s.normal();
    ASSERT_TRUE(std::isfinite(z));
    sum += z;
    sum_squares += z * z;
    beyond_two += std::abs(z) > 2.0;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum_squares / n, 1.0, 0.01);
  EXPECT_NEAR(beyond_two / static_cast<double>(n), 0.0455, 0.002);  // two-sided tail of the standard normal
}

}  // namespace
}  // namespace convivia
