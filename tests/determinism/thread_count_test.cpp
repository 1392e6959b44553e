// Determinism: the same scenario and seed give the same state and indicators for any thread count.
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <cstring>

namespace convivia::testing {
namespace {

struct RunResult {
  std::uint64_t hash = 0;
  std::vector<DailyIndicators> days;
};

RunResult run_with_threads(std::size_t threads, const std::string& text, int days) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  auto simulation = make_simulation(text);
  DailyRecorder recorder;
  run_days(*simulation, recorder, days);
  return {simulation->state_hash(), recorder.days};
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Determinism, SameStateHashFor1To4Threads) {
  const std::string text = two_group_city();
  const RunResult one = run_with_threads(1, text, 20);
  for (std::size_t threads : {2, 4}) {
    const RunResult many = run_with_threads(threads, text, 20);
    EXPECT_EQ(one.hash, many.hash) << threads << " threads";
    ASSERT_EQ(one.days.size(), many.days.size());
    for (std::size_t d = 0; d < one.days.size(); ++d) {
      EXPECT_EQ(one.days[d].encounters, many.days[d].encounters) << "day " << d;
      EXPECT_TRUE(same_bits(one.days[d].mean_outgroup_trust, many.days[d].mean_outgroup_trust)) << "day " << d;
      EXPECT_TRUE(same_bits(one.days[d].generalised_trust, many.days[d].generalised_trust)) << "day " << d;
      for (std::size_t k = 0; k < one.days[d].trust_matrix.size(); ++k)
        EXPECT_TRUE(same_bits(one.days[d].trust_matrix[k], many.days[d].trust_matrix[k])) << "day " << d;
    }
  }
}

TEST(Determinism, SameSeedSameResultDifferentSeedDifferentResult) {
  const std::string text = two_group_city();
  EXPECT_EQ(run_with_threads(2, text, 5).hash, run_with_threads(2, text, 5).hash);
  auto a = make_simulation(text);
  auto b = make_simulation(text, {"run.seed=6"});
  DailyRecorder ra, rb;
  run_days(*a, ra, 3);
  run_days(*b, rb, 3);
  EXPECT_NE(a->state_hash(), b->state_hash());
}

TEST(Determinism, RealCityIsIdenticalFor1And2Threads) {
  const auto run = [](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    auto simulation = make_simulation_from_file("scenarios/default.toml", {"city.scale=0.005"});
    RunObserver none;
    run_days(*simulation, none, 3);
    return simulation->state_hash();
  };
  EXPECT_EQ(run(1), run(2));
}

}  // namespace
}  // namespace convivia::testing
