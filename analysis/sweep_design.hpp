// Designs in the unit hypercube: one row of coordinates in [0, 1] per design point and factor.
// - full_factorial: every combination of the factors' levels, the first factor varying slowest.
// - latin_hypercube: `points` rows; each factor's range is cut into `points` equal strata and each
//   stratum holds exactly one row (random permutation, random position inside the stratum).
// - sobol: the first `points` points of the Sobol' sequence (Boost.Random's sobol engine, Joe-Kuo
//   direction numbers), the origin included (dropping it breaks the balance of the first 2^m points).
// - morris: `trajectories` one-at-a-time trajectories of k + 1 points on a grid of `levels` levels
//   (Morris 1991): a random start, then each factor in random order moves once by
//   delta = levels / (2 (levels - 1)), up or down.
// - saltelli: N = base_points rows of a 2k-dimensional Sobol' sequence give matrices A (first k
//   columns) and B (last k); per row j the points are A_j, AB_j^1 .. AB_j^k (A_j with column i
//   from B_j), B_j: N (k + 2) points, the order SALib uses, from which first-order and total Sobol'
//   indices follow (Saltelli et al. 2010). The rows start at point 2^m >= N of the sequence, as in
//   SALib: its first points have A_j = B_j.
// Random choices come from sweep_random.hpp keyed by the master seed.
#pragma once

#include "analysis/sweep_file.hpp"

#include <vector>

namespace convivia::sweep {

// What the design records besides the coordinates, for the analysis of Morris and Saltelli designs.
enum class SaltelliMatrix : int { none = -1, a = 0, ab = 1, b = 2 };

struct Design {
  std::vector<std::vector<double>> unit;   // [point][factor]
  std::vector<std::vector<int>> level;     // full factorial: [point][factor] level; empty otherwise
  std::vector<int> morris_trajectory;      // morris: trajectory of each point
  std::vector<int> morris_step;            // morris: 0 .. k within the trajectory
  std::vector<int> morris_factor;          // morris: factor moved to reach the point, -1 at step 0
  std::vector<int> saltelli_row;           // saltelli: base row j
  std::vector<SaltelliMatrix> saltelli_matrix;
  std::vector<int> saltelli_factor;        // saltelli: i of AB^i, -1 for A and B

  std::size_t size() const { return unit.size(); }
};

Design make_design(const SweepFile& sweep);

const char* saltelli_matrix_name(SaltelliMatrix matrix);

}  // namespace convivia::sweep
