// Policy kinds as data: for each kind its ICC Index area, a one-line description, and the levers it
// moves with their value at full intensity, each with where that value comes from. Kinds whose
// mechanism has no lever yet are listed as not modelled, with the reason; scenarios may not use them.
// docs/policies.md shows the same table.
#pragma once

#include "policy/policy.hpp"
#include "world/venue_kind.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace convivia {

// The levers of policy/levers.hpp a policy can move.
enum class LeverId : std::uint8_t {
  discrimination_multiplier,
  labour_discrimination_multiplier,
  service_discrimination_multiplier,
  housing_discrimination_multiplier,
  forum_reach_multiplier,
  mediation_share,
  social_housing_mix,
  welcome_tie_probability,
  representation,
  event_damping,
  prejudice_decay,
  cooperation_bonus,
  attractiveness_bonus,
  language_course_intensity,
  extra_rounds_public_venues,
  school_mixing_share,
};

// How the effects of several active policies on one lever combine (docs/policies.md).
enum class LeverCombination : std::uint8_t {
  multiplier,  // lever *= 1 - intensity * (1 - full_value), for each policy
  chance,      // independent chances: 1 - lever becomes (1 - lever) * (1 - intensity * full_value)
  additive,    // lever += intensity * full_value (the reading system clamps)
  rounds,      // the sum of intensity * full_value over policies, rounded, is added to the lever
};

LeverCombination lever_combination(LeverId lever);
// Levers read per venue (cooperation, attractiveness, extra rounds) rather than per resident.
bool lever_acts_on_venues(LeverId lever);
std::string_view lever_name(LeverId lever);

struct LeverEffect {
  LeverId lever;
  float full_value;          // the lever's value (or, for additive and rounds levers, its increase) at intensity 1
  int venue_kind = -1;       // for per-venue-kind levers (cooperation, attractiveness); -1 otherwise
  std::string_view source;   // a published figure, or "assumed: ..." with the reason
};

struct PolicyKindInfo {
  PolicyKind kind;
  std::string_view name;         // snake_case, as written in scenarios
  std::string_view icc_area;     // ICC Index area
  std::string_view description;  // one line
  std::vector<LeverEffect> effects;
  std::string_view not_modelled_reason;  // non-empty: the kind has no lever yet and scenarios reject it
  bool modelled() const { return not_modelled_reason.empty() && (!effects.empty() || kind == PolicyKind::commitment); }
};

// All kinds, indexed by PolicyKind.
const std::array<PolicyKindInfo, policy_kind_count>& policy_kinds();
const PolicyKindInfo& policy_kind_info(PolicyKind kind);
std::optional<PolicyKind> find_policy_kind(std::string_view name);
// Whether a policy of this kind may target groups: not if it moves venue levers (a venue serves
// everyone) nor commitment (it scales the other policies, which carry their own targets).
bool policy_kind_can_target_groups(PolicyKind kind);

// Commitment (public commitment to diversity) has no lever of its own: while active it scales the
// effective intensity of every other active policy by 1 + commitment_gain * its intensity, capped at 1.
inline constexpr float commitment_gain = 0.25f;

}  // namespace convivia
