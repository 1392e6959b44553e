// Scheduled events (docs/model.md 7.7): media news about a group on a given day, from the scenario's
// [[events]]. At the start of its day a negative media event lowers every other-group resident's
// trust toward the group:
//   trust -= strength * (1 - event_damping) * (1 - tie_protection if the resident has a tie to a
//            member of the group) * trust;
// a positive one raises it: trust += strength * (1 - trust). Weekly (days 7, 14, ...), the
// prejudice_decay lever lets trust toward groups already targeted by negative news recover toward the
// initial out-group trust: trust += prejudice_decay * (initial - trust) where trust is below it; at
// the neutral 0 nothing happens. Each resident changes only its own trust, so the parallel loops
// give the same result for any thread count; no random draws are needed.
#pragma once

#include "policy/lever_map.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace convivia {

// One media event about `group` applied to every resident outside it; damping_of(i) is the share
// of a negative event's effect removed for resident i (the anti-rumour lever where i lives).
void apply_media_event(Population& residents, EventKind kind, std::uint8_t group, float strength,
                       const std::function<float(std::size_t)>& damping_of, float tie_protection);
// The same with one damping for everyone.
void apply_media_event(Population& residents, EventKind kind, std::uint8_t group, float strength, float damping,
                       float tie_protection);

class EventSystem {
 public:
  // Today's events in the order the scenario lists them, then the weekly recovery step.
  void run(const ScenarioConfig& config, World& world, const LeverMap& levers, int day);

 private:
  void resolve_groups(const ScenarioConfig& config, const World& world);

  bool resolved_ = false;
  std::vector<std::uint8_t> event_group_;  // group id of each configured event
};

}  // namespace convivia
