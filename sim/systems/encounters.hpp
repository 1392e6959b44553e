// Encounters (docs/model.md 7.2). In each open venue the residents present meet in `rounds` rounds of
// random pairing (a shuffle, then consecutive pairs). A pair engages only if both accept; acceptance
// falls as trust toward the other's group falls. For an intergroup pair each side may discriminate
// against the other (probability rising with its distrust, scaled by the discrimination lever); the
// target records a discrimination event and a negative contact. Otherwise the contact is positive
// with a logistic probability rising with the venue's cooperation, a shared language and cultural
// overlap, and negative otherwise (mediation can defuse it). Trust moves by a_pos * (1 - t) up or
// a_neg * t down (negativity bias: a_neg > a_pos); a share of each positive change generalises,
// spread evenly over the other out-groups (secondary transfer). Positive contacts may form or strengthen a tie. With a
// probability equal to cultural overlap one side adopts a differing trait of the other (Axelrod).
// In-group encounters reinforce in-group trust and exchange culture. A negative contact may escalate
// into a conflict, more likely the lower the pair's mutual trust. A resident below the language
// threshold who meets a speaker gains proficiency.
//
// Determinism: each venue is handled by one task with its own random stream keyed by
// (seed, encounter, tick, venue); a resident is at one venue per slot, so no two tasks touch the same
// resident. Tallies are integers, so their sum does not depend on the order tasks finish.
#pragma once

#include "systems/step_context.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <vector>

namespace convivia {

class VenueBuckets;

struct EncounterTally {
  std::int64_t encounters = 0;  // engaged pairs
  std::int64_t intergroup = 0;
  std::int64_t positive = 0;    // intergroup positive contacts (pairs)
  std::int64_t negative = 0;    // intergroup negative contacts (pairs), discrimination included
  std::int64_t discrimination = 0;
  std::int64_t conflicts = 0;   // negative intergroup contacts that escalated into an open conflict
  std::int64_t avoided = 0;     // pairs where one side declined
  std::vector<std::int64_t> positive_by_group;        // contacts counted per participant's group
  std::vector<std::int64_t> negative_by_group;
  std::vector<std::int64_t> discrimination_by_group;  // per target group

  void reset(int group_count);
  void add(const EncounterTally& other);
};

// One resident present at a venue, as the venue's task sees it during the slot.
struct Participant {
  std::uint32_t id;
  std::uint8_t group;
  bool speaks;                        // language proficiency at or above the threshold
  std::uint32_t positive_contacts;    // intergroup contacts of this slot, added to the resident's counters after
  std::uint32_t negative_contacts;
  float* trust;                       // the resident's trust row
  std::uint8_t* culture;              // the resident's traits
};

class EncounterSystem {
 public:
  // Runs every open venue's encounters for the slot and adds the slot's tallies to `day_tally`.
  void run(const StepContext& context, const VenueBuckets& buckets, EncounterTally& day_tally);

 private:
  struct TaskState {
    EncounterTally tally;
    std::vector<Participant> participants;  // scratch, reused across venues and slots
    std::vector<std::uint32_t> order;
  };
  tbb::enumerable_thread_specific<TaskState> task_states_;
};

}  // namespace convivia
