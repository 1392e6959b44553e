// Daily indicators (docs/model.md section 8) from the residents' state and the day's encounter tallies.
// Also refreshes each resident's mean out-group trust, which activity choice reads the next day.
// Sums run over fixed blocks of residents combined in block order, so results are bitwise identical
// for any thread count.
#pragma once

#include "systems/encounters.hpp"
#include "systems/indicators.hpp"
#include "world/world.hpp"

#include <vector>

namespace convivia {

// Mean trust toward the groups other than the resident's own (unweighted over groups); 0 in a one-group city.
float mean_outgroup_trust(const Population& residents, std::size_t resident);

// Trust toward a random resident of the city on the 0-10 scale: trust toward each group weighted by
// the group's city-wide share.
double generalised_trust(const Population& residents, std::size_t resident, const std::vector<double>& group_weights);

class DailyMetrics {
 public:
  // group_weights: city-wide group shares, used for generalised trust (trust toward a random resident).
  void compute(const World& world, const std::vector<double>& group_weights, float diversity_threshold, int day,
               const EncounterTally& tally, std::vector<float>& outgroup_trust, DailyIndicators& out);

 private:
  struct BlockSums {
    std::vector<std::int64_t> residents, diverse, cross_tie, discriminated;  // per group
    std::vector<double> outgroup, generalised;                               // per group
    std::vector<std::int64_t> adults, employed_adults;                       // per group
    std::vector<double> institutional_trust, belonging;                      // per group
    std::vector<double> trust;                                               // group x group
    void reset(std::size_t group_count);
  };
  std::vector<BlockSums> blocks_;
};

}  // namespace convivia
