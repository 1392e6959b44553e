// A resident slot passing to a new person: when a household leaves the city and another moves into
// its dwelling (systems/arrivals), or when a senior dies and a child is born into the household
// (systems/ageing). The population keeps a fixed size and stable ids, so the slot is reused: the new
// person starts with the attitudes of a resident of its group at the start of the run
// (initialise_resident), no ties, no discrimination record, fresh institutional trust and belonging
// and no contact history. Ties of other residents to a recycled slot belonged to the person who left,
// so clear_ties removes them once all of a step's recycling is done.
#pragma once

#include "core/random.hpp"
#include "world/population.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

class ResidentTurnover {
 public:
  explicit ResidentTurnover(const ScenarioConfig& config);

  // Gives slot i to a new person of `group` (draws from `random`). Age class, employment, school
  // or workplace and arrival month are the caller's to set.
  void recycle(const ScenarioConfig& config, Population& residents, std::uint32_t i, std::uint8_t group, RandomStream& random);
  // Clears every tie that points to a slot recycled since the last call; cheap when there was none.
  void clear_ties(Population& residents);

 private:
  std::vector<std::uint8_t> typical_;         // typical trait per (group, feature)
  std::vector<std::uint8_t> recycled_;        // per resident: recycled since the last clear_ties
  std::vector<std::uint32_t> recycled_ids_;
};

}  // namespace convivia
