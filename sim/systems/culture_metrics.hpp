// Cultural diversity (docs/model.md section 8): how many distinct cultures (Axelrod trait vectors) the
// residents hold, and how much cultures overlap within and between groups. Overlap between groups a
// and b is the expected share of features on which a random member of a and a random member of b
// hold the same trait: (1/F) sum_f sum_t p_a(f,t) p_b(f,t), with p_g(f,t) the share of g's members
// holding trait t on feature f. It is exact (no sampling) and costs one pass over the residents.
#pragma once

#include "world/population.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

struct CultureIndicators {
  std::int64_t distinct_cultures = 0;
  std::vector<double> overlap;          // group_count x group_count, row-major
  double mean_within_group_overlap = 0; // over groups, weighted by residents
  double mean_between_group_overlap = 0;// over ordered pairs of different groups, weighted by n_a * n_b
};

CultureIndicators compute_culture_indicators(const Population& residents, int traits);

}  // namespace convivia
