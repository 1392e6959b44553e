// Sobol' indices of every scalar outcome of a collected saltelli sweep: the outcome of each design
// point is the mean over its done replicates, arranged by base row into A, B and AB^i
// (sobol_indices.hpp), one row per outcome and factor.
#pragma once

#include "analysis/collected_sweep.hpp"
#include "analysis/sobol_indices.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct SobolRow {
  std::string outcome;
  std::string factor;
  int rows_used = 0;  // base rows with every point done
  SobolIndex index;
};

// Needs a saltelli sweep (sweep.design == "saltelli"); throws InputError otherwise.
std::vector<SobolRow> sobol_table(const CollectedSweep& sweep);

// The outcome at A, B and AB^i by base row, for one outcome (exposed for the tests).
SobolSample saltelli_sample(const CollectedSweep& sweep, const CollectedOutcome& outcome);

}  // namespace convivia::sweep
