// Small math functions for the hot loops. They are our own (not libm) for two reasons: speed, and
// results that are the same on every platform, since libm implementations of exp differ in the
// last bits between vendors and versions. fast_exp has a relative error below 5e-6 on [-30, 30],
// ample for choice probabilities.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace convivia {

inline float fast_exp(float x) {
  x = std::clamp(x, -80.0f, 80.0f);
  const float t = x * 1.4426950409f;  // log2(e)
  // floor by truncation: std::floor is a library call on baseline x86-64 (no SSE4.1 round).
  auto exponent = static_cast<std::int32_t>(t);
  if (static_cast<float>(exponent) > t) --exponent;
  const float f = t - static_cast<float>(exponent);  // in [0, 1)
  // 2^f by its Taylor series in f * ln 2, to the 7th power.
  const float p =
      1.0f + f * (0.69314718f + f * (0.24022651f + f * (0.05550411f + f * (0.00961813f + f * (0.00133336f + f * (0.00015404f + f * 0.00001525f))))));
  return p * std::bit_cast<float>(static_cast<std::uint32_t>(exponent + 127) << 23);
}

inline float logistic(float x) { return 1.0f / (1.0f + fast_exp(-x)); }

}  // namespace convivia
