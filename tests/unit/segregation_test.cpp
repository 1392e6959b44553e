// Segregation indices against published two-group matrices, limiting cases and a three-group case
// computed by hand; degenerate inputs must give 0, never NaN.
#include "systems/segregation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace convivia {
namespace {

constexpr double tolerance = 1e-12;

// Builds the unit-major matrix from one column of unit counts per group.
std::vector<std::int64_t> unit_major(const std::vector<std::vector<std::int64_t>>& by_group) {
  const std::size_t units = by_group.front().size();
  std::vector<std::int64_t> counts;
  for (std::size_t u = 0; u < units; ++u) {
    for (const auto& group : by_group) counts.push_back(group[u]);
  }
  return counts;
}

SegregationIndices segregation_of(const std::vector<std::vector<std::int64_t>>& by_group) {
  const std::vector<std::int64_t> counts = unit_major(by_group);
  return compute_segregation(counts, by_group.front().size(), by_group.size());
}

void expect_all_finite(const SegregationIndices& s) {
  EXPECT_TRUE(std::isfinite(s.multigroup_dissimilarity));
  EXPECT_TRUE(std::isfinite(s.theil_h));
  for (const double d : s.dissimilarity) EXPECT_TRUE(std::isfinite(d));
  for (const double i : s.isolation) EXPECT_TRUE(std::isfinite(i));
  for (const double e : s.exposure) EXPECT_TRUE(std::isfinite(e));
}

TEST(Segregation, PublishedMatrixOne) {
  const auto s = segregation_of({{100, 60, 40, 0}, {0, 40, 60, 100}});
  EXPECT_NEAR(s.dissimilarity[0], 0.6, tolerance);
  EXPECT_NEAR(s.dissimilarity[1], 0.6, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.6, tolerance);  // equals D for two groups
  EXPECT_NEAR(s.theil_h, 0.5145247027726657, tolerance);
}

TEST(Segregation, PublishedMatrixTwo) {
  const auto s = segregation_of({{80, 80, 20, 20}, {20, 20, 80, 80}});
  EXPECT_NEAR(s.dissimilarity[0], 0.6, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.6, tolerance);
  EXPECT_NEAR(s.theil_h, 0.2780719051126378, tolerance);
}

TEST(Segregation, EmptyUnitsAreIgnored) {
  const auto s = segregation_of({{100, 0, 60, 40, 0}, {0, 0, 40, 60, 100}});
  EXPECT_NEAR(s.dissimilarity[0], 0.6, tolerance);
  EXPECT_NEAR(s.theil_h, 0.5145247027726657, tolerance);
}

TEST(Segregation, IdenticalCompositionIsNoSegregation) {
  const auto s = segregation_of({{10, 20, 30}, {30, 60, 90}});
  EXPECT_NEAR(s.dissimilarity[0], 0.0, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.0, tolerance);
  EXPECT_NEAR(s.theil_h, 0.0, tolerance);
  EXPECT_NEAR(s.isolation[0], 0.25, tolerance);  // = the group's city-wide share
}

TEST(Segregation, CompleteSeparation) {
  const auto s = segregation_of({{10, 0, 5}, {0, 30, 0}});
  EXPECT_NEAR(s.dissimilarity[0], 1.0, tolerance);
  EXPECT_NEAR(s.dissimilarity[1], 1.0, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 1.0, tolerance);
  EXPECT_NEAR(s.theil_h, 1.0, tolerance);
  EXPECT_NEAR(s.isolation[0], 1.0, tolerance);
  EXPECT_NEAR(s.exposure[0 * 2 + 1], 0.0, tolerance);
}

TEST(Segregation, IsolationPlusExposureIsOneForTwoGroups) {
  const auto s = segregation_of({{80, 80, 20, 20}, {20, 20, 80, 80}});
  EXPECT_NEAR(s.isolation[0] + s.exposure[0 * 2 + 1], 1.0, tolerance);
  EXPECT_NEAR(s.isolation[1] + s.exposure[1 * 2 + 0], 1.0, tolerance);
  EXPECT_NEAR(s.isolation[0], 0.68, tolerance);  // (0.4 * 0.8) * 2 + (0.1 * 0.2) * 2
  EXPECT_DOUBLE_EQ(s.isolation[0], s.exposure[0]);
}

TEST(Segregation, ThreeGroupsByHand) {
  // Unit 1 holds 2 of group 0 and 2 of group 1; unit 2 holds 2 of group 1 and 2 of group 2.
  const auto s = segregation_of({{2, 0}, {2, 2}, {0, 2}});
  EXPECT_NEAR(s.dissimilarity[0], 2.0 / 3.0, tolerance);
  EXPECT_NEAR(s.dissimilarity[1], 0.0, tolerance);
  EXPECT_NEAR(s.dissimilarity[2], 2.0 / 3.0, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.4, tolerance);  // 4 / (2 * 8 * 0.625)
  EXPECT_NEAR(s.theil_h, 1.0 / 3.0, tolerance);             // E = 1.5 ln 2, E_u = ln 2
  EXPECT_NEAR(s.isolation[0], 0.5, tolerance);
  EXPECT_NEAR(s.isolation[1], 0.5, tolerance);
  const std::vector<double> exposure = {0.5, 0.5, 0.0, 0.25, 0.5, 0.25, 0.0, 0.5, 0.5};
  for (std::size_t i = 0; i < exposure.size(); ++i) EXPECT_NEAR(s.exposure[i], exposure[i], tolerance) << i;
}

TEST(Segregation, DegenerateCasesGiveZero) {
  const auto single = segregation_of({{5, 7, 0}});
  EXPECT_EQ(single.dissimilarity[0], 0.0);
  EXPECT_EQ(single.multigroup_dissimilarity, 0.0);
  EXPECT_EQ(single.theil_h, 0.0);
  EXPECT_NEAR(single.isolation[0], 1.0, tolerance);
  expect_all_finite(single);

  const auto empty_group = segregation_of({{100, 60, 40, 0}, {0, 0, 0, 0}, {0, 40, 60, 100}});
  EXPECT_EQ(empty_group.dissimilarity[1], 0.0);
  EXPECT_EQ(empty_group.isolation[1], 0.0);
  EXPECT_NEAR(empty_group.dissimilarity[0], 0.6, tolerance);
  EXPECT_NEAR(empty_group.theil_h, 0.5145247027726657, tolerance);
  expect_all_finite(empty_group);

  const auto nobody = segregation_of({{0, 0}, {0, 0}});
  EXPECT_EQ(nobody.multigroup_dissimilarity, 0.0);
  EXPECT_EQ(nobody.theil_h, 0.0);
  expect_all_finite(nobody);

  const auto no_units = compute_segregation({}, 0, 3);
  EXPECT_EQ(no_units.dissimilarity.size(), 3u);
  EXPECT_EQ(no_units.exposure.size(), 9u);
  expect_all_finite(no_units);
}

std::vector<double> pairwise_of(const std::vector<std::vector<std::int64_t>>& by_group) {
  const std::vector<std::int64_t> counts = unit_major(by_group);
  return pairwise_dissimilarity(counts, by_group.front().size(), by_group.size());
}

TEST(PairwiseDissimilarity, TwoGroupsEqualTheGroupAgainstTheRest) {
  const std::vector<std::vector<std::int64_t>> m2 = {{80, 80, 20, 20}, {20, 20, 80, 80}};
  const auto pairwise = pairwise_of(m2);
  EXPECT_NEAR(pairwise[0 * 2 + 1], 0.6, tolerance);
  EXPECT_DOUBLE_EQ(pairwise[0 * 2 + 1], segregation_of(m2).dissimilarity[0]);
}

TEST(PairwiseDissimilarity, EachPairUsesOnlyItsOwnColumns) {
  // Groups 0 and 2 never share a unit; group 1 is spread like each of them over half of the units.
  const auto pairwise = pairwise_of({{2, 0}, {2, 2}, {0, 2}});
  EXPECT_NEAR(pairwise[0 * 3 + 2], 1.0, tolerance);
  EXPECT_NEAR(pairwise[0 * 3 + 1], 0.5, tolerance);  // 0.5 * (|1 - 0.5| + |0 - 0.5|)
  EXPECT_NEAR(pairwise[1 * 3 + 2], 0.5, tolerance);
}

TEST(PairwiseDissimilarity, SymmetricWithZeroDiagonal) {
  const auto pairwise = pairwise_of({{5, 1, 0, 7}, {0, 3, 3, 1}, {2, 2, 9, 0}});
  for (std::size_t g = 0; g < 3; ++g) {
    EXPECT_EQ(pairwise[g * 3 + g], 0.0);
    for (std::size_t h = 0; h < 3; ++h) EXPECT_EQ(pairwise[g * 3 + h], pairwise[h * 3 + g]);
  }
  EXPECT_GT(pairwise[0 * 3 + 1], 0.0);
}

TEST(PairwiseDissimilarity, GroupWithoutResidentsGivesZero) {
  const auto pairwise = pairwise_of({{100, 60, 40, 0}, {0, 0, 0, 0}, {0, 40, 60, 100}});
  EXPECT_EQ(pairwise[0 * 3 + 1], 0.0);
  EXPECT_EQ(pairwise[1 * 3 + 2], 0.0);
  EXPECT_NEAR(pairwise[0 * 3 + 2], 0.6, tolerance);
}

}  // namespace
}  // namespace convivia
