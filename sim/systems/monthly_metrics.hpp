// Monthly district and segregation indicators (DESIGN.md section 6): residents by group per cell and
// per district, segregation indices for the whole city over cells and over districts, and per
// district over its own cells, plus each district's trust figures. Sums over residents use fixed
// blocks combined in order (deterministic for any thread count).
#pragma once

#include "systems/indicators.hpp"
#include "world/world.hpp"

#include <vector>

namespace convivia {

class MonthlyMetrics {
 public:
  void compute(const World& world, const std::vector<double>& group_weights, const std::vector<float>& outgroup_trust,
               float diversity_threshold, int day, MonthlyIndicators& out);

 private:
  std::vector<std::int64_t> cell_counts_;  // [cell][group]
  struct BlockSums {
    std::vector<double> outgroup, generalised;  // per district
    std::vector<std::int64_t> diverse;          // per district
  };
  std::vector<BlockSums> blocks_;
};

}  // namespace convivia
