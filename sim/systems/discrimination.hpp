// Recording a discrimination event against a resident, the same way whichever system it happens in
// (encounters, labour market, housing, public services): the event is dated and counted, and the
// target's institutional trust and belonging fall (docs/model.md 7.3).
#pragma once

#include "world/population.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>

namespace convivia {

inline void record_discrimination(Population& residents, std::uint32_t target, int day, const DiscriminationConfig& config) {
  residents.last_discrimination_day[target] = day;
  residents.discrimination_events[target] += 1;
  residents.institutional_trust[target] -= config.institutional_trust_loss * residents.institutional_trust[target];
  residents.belonging[target] -= config.belonging_loss * residents.belonging[target];
}

}  // namespace convivia
