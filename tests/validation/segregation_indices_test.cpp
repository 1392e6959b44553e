// Validation of the segregation indices against published results: the test matrices of the
// R package segregation (CRAN; 4 units by 2 groups, D and Theil's H given to 16 digits), read from
// CSV through the census-table reader the segregation command uses, and the limiting cases (identical
// columns, complete separation). Exposure and isolation are checked against a small matrix worked out
// by hand, and each pairwise D against the two-group D of the pair's own two columns.
#include "io/count_table_reader.hpp"
#include "systems/segregation.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace convivia {
namespace {

constexpr double tolerance = 1e-12;

std::string data_file(const std::string& name) {
  const char* dir = std::getenv("CONVIVIA_SOURCE_DIR");
  EXPECT_NE(dir, nullptr) << "CONVIVIA_SOURCE_DIR must name the source tree (ctest sets it)";
  return std::string(dir == nullptr ? "." : dir) + "/tests/validation/data/" + name;
}

SegregationIndices indices_of(const CountTable& table) {
  return compute_segregation(table.counts, table.unit_count(), table.group_count());
}

// Unit-major counts from rows of group counts.
SegregationIndices indices_of_rows(const std::vector<std::vector<std::int64_t>>& rows) {
  std::vector<std::int64_t> counts;
  for (const auto& row : rows) counts.insert(counts.end(), row.begin(), row.end());
  return compute_segregation(counts, rows.size(), rows.front().size());
}

TEST(SegregationValidation, PublishedMatrixOneFromCsv) {
  const CountTable table = read_count_table(data_file("published_m1.csv"));
  ASSERT_EQ(table.unit_count(), 4u);
  ASSERT_EQ(table.group_count(), 2u);
  const SegregationIndices s = indices_of(table);
  EXPECT_NEAR(s.dissimilarity[0], 0.6, tolerance);
  EXPECT_NEAR(s.dissimilarity[1], 0.6, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.6, tolerance);
  EXPECT_NEAR(s.theil_h, 0.5145247027726657, tolerance);
}

TEST(SegregationValidation, PublishedMatrixTwoFromCsv) {
  const SegregationIndices s = indices_of(read_count_table(data_file("published_m2.csv")));
  EXPECT_NEAR(s.dissimilarity[0], 0.6, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.6, tolerance);
  EXPECT_NEAR(s.theil_h, 0.2780719051126378, tolerance);
}

TEST(SegregationValidation, IdenticalColumnsAreNoSegregation) {
  const SegregationIndices s = indices_of_rows({{30, 30}, {5, 5}, {120, 120}, {45, 45}});
  EXPECT_NEAR(s.dissimilarity[0], 0.0, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 0.0, tolerance);
  EXPECT_NEAR(s.theil_h, 0.0, tolerance);
}

TEST(SegregationValidation, CompleteSeparationIsOne) {
  const SegregationIndices s = indices_of_rows({{30, 0}, {0, 5}, {120, 0}, {0, 45}});
  EXPECT_NEAR(s.dissimilarity[0], 1.0, tolerance);
  EXPECT_NEAR(s.multigroup_dissimilarity, 1.0, tolerance);
  EXPECT_NEAR(s.theil_h, 1.0, tolerance);
}

TEST(SegregationValidation, ExposureAndIsolationByHand) {
  // Unit A: 3, 1, 0 residents of groups 0, 1, 2; unit B: 1, 1, 2. Group totals 4, 2, 2; both units hold 4.
  // exposure[g][h] = sum_u (x_ug / X_g) (x_uh / t_u), e.g. [0][2] = (3/4)(0/4) + (1/4)(2/4) = 1/8.
  const SegregationIndices s = indices_of_rows({{3, 1, 0}, {1, 1, 2}});
  const std::vector<double> exposure = {10.0 / 16, 4.0 / 16, 2.0 / 16,  //
                                        8.0 / 16,  4.0 / 16, 4.0 / 16,  //
                                        4.0 / 16,  4.0 / 16, 8.0 / 16};
  for (std::size_t i = 0; i < exposure.size(); ++i) EXPECT_NEAR(s.exposure[i], exposure[i], tolerance) << "entry " << i;
  EXPECT_NEAR(s.isolation[0], 0.625, tolerance);
  EXPECT_NEAR(s.isolation[1], 0.25, tolerance);
  EXPECT_NEAR(s.isolation[2], 0.5, tolerance);
}

TEST(SegregationValidation, PairwiseEqualsTwoGroupDissimilarityOfThePair) {
  const std::vector<std::vector<std::int64_t>> rows = {{12, 0, 7, 1}, {3, 9, 2, 0}, {0, 4, 4, 6}, {8, 8, 1, 2}, {5, 0, 0, 9}};
  const std::size_t G = 4;
  std::vector<std::int64_t> counts;
  for (const auto& row : rows) counts.insert(counts.end(), row.begin(), row.end());
  const std::vector<double> pairwise = pairwise_dissimilarity(counts, rows.size(), G);
  for (std::size_t g = 0; g < G; ++g) {
    for (std::size_t h = g + 1; h < G; ++h) {
      std::vector<std::vector<std::int64_t>> pair;
      for (const auto& row : rows) pair.push_back({row[g], row[h]});
      EXPECT_NEAR(pairwise[g * G + h], indices_of_rows(pair).dissimilarity[0], tolerance) << g << " and " << h;
    }
  }
}

}  // namespace
}  // namespace convivia
