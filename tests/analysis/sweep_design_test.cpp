// Designs and factor values: full factorial order, Latin hypercube strata, the Sobol' sequence,
// Morris trajectories, the Saltelli scheme, and the quantile functions of the distributions.
#include "analysis/factor_values.hpp"
#include "analysis/sweep_design.hpp"
#include "analysis/sweep_test_support.hpp"

#include <boost/random/sobol.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace convivia::sweep {
namespace {

using testing::sweep_from;
using testing::tiny_sweep;

std::string factors(int k, const std::string& range = "range = [0, 1]") {
  std::string text;
  for (int f = 0; f < k; ++f) text += "[[factors]]\nkey = \"k" + std::to_string(f) + "\"\n" + range + "\n";
  return text;
}

TEST(Designs, FullFactorialHasEveryCombinationWithTheLastFactorFastest) {
  const SweepFile sweep = sweep_from(tiny_sweep(
      "[[factors]]\nkey = \"a\"\nvalues = [1, 2]\n[[factors]]\nkey = \"b\"\nrange = [0, 10]\nlevels = 3\n"));
  const Design design = make_design(sweep);
  ASSERT_EQ(design.size(), 6u);
  const std::vector<std::vector<int>> expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}};
  EXPECT_EQ(design.level, expected);
  EXPECT_EQ(value_at_level(sweep.factors[1], 1).number, 5.0);
  EXPECT_EQ(value_at_level(sweep.factors[1], 2).literal, "10.0");
  EXPECT_EQ(value_at_level(sweep.factors[0], 1).literal, "2");
  EXPECT_DOUBLE_EQ(design.unit[4][1], 0.5);
}

TEST(Designs, LatinHypercubePutsOnePointInEachStratumOfEachFactor) {
  const SweepFile sweep = sweep_from(tiny_sweep("[design]\nkind = \"latin_hypercube\"\npoints = 20\n" + factors(3)));
  const Design design = make_design(sweep);
  ASSERT_EQ(design.size(), 20u);
  for (std::size_t f = 0; f < 3; ++f) {
    std::set<int> strata;
    for (const auto& point : design.unit) strata.insert(static_cast<int>(std::floor(point[f] * 20)));
    EXPECT_EQ(strata.size(), 20u) << "factor " << f;
  }
  EXPECT_EQ(make_design(sweep).unit, design.unit) << "a plan is a pure function of the sweep file";
  const SweepFile other = sweep_from(tiny_sweep("[design]\nkind = \"latin_hypercube\"\npoints = 20\n" + factors(3), 8));
  EXPECT_NE(make_design(other).unit, design.unit) << "another master seed gives another hypercube";
}

TEST(Designs, SobolIsBoostsSequenceFromTheOrigin) {
  const SweepFile sweep = sweep_from(tiny_sweep("[design]\nkind = \"sobol\"\npoints = 4\n" + factors(2)));
  const Design design = make_design(sweep);
  const std::vector<std::vector<double>> expected = {{0.0, 0.0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}};
  EXPECT_EQ(design.unit, expected);
}

TEST(Designs, MorrisTrajectoriesMoveEachFactorOnceByDelta) {
  const SweepFile sweep = sweep_from(tiny_sweep("[design]\nkind = \"morris\"\ntrajectories = 6\nlevels = 4\n" + factors(4)));
  const Design design = make_design(sweep);
  ASSERT_EQ(design.size(), 6u * 5u);
  const double delta = 4.0 / (2.0 * 3.0);
  for (int t = 0; t < 6; ++t) {
    std::set<int> moved;
    for (int s = 1; s <= 4; ++s) {
      const std::size_t p = static_cast<std::size_t>(t * 5 + s);
      EXPECT_EQ(design.morris_trajectory[p], t);
      EXPECT_EQ(design.morris_step[p], s);
      const int f = design.morris_factor[p];
      moved.insert(f);
      for (int g = 0; g < 4; ++g) {
        const double change = design.unit[p][static_cast<std::size_t>(g)] - design.unit[p - 1][static_cast<std::size_t>(g)];
        EXPECT_NEAR(std::abs(change), g == f ? delta : 0.0, 1e-12);
      }
      for (double u : design.unit[p]) {
        EXPECT_GE(u, 0.0);
        EXPECT_LE(u, 1.0);
        EXPECT_NEAR(u * 3.0, std::round(u * 3.0), 1e-12) << "on the grid of 4 levels";
      }
    }
    EXPECT_EQ(moved.size(), 4u) << "trajectory " << t;
    EXPECT_EQ(design.morris_factor[static_cast<std::size_t>(t * 5)], -1);
  }
}

TEST(Designs, SaltelliMatricesShareTheirColumns) {
  const SweepFile sweep = sweep_from(tiny_sweep("[design]\nkind = \"saltelli\"\nbase_points = 8\n" + factors(3)));
  const Design design = make_design(sweep);
  ASSERT_EQ(design.size(), 8u * 5u);
  for (std::size_t j = 0; j < 8; ++j) {
    const auto& a = design.unit[j * 5];
    const auto& b = design.unit[j * 5 + 4];
    EXPECT_EQ(design.saltelli_matrix[j * 5], SaltelliMatrix::a);
    EXPECT_EQ(design.saltelli_matrix[j * 5 + 4], SaltelliMatrix::b);
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& ab = design.unit[j * 5 + 1 + i];
      EXPECT_EQ(design.saltelli_matrix[j * 5 + 1 + i], SaltelliMatrix::ab);
      EXPECT_EQ(design.saltelli_factor[j * 5 + 1 + i], static_cast<int>(i));
      EXPECT_EQ(design.saltelli_row[j * 5 + 1 + i], static_cast<int>(j));
      for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(ab[c], c == i ? b[c] : a[c]);
    }
  }
  for (std::size_t j = 0; j < 8; ++j) EXPECT_NE(design.unit[j * 5], design.unit[j * 5 + 4]) << "A_j and B_j differ in row " << j;
  // Row 0 is point 8 of the 6-dimensional sequence (after the first 2^3 >= 8 points), which is
  // Boost's eighth point (Boost starts at point 1).
  boost::random::sobol engine(6);
  engine.discard(7 * 6);
  std::vector<double> point8(6);
  for (double& x : point8) x = static_cast<double>(engine()) * 0x1.0p-64;
  EXPECT_EQ(design.unit[0], std::vector<double>(point8.begin(), point8.begin() + 3));
  EXPECT_EQ(design.unit[4], std::vector<double>(point8.begin() + 3, point8.end()));
}

TEST(FactorValues, QuantilesOfEachDistribution) {
  const SweepFile sweep = sweep_from(tiny_sweep(
      "[design]\nkind = \"sobol\"\npoints = 2\n"
      "[[factors]]\nkey = \"u\"\nrange = [2, 4]\n"
      "[[factors]]\nkey = \"l\"\nrange = [1, 100]\ndistribution = \"log_uniform\"\n"
      "[[factors]]\nkey = \"i\"\nrange = [1, 4]\ndistribution = \"integer\"\n"
      "[[factors]]\nkey = \"n\"\nrange = [0, 10]\ndistribution = \"normal\"\nmean = 5\nsd = 2\n"
      "[[factors]]\nkey = \"c\"\nvalues = [\"a\", \"b\", \"c\"]\n"));
  const auto& f = sweep.factors;
  EXPECT_DOUBLE_EQ(range_value(f[0], 0.25), 2.5);
  EXPECT_DOUBLE_EQ(range_value(f[0], 1.0), 4.0);
  EXPECT_NEAR(range_value(f[1], 0.5), 10.0, 1e-12);
  EXPECT_EQ(range_value(f[1], 1.0), 100.0) << "the ends are exact";
  EXPECT_EQ(range_value(f[2], 0.0), 1.0);
  EXPECT_EQ(range_value(f[2], 0.2499), 1.0);
  EXPECT_EQ(range_value(f[2], 0.25), 2.0);
  EXPECT_EQ(range_value(f[2], 0.9999), 4.0);
  EXPECT_EQ(value_at_unit(f[2], 0.6).literal, "3") << "integers stay TOML integers";
  EXPECT_NEAR(range_value(f[3], 0.5), 5.0, 1e-9);
  EXPECT_EQ(range_value(f[3], 0.0), 0.0);
  // u = 0.9 of the truncated normal is its p = 0.895 quantile: z = 1.25.
  EXPECT_NEAR(range_value(f[3], 0.9), 5.0 + 2.0 * 1.2535, 0.01);
  EXPECT_EQ(value_at_unit(f[4], 0.0).literal, "\"a\"");
  EXPECT_EQ(value_at_unit(f[4], 0.5).label, "\"b\"");
  EXPECT_EQ(value_at_unit(f[4], 1.0).level, 2);
}

}  // namespace
}  // namespace convivia::sweep
