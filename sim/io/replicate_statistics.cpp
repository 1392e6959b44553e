// Replicate means and intervals (see replicate_statistics.hpp). Sums run in the given order, so the
// figures do not depend on anything but the inputs.
#include "io/replicate_statistics.hpp"

#include "core/assert.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace convivia {
namespace {

double mean_of(std::span<const double> values) {
  double sum = 0.0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

// Sample variance (n - 1 in the denominator).
double variance_of(std::span<const double> values, double mean) {
  double sum = 0.0;
  for (const double v : values) sum += (v - mean) * (v - mean);
  return sum / static_cast<double>(values.size() - 1);
}

MeanInterval interval(double mean, double standard_error, double degrees_of_freedom) {
  // Samples spread beyond about 1e154 overflow the Welch-Satterthwaite degrees of freedom to NaN,
  // which Boost's t quantile refuses with std::domain_error: such a difference has no interval.
  if (!std::isfinite(degrees_of_freedom) || degrees_of_freedom <= 0.0) {
    const double none = std::nan("");
    return {mean, none, none, degrees_of_freedom};
  }
  const double half_width = t_quantile_975(degrees_of_freedom) * standard_error;
  return {mean, mean - half_width, mean + half_width, degrees_of_freedom};
}

}  // namespace

double t_quantile_975(double degrees_of_freedom) {
  return boost::math::quantile(boost::math::students_t_distribution<double>(degrees_of_freedom), 0.975);
}

MeanInterval mean_interval(std::span<const double> values) {
  CONVIVIA_CHECK(values.size() >= 2, "an interval needs two or more values");
  const double n = static_cast<double>(values.size());
  const double mean = mean_of(values);
  return interval(mean, std::sqrt(variance_of(values, mean) / n), n - 1.0);
}

MeanInterval paired_difference_interval(std::span<const double> baseline, std::span<const double> other) {
  CONVIVIA_CHECK(baseline.size() == other.size(), "paired samples differ in size");
  std::vector<double> differences(other.size());
  for (std::size_t i = 0; i < other.size(); ++i) differences[i] = other[i] - baseline[i];
  return mean_interval(differences);
}

MeanInterval welch_difference_interval(std::span<const double> baseline, std::span<const double> other) {
  CONVIVIA_CHECK(baseline.size() >= 2 && other.size() >= 2, "an interval needs two or more values per sample");
  const double n_a = static_cast<double>(baseline.size());
  const double n_b = static_cast<double>(other.size());
  const double mean_a = mean_of(baseline);
  const double mean_b = mean_of(other);
  const double term_a = variance_of(baseline, mean_a) / n_a;
  const double term_b = variance_of(other, mean_b) / n_b;
  const double standard_error = std::sqrt(term_a + term_b);
  // Welch-Satterthwaite; with both variances zero the interval has width zero whatever the degrees.
  const double denominator = term_a * term_a / (n_a - 1.0) + term_b * term_b / (n_b - 1.0);
  const double degrees_of_freedom = denominator > 0.0 ? (term_a + term_b) * (term_a + term_b) / denominator : n_a + n_b - 2.0;
  return interval(mean_b - mean_a, standard_error, degrees_of_freedom);
}

MeanInterval share_change_per_million_eur(const MeanInterval& share_change, double annual_cost_difference_eur) {
  if (annual_cost_difference_eur == 0.0) {
    const double none = std::nan("");
    return {none, none, none, share_change.degrees_of_freedom};
  }
  const double scale = 100.0 / (annual_cost_difference_eur / 1e6);  // share -> points, euros -> millions
  const double a = share_change.low * scale;
  const double b = share_change.high * scale;
  return {share_change.mean * scale, std::min(a, b), std::max(a, b), share_change.degrees_of_freedom};
}

}  // namespace convivia
