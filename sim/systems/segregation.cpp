// Segregation indices (formulas in the header). Straight sums in unit order; counts become doubles
// only for the ratios, so totals are exact.
#include "systems/segregation.hpp"

#include "core/assert.hpp"

#include <cmath>
#include <vector>

namespace convivia {
namespace {

// p ln(1/p), with the limit 0 at p = 0.
double entropy_term(double p) { return p > 0.0 ? -p * std::log(p) : 0.0; }

}  // namespace

SegregationIndices compute_segregation(std::span<const std::int64_t> counts, std::size_t unit_count,
                                       std::size_t group_count) {
  CONVIVIA_CHECK(counts.size() == unit_count * group_count, "counts must have unit_count * group_count entries");
  const std::size_t G = group_count;

  SegregationIndices result;
  result.dissimilarity.assign(G, 0.0);
  result.isolation.assign(G, 0.0);
  result.exposure.assign(G * G, 0.0);

  std::vector<std::int64_t> group_total(G, 0);
  std::int64_t total = 0;
  for (std::size_t u = 0; u < unit_count; ++u) {
    for (std::size_t g = 0; g < G; ++g) {
      const std::int64_t x = counts[u * G + g];
      CONVIVIA_CHECK(x >= 0, "resident counts must be non-negative");
      group_total[g] += x;
      total += x;
    }
  }
  if (total == 0) return result;

  const double T = static_cast<double>(total);
  std::vector<double> P(G);
  double interaction = 0.0;  // I
  double entropy = 0.0;      // E
  for (std::size_t g = 0; g < G; ++g) {
    P[g] = static_cast<double>(group_total[g]) / T;
    interaction += P[g] * (1.0 - P[g]);
    entropy += entropy_term(P[g]);
  }

  double multigroup_sum = 0.0;
  double theil_sum = 0.0;
  for (std::size_t u = 0; u < unit_count; ++u) {
    const std::int64_t* x = counts.data() + u * G;
    std::int64_t unit_total = 0;
    for (std::size_t g = 0; g < G; ++g) unit_total += x[g];
    if (unit_total == 0) continue;
    const double t = static_cast<double>(unit_total);

    double unit_entropy = 0.0;
    for (std::size_t g = 0; g < G; ++g) {
      const double xg = static_cast<double>(x[g]);
      const double p = xg / t;
      multigroup_sum += t * std::abs(p - P[g]);
      unit_entropy += entropy_term(p);
      if (group_total[g] == 0) continue;
      const double Xg = static_cast<double>(group_total[g]);
      if (group_total[g] < total) {
        result.dissimilarity[g] += std::abs(xg / Xg - (t - xg) / (T - Xg));
      }
      for (std::size_t h = 0; h < G; ++h) {
        result.exposure[g * G + h] += (xg / Xg) * (static_cast<double>(x[h]) / t);
      }
    }
    theil_sum += t * (entropy - unit_entropy);
  }

  for (std::size_t g = 0; g < G; ++g) {
    result.dissimilarity[g] *= 0.5;
    result.isolation[g] = result.exposure[g * G + g];
  }
  // I and E are 0 exactly when at most one group has residents; then there is nothing to segregate.
  if (interaction > 0.0) result.multigroup_dissimilarity = multigroup_sum / (2.0 * T * interaction);
  if (entropy > 0.0) result.theil_h = theil_sum / (T * entropy);
  return result;
}

std::vector<double> pairwise_dissimilarity(std::span<const std::int64_t> counts, std::size_t unit_count,
                                           std::size_t group_count) {
  CONVIVIA_CHECK(counts.size() == unit_count * group_count, "counts must have unit_count * group_count entries");
  const std::size_t G = group_count;
  std::vector<std::int64_t> group_total(G, 0);
  for (std::size_t u = 0; u < unit_count; ++u) {
    for (std::size_t g = 0; g < G; ++g) {
      CONVIVIA_CHECK(counts[u * G + g] >= 0, "resident counts must be non-negative");
      group_total[g] += counts[u * G + g];
    }
  }
  std::vector<double> result(G * G, 0.0);
  for (std::size_t u = 0; u < unit_count; ++u) {
    const std::int64_t* x = counts.data() + u * G;
    for (std::size_t g = 0; g < G; ++g) {
      if (group_total[g] == 0) continue;
      const double share_g = static_cast<double>(x[g]) / static_cast<double>(group_total[g]);
      for (std::size_t h = g + 1; h < G; ++h) {
        if (group_total[h] == 0) continue;
        result[g * G + h] += std::abs(share_g - static_cast<double>(x[h]) / static_cast<double>(group_total[h]));
      }
    }
  }
  for (std::size_t g = 0; g < G; ++g) {
    for (std::size_t h = g + 1; h < G; ++h) {
      result[g * G + h] *= 0.5;
      result[h * G + g] = result[g * G + h];
    }
  }
  return result;
}

}  // namespace convivia
