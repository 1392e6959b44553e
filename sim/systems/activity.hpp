// Activity choice (docs/model.md 7.1): every resident gets one venue for the slot. Children go to school
// and employed adults to work on days their venue is open; in leisure slots (and in the daytime for
// those without school or work, with daytime_leisure_share) a resident stays home or picks among the
// leisure candidates of its home cell by a logit on attractiveness, distance and comfort, where
// comfort is the own-group share last seen at the venue weighted by the resident's prejudice
// (1 - mean out-group trust). The evening slot is the home block. Staying home means the home block.
#pragma once

#include "systems/step_context.hpp"

#include <vector>

namespace convivia {

class ParticipationSystem;

struct ActivityInputs {
  const std::vector<float>& outgroup_trust;     // per resident, refreshed at the start of the day
  const std::vector<float>& venue_group_share;  // [venue][group]: share of the group seen there last time
  // Civic forums: in a leisure slot with forums open, residents it sends to a forum go there instead
  // of choosing leisure (systems/participation.hpp). Prepared for the slot; may be null.
  const ParticipationSystem* participation;
};

class ActivitySystem {
 public:
  void choose(const StepContext& context, const ActivityInputs& inputs, std::vector<std::uint32_t>& venue_of_resident);

 private:
  // Per inhabited cell, the candidates open in this slot and the part of their utility that does
  // not depend on the resident (attractiveness and distance), computed once per slot and cell
  // rather than once per resident.
  void prepare_cell_options(const StepContext& context);
  std::vector<std::uint32_t> option_venue_;  // [cell][k]
  std::vector<float> option_utility_;        // [cell][k]
  std::vector<std::uint8_t> option_count_;   // [cell]
};

// After residents are bucketed: refresh the group mix seen at the open leisure venues this slot.
class VenueBuckets;
void observe_venue_mix(const StepContext& context, const VenueBuckets& buckets, std::vector<float>& venue_group_share);

}  // namespace convivia
