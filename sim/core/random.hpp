// Counter-based random numbers. Every draw is a pure function of (seed, purpose, tick, entity, draw),
// computed with Random123's Philox4x32-10, so results never depend on thread count, scheduling or the
// order in which entities are processed. A RandomStream walks the draw index of one
// (purpose, tick, entity) triple and hands out the four 32-bit words of each Philox call in turn.
// Distributions are our own small functions: standard library distributions differ between vendors.
#pragma once

#include <Random123/philox.h>
#include <cmath>

#include <cstdint>

namespace convivia {

// What a draw is for. Values are part of the output contract: changing one changes every result.
enum class RandomPurpose : std::uint32_t {
  city_generation = 1,
  population = 2,
  venue_placement = 3,
  assignment = 4,
  activity = 5,
  encounter = 6,
  sampling = 7,
  culture_init = 8,
  relocation = 9,
  labour = 10,
  services = 11,
  arrivals = 12,
  departures = 13,
  ageing = 14,
  participation = 15,
  events = 16,
  reference_schelling = 17,
  reference_axelrod = 18,
  friend_meetings = 19,
  school_choice = 20,
};

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, RandomPurpose purpose, std::uint32_t tick, std::uint32_t entity)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{static_cast<std::uint32_t>(purpose), tick, entity, 0}} {}

  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  // Uniform in [0, 1) with 24 bits of resolution (enough for probabilities of model events).
  float uniform() { return static_cast<float>(next_u32() >> 8) * 0x1.0p-24f; }

  // Uniform in [0, 1) with 53 bits.
  double uniform_double() {
    const std::uint64_t hi = next_u32() >> 5;
    const std::uint64_t lo = next_u32() >> 6;
    return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
  }

  // Uniform in [0, 1) with 16 bits of resolution, two per 32-bit word: for the many yes/no
  // decisions of the encounter loop, where a Philox call per four decisions would dominate the cost.
  // Probabilities below 2^-16 (about 1.5e-5) act as 0.
  float chance() {
    if (half_pending_) {
      half_pending_ = false;
      return static_cast<float>(half_word_ >> 16) * 0x1.0p-16f;
    }
    half_word_ = next_u32();
    half_pending_ = true;
    return static_cast<float>(half_word_ & 0xffffu) * 0x1.0p-16f;
  }

  // Standard normal by the Box-Muller transform (two uniforms per draw; the second value is dropped
  // so that the number of words a draw uses is fixed).
  float normal() {
    const double u1 = 1.0 - uniform_double();  // in (0, 1], so the logarithm is finite
    const double u2 = uniform_double();
    return static_cast<float>(std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
  }

  // Uniform integer in [0, n) by multiply-shift (Lemire); bias at most n / 2^32, negligible for n << 2^32.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

 private:
  void refill() {
    r123::Philox4x32 philox;
    block_ = philox(counter_, key_);
    counter_.v[3] += 1;
    used_ = 0;
  }

  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type counter_;
  r123::Philox4x32::ctr_type block_{};
  unsigned used_ = 4;
  std::uint32_t half_word_ = 0;
  bool half_pending_ = false;
};

}  // namespace convivia
