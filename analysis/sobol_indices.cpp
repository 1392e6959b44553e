// Sobol' indices with bootstrap intervals (see sobol_indices.hpp). Sums run over rows in order, so
// the result does not depend on anything but the data and the bootstrap seed.
#include "analysis/sobol_indices.hpp"

#include "analysis/sweep_random.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace convivia::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// S1 and ST of one factor over the rows listed (rows may repeat, as in a bootstrap sample).
struct Point {
  double first, total;
};

double variance_of_a_and_b(const SobolSample& s, std::span<const std::size_t> rows) {
  double sum = 0.0;
  for (std::size_t r : rows) sum += s.a[r] + s.b[r];
  const double count = 2.0 * static_cast<double>(rows.size());
  const double mean = sum / count;
  double squares = 0.0;
  for (std::size_t r : rows) squares += (s.a[r] - mean) * (s.a[r] - mean) + (s.b[r] - mean) * (s.b[r] - mean);
  return squares / count;
}

Point estimate(const SobolSample& s, std::size_t factor, std::span<const std::size_t> rows, double variance) {
  double first = 0.0, total = 0.0;
  for (std::size_t r : rows) {
    const double ab = s.ab[factor][r];
    first += s.b[r] * (ab - s.a[r]);
    total += (s.a[r] - ab) * (s.a[r] - ab);
  }
  const double n = static_cast<double>(rows.size());
  return {first / n / variance, total / (2.0 * n) / variance};
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double position = p * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

}  // namespace

std::vector<SobolIndex> sobol_indices(const SobolSample& sample, int bootstrap_samples, std::uint64_t bootstrap_seed) {
  const std::size_t factor_count = sample.ab.size();
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < sample.a.size(); ++r) {
    bool complete = std::isfinite(sample.a[r]) && std::isfinite(sample.b[r]);
    for (const auto& column : sample.ab) complete = complete && std::isfinite(column[r]);
    if (complete) rows.push_back(r);
  }
  std::vector<SobolIndex> result(factor_count, SobolIndex{nan, nan, nan, nan, nan, nan});
  const double variance = rows.size() >= 2 ? variance_of_a_and_b(sample, rows) : 0.0;
  if (!(variance > 0.0)) return result;

  std::vector<std::vector<double>> first_draws(factor_count), total_draws(factor_count);
  std::vector<std::size_t> resampled(rows.size());
  for (int b = 0; b < bootstrap_samples; ++b) {
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const auto words = plan_draw(bootstrap_seed, PlanDraw::sobol_bootstrap, static_cast<std::uint32_t>(b),
                                   static_cast<std::uint32_t>(k));
      resampled[k] = rows[plan_below(words, static_cast<std::uint32_t>(rows.size()))];
    }
    const double v = variance_of_a_and_b(sample, resampled);
    if (!(v > 0.0)) continue;
    for (std::size_t i = 0; i < factor_count; ++i) {
      const Point p = estimate(sample, i, resampled, v);
      first_draws[i].push_back(p.first);
      total_draws[i].push_back(p.total);
    }
  }
  for (std::size_t i = 0; i < factor_count; ++i) {
    const Point p = estimate(sample, i, rows, variance);
    result[i].first = p.first;
    result[i].total = p.total;
    if (!first_draws[i].empty()) {
      result[i].first_low = percentile(first_draws[i], 0.025);
      result[i].first_high = percentile(first_draws[i], 0.975);
      result[i].total_low = percentile(total_draws[i], 0.025);
      result[i].total_high = percentile(total_draws[i], 0.975);
    }
  }
  return result;
}

}  // namespace convivia::sweep
