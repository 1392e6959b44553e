// First-order and total Sobol' indices from a Saltelli design (Saltelli et al. 2010): per base row
// j the outcome at A_j, at B_j and at each AB_j^i (A_j with column i from B_j). First order by
// Saltelli 2010 (their eq. (b) of table 2), S_i = mean(f(B) (f(AB^i) - f(A))) / V; total by Jansen
// (1999), ST_i = mean((f(A) - f(AB^i))^2) / (2 V); V is the variance of f(A) and f(B) together, as
// in SALib. 95% intervals are percentiles of a bootstrap over the base rows, with draws keyed by a
// fixed seed, so the same data always give the same intervals.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace convivia::sweep {

struct SobolSample {
  std::vector<double> a;                // f(A_j), one per base row
  std::vector<double> b;                // f(B_j)
  std::vector<std::vector<double>> ab;  // [factor][row] f(AB_j^i)
};

struct SobolIndex {
  double first = 0.0, first_low = 0.0, first_high = 0.0;
  double total = 0.0, total_low = 0.0, total_high = 0.0;
};

// Indices for every factor of the sample; rows whose outcome is NaN anywhere are left out. Needs at
// least two complete rows and a non-zero variance (else every value is NaN).
std::vector<SobolIndex> sobol_indices(const SobolSample& sample, int bootstrap_samples = 1000,
                                      std::uint64_t bootstrap_seed = 20100101);

}  // namespace convivia::sweep
