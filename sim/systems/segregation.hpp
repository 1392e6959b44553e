// Segregation indices of residents over spatial units (cells, districts): a pure function of a
// unit-by-group count matrix, used by the monthly metrics and by the segregation command.
//
// Notation: x_ug residents of group g in unit u, t_u = sum_g x_ug, X_g = sum_u x_ug, T = sum_g X_g,
// p_ug = x_ug / t_u, P_g = X_g / T. Units with t_u = 0 are ignored.
//   dissimilarity[g]          D_g = 0.5 * sum_u | x_ug / X_g - (t_u - x_ug) / (T - X_g) |   (g against the rest)
//   multigroup_dissimilarity  D   = sum_u sum_g t_u |p_ug - P_g| / (2 T I),  I = sum_g P_g (1 - P_g)
//   theil_h                   H   = sum_u t_u (E - E_u) / (T E),  E = sum_g P_g ln(1 / P_g),
//                                   E_u = sum_g p_ug ln(1 / p_ug), with 0 ln(1/0) = 0
//   isolation[g]              sum_u (x_ug / X_g) (x_ug / t_u)
//   exposure[g * G + h]       sum_u (x_ug / X_g) (x_uh / t_u); exposure[g * G + g] equals isolation[g]
// Every index is in [0, 1]. Degenerate cases give 0, never NaN: no residents at all, a group with no
// residents (its D_g, isolation and exposure rows are 0), a group holding everyone (D_g = 0, as
// there is no rest), a single group or only one populated group (D = H = 0).
// Sums run over units in index order, then groups in index order, so results do not depend on
// anything but the input.
#pragma once

#include "systems/indicators.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace convivia {

// counts is unit-major: counts[unit * group_count + group], with unit_count * group_count entries.
SegregationIndices compute_segregation(std::span<const std::int64_t> counts, std::size_t unit_count,
                                       std::size_t group_count);

// Two-group dissimilarity of every pair of groups, each pair restricted to its own two columns:
//   pairwise[g * G + h]  D_gh = 0.5 * sum_u | x_ug / X_g - x_uh / X_h |
// the share of either group that would have to move to another unit for both to be spread alike.
// Symmetric, 0 on the diagonal, 0 if either group has no residents; for two groups it equals
// dissimilarity[0] of compute_segregation. Same layout of counts as compute_segregation.
std::vector<double> pairwise_dissimilarity(std::span<const std::int64_t> counts, std::size_t unit_count,
                                           std::size_t group_count);

}  // namespace convivia
