// Morris (1991) elementary effects of a collected morris sweep, with the statistics of Campolongo
// et al. (2007): per factor the mean mu, the mean of absolute values mu* and the standard deviation
// sigma (divisor r - 1) of its effects. An effect is the change of the outcome (the mean over a
// point's done replicates) from one step of a trajectory to the next, divided by the change of the
// moved factor's unit coordinate (/unit/<factor>), so effects are per full range of the factor.
// Steps with a missing outcome at either end are left out.
#pragma once

#include "analysis/collected_sweep.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct MorrisRow {
  std::string outcome;
  std::string factor;
  int effects = 0;  // elementary effects used
  double mu = 0.0, mu_star = 0.0, sigma = 0.0;
};

// Needs a morris sweep (sweep.design == "morris"); throws InputError otherwise.
std::vector<MorrisRow> morris_table(const CollectedSweep& sweep);

}  // namespace convivia::sweep
