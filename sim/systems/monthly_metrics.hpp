// Monthly district and segregation indicators (docs/model.md section 8): residents by group per cell and
// per district, segregation indices for the whole city over cells, over districts and of pupils
// over schools, and per
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
  // Segregation of pupils over schools (the units are schools, not places).
  SegregationIndices school_segregation(const World& world);

  std::vector<std::int64_t> cell_counts_;  // [cell][group]
  static constexpr std::uint32_t no_school = 0xffffffffu;
  std::vector<std::uint32_t> school_index_;  // by venue: index among schools, or no_school
  std::size_t school_count_ = 0;
  std::vector<std::int64_t> school_counts_;  // [school][group]: pupils
  struct BlockSums {
    std::vector<double> outgroup, generalised;  // per district
    std::vector<std::int64_t> diverse, discriminated;  // per district
  };
  std::vector<BlockSums> blocks_;
};

}  // namespace convivia
