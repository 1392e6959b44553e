// Validation of the reference models against published results (docs/reference-models.md):
// - Schelling, NetLogo "Segregation" rules, density 95%, 30% similar wanted: the final mean
//   "% similar" over seeds lies in [72, 80]; with 0% wanted nobody moves and it stays near 50.
// - Axelrod (1997), 10 x 10: q = 15 gives about 20 stable regions and F = 10 or q = 5 about 1, as in
//   Axelrod's table; for F = 5, q = 10 (published 3.2, not reproduced by the published rules, see
//   docs/reference-models.md) the model agrees with an independent plain implementation of the rules.
// Seeds are 1..n, fixed in advance; the means and standard errors are printed.
#include "core/random.hpp"
#include "reference/axelrod.hpp"
#include "reference/schelling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace convivia {
namespace {

struct MeanAndError {
  double mean = 0.0;
  double standard_error = 0.0;
};

template <class Outcome>
MeanAndError over_seeds(int runs, Outcome outcome) {
  double sum = 0.0, sum_squares = 0.0;
  for (int seed = 1; seed <= runs; ++seed) {
    const double value = outcome(static_cast<std::uint64_t>(seed));
    sum += value;
    sum_squares += value * value;
  }
  const double n = runs;
  const double mean = sum / n;
  const double variance = std::max(0.0, (sum_squares - n * mean * mean) / (n - 1));
  return {mean, std::sqrt(variance / n)};
}

double netlogo_percent_similar(double similar_wanted, std::uint64_t seed) {
  ReferenceSchellingConfig config;  // defaults are NetLogo's: 51 x 51 torus, density 0.95
  config.similar_wanted = similar_wanted;
  SchellingModel model(config, seed);
  run_schelling(model);
  return model.measure().percent_similar;
}

TEST(SchellingValidation, NetlogoThirtyPercentWantedEndsBetween72And80Similar) {
  const MeanAndError result = over_seeds(20, [](std::uint64_t seed) { return netlogo_percent_similar(0.30, seed); });
  std::printf("NetLogo rules, 30%% wanted: mean %% similar %.2f (SE %.2f, 20 seeds)\n", result.mean,
              result.standard_error);
  EXPECT_GE(result.mean, 72.0);
  EXPECT_LE(result.mean, 80.0);
}

TEST(SchellingValidation, NetlogoWithoutPreferenceStaysMixed) {
  const MeanAndError result = over_seeds(10, [](std::uint64_t seed) { return netlogo_percent_similar(0.0, seed); });
  std::printf("NetLogo rules, 0%% wanted: mean %% similar %.2f (SE %.2f, 10 seeds)\n", result.mean,
              result.standard_error);
  EXPECT_NEAR(result.mean, 50.0, 2.0);
}

MeanAndError axelrod_regions(int features, int traits, int runs) {
  ReferenceAxelrodConfig config;
  config.features = features;
  config.traits = traits;
  const MeanAndError result = over_seeds(runs, [&](std::uint64_t seed) {
    AxelrodModel model(config, seed);
    run_axelrod(model, config.max_events, config.sample_events);
    EXPECT_TRUE(model.absorbed());
    return static_cast<double>(model.stable_regions());
  });
  std::printf("Axelrod 10 x 10, F = %d, q = %d: mean stable regions %.3f (SE %.3f, %d runs)\n", features, traits,
              result.mean, result.standard_error, runs);
  return result;
}

// A second, deliberately plain implementation of the rules as Axelrod (1997) states them, kept
// apart from sim/reference/axelrod.cpp: no stored bond overlaps, absorption found by rescanning every
// bond, one long random stream per run (tick 2^31, far from the model's event ticks) and seeds the
// model never uses. This is the "docking" check of Axtell, Axelrod, Epstein & Cohen (1996): two
// implementations of one model must give the same distribution of outcomes.
int plain_axelrod_regions(int features, int traits, std::uint64_t seed) {
  constexpr int side = 10;
  constexpr int sites = side * side;
  const auto f_count = static_cast<std::size_t>(features);
  RandomStream random(seed, RandomPurpose::reference_axelrod, 1u << 31, 0);
  std::vector<int> culture(sites * f_count);
  for (int& trait : culture) trait = static_cast<int>(random.below(static_cast<std::uint32_t>(traits)));
  auto trait = [&](int site, int f) -> int& { return culture[static_cast<std::size_t>(site) * f_count + static_cast<std::size_t>(f)]; };
  auto overlap = [&](int a, int b) {
    int same = 0;
    for (int f = 0; f < features; ++f) same += trait(a, f) == trait(b, f);
    return same;
  };
  auto neighbours = [](int site) {
    std::vector<int> out;
    const int x = site % side, y = site / side;
    if (x > 0) out.push_back(site - 1);
    if (x + 1 < side) out.push_back(site + 1);
    if (y > 0) out.push_back(site - side);
    if (y + 1 < side) out.push_back(site + side);
    return out;
  };
  auto absorbed = [&] {
    for (int site = 0; site < sites; ++site) {
      for (int other : neighbours(site)) {
        const int k = overlap(site, other);
        if (k > 0 && k < features) return false;
      }
    }
    return true;
  };
  for (std::int64_t event = 0; event % 1000 != 0 || !absorbed(); ++event) {
    const int site = static_cast<int>(random.below(static_cast<std::uint32_t>(sites)));
    const std::vector<int> around = neighbours(site);
    const int other = around[random.below(static_cast<std::uint32_t>(around.size()))];
    const int k = overlap(site, other);
    if (k == 0 || k == features || random.uniform_double() >= static_cast<double>(k) / features) continue;
    std::vector<int> differing;
    for (int f = 0; f < features; ++f) {
      if (trait(site, f) != trait(other, f)) differing.push_back(f);
    }
    const int f = differing[random.below(static_cast<std::uint32_t>(differing.size()))];
    trait(site, f) = trait(other, f);
  }
  // Regions: flood fill through von Neumann neighbours of identical culture.
  std::vector<int> region(sites, -1);
  int regions = 0;
  for (int start = 0; start < sites; ++start) {
    if (region[static_cast<std::size_t>(start)] >= 0) continue;
    std::vector<int> stack{start};
    region[static_cast<std::size_t>(start)] = regions;
    while (!stack.empty()) {
      const int site = stack.back();
      stack.pop_back();
      for (int other : neighbours(site)) {
        if (region[static_cast<std::size_t>(other)] < 0 && overlap(site, other) == features) {
          region[static_cast<std::size_t>(other)] = regions;
          stack.push_back(other);
        }
      }
    }
    ++regions;
  }
  return regions;
}

// Axelrod's table gives 3.2 here; the rules as published give about 4.2 in both implementations
// (docs/reference-models.md records the variants tried and why the published figure is not a
// usable target), so the check is that the model agrees with the independent implementation. The
// bound is 3 standard errors of the difference of two 500-run means (about 0.55 regions): a gap
// like that between 4.2 and 3.2, or the 2.3 of the copy-any-feature variant, fails it.
TEST(AxelrodValidation, FiveFeaturesTenTraitsAgreeWithAnIndependentImplementation) {
  constexpr int runs = 500;
  const MeanAndError model = axelrod_regions(5, 10, runs);
  const MeanAndError plain = over_seeds(
      runs, [](std::uint64_t seed) { return static_cast<double>(plain_axelrod_regions(5, 10, 1'000'000 + seed)); });
  std::printf("Plain implementation, F = 5, q = 10: mean stable regions %.3f (SE %.3f, %d runs)\n", plain.mean,
              plain.standard_error, runs);
  const double difference_error = std::hypot(model.standard_error, plain.standard_error);
  EXPECT_LE(std::abs(model.mean - plain.mean), 3.0 * difference_error);
}

TEST(AxelrodValidation, FifteenTraitsGiveAbout20Regions) {
  const MeanAndError result = axelrod_regions(5, 15, 200);
  EXPECT_LE(std::abs(result.mean - 20.0), 3.0 * result.standard_error);
}

TEST(AxelrodValidation, MoreFeaturesOrFewerTraitsConverge) {
  // Axelrod's table: 1.0 regions for F = 10, q = 10 and for F = 5, q = 5; both well below F = 5, q = 10.
  const MeanAndError ten_features = axelrod_regions(10, 10, 100);
  const MeanAndError five_traits = axelrod_regions(5, 5, 100);
  const MeanAndError baseline = axelrod_regions(5, 10, 100);
  EXPECT_LT(ten_features.mean, 1.2);
  EXPECT_LT(five_traits.mean, 1.2);
  EXPECT_GT(baseline.mean - 3.0 * baseline.standard_error, 1.2);
}

}  // namespace
}  // namespace convivia
