// Counter-based random numbers for sweep planning: run seeds, Latin hypercube permutations and
// Morris trajectories. Each draw is Philox4x32-10 keyed by the master seed at a counter naming what
// the draw is for, so a plan is a pure function of the sweep file, whatever order it is built in.
// The tags are part of the plan contract: changing one changes every seed or design of that kind.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace convivia::sweep {

enum class PlanDraw : std::uint32_t {
  run_seed = 0x53454544,        // "SEED": (seed point, replicate)
  latin_hypercube = 0x4c485321,  // "LHS!": (factor, point)
  morris = 0x4d4f5252,          // "MORR": (trajectory, factor)
  sobol_bootstrap = 0x424f4f54,  // "BOOT": (bootstrap sample, draw); analysis, not the plan
};

inline std::array<std::uint32_t, 4> plan_draw(std::uint64_t master_seed, PlanDraw what, std::uint32_t a, std::uint32_t b,
                                               std::uint32_t c = 0) {
  r123::Philox4x32 philox;
  const r123::Philox4x32::key_type key = {{static_cast<std::uint32_t>(master_seed), static_cast<std::uint32_t>(master_seed >> 32)}};
  const r123::Philox4x32::ctr_type counter = {{static_cast<std::uint32_t>(what), a, b, c}};
  const auto out = philox(counter, key);
  return {out.v[0], out.v[1], out.v[2], out.v[3]};
}

// Uniform in [0, 1) with 53 bits from the first two words of a draw.
inline double plan_uniform(const std::array<std::uint32_t, 4>& words) {
  const std::uint64_t bits = (static_cast<std::uint64_t>(words[0]) << 21) | (words[1] >> 11);
  return static_cast<double>(bits) * 0x1.0p-53;
}

// Uniform integer in [0, n) from the third word (multiply-shift; bias below n / 2^32).
inline std::uint32_t plan_below(const std::array<std::uint32_t, 4>& words, std::uint32_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(words[2]) * n) >> 32);
}

// The seed of one run: what `convivia run --seed` receives (a non-negative 63-bit integer).
inline std::uint64_t run_seed(std::uint64_t master_seed, std::uint32_t seed_point, std::uint32_t replicate) {
  const auto words = plan_draw(master_seed, PlanDraw::run_seed, seed_point, replicate);
  return ((static_cast<std::uint64_t>(words[1]) << 32) | words[0]) & 0x7fffffffffffffffULL;
}

}  // namespace convivia::sweep
