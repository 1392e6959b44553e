// Small math functions for the hot loops. They are our own (not libm) for two reasons: speed, and
// results that are the same on every platform, since libm implementations of exp differ in the
// last bits between vendors and versions. fast_exp has a relative error below 5e-6 on [-30, 30],
// ample for choice probabilities.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// fast_exp of four values at once, bit for bit the same as four calls of fast_exp: the same IEEE
// operations in the same order, lane by lane (SSE2, part of every x86-64; elsewhere four calls).
// GCC does not vectorise the scalar loop itself: it splits the clamped cases into branches first.
inline void fast_exp4(const float* in, float* out) {
#if defined(__SSE2__)
  const __m128 x = _mm_min_ps(_mm_set1_ps(80.0f), _mm_max_ps(_mm_set1_ps(-80.0f), _mm_loadu_ps(in)));
  const __m128 t = _mm_mul_ps(x, _mm_set1_ps(1.4426950409f));
  __m128i exponent = _mm_cvttps_epi32(t);
  // Truncation rounds toward zero; step down where it rounded up (negative t), as fast_exp does.
  exponent = _mm_add_epi32(exponent, _mm_castps_si128(_mm_cmpgt_ps(_mm_cvtepi32_ps(exponent), t)));
  const __m128 f = _mm_sub_ps(t, _mm_cvtepi32_ps(exponent));
  const auto term = [&f](__m128 inner, float coefficient) { return _mm_add_ps(_mm_set1_ps(coefficient), _mm_mul_ps(f, inner)); };
  __m128 p = _mm_set1_ps(0.00001525f);
  p = term(p, 0.00015404f);
  p = term(p, 0.00133336f);
  p = term(p, 0.00961813f);
  p = term(p, 0.05550411f);
  p = term(p, 0.24022651f);
  p = term(p, 0.69314718f);
  p = term(p, 1.0f);
  const __m128 scale = _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(exponent, _mm_set1_epi32(127)), 23));
  _mm_storeu_ps(out, _mm_mul_ps(p, scale));
#else
  for (int k = 0; k < 4; ++k) out[k] = fast_exp(in[k]);
#endif
}

}  // namespace convivia
