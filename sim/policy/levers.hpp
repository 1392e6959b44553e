// Levers: the multipliers and probabilities that systems read each day. Policies (docs/model.md 7.8)
// never touch residents; they only set levers. With no policy active every lever is neutral, and a
// system reading a neutral lever behaves exactly as the scenario's behaviour parameters say.
#pragma once

#include "world/venue_kind.hpp"

#include <array>

namespace convivia {

struct Levers {
  float discrimination_multiplier = 1.0f;  // scales every discrimination probability in encounters
  float mediation_share = 0.0f;            // share of would-be negative contacts defused into neutral ones
  std::array<float, venue_kind_count> cooperation_bonus{};      // added to venue cooperation (clamped to 1)
  std::array<float, venue_kind_count> attractiveness_bonus{};   // added to leisure venue attractiveness
  int extra_rounds_public_venues = 0;      // extra pairing rounds everywhere but home blocks (mixing events)
  float labour_discrimination_multiplier = 1.0f;    // scales labour.discrimination_base (anti-discrimination in hiring)
  float service_discrimination_multiplier = 1.0f;   // scales services.discrimination_base (staff intercultural competence)
  float housing_discrimination_multiplier = 1.0f;   // scales relocation.discrimination_base (anti-discrimination enforcement)
  float social_housing_mix = 0.0f;         // [0,1]: chance that a social-housing vacancy in a block where the mover's group
                                           // is not under-represented goes to another applicant (social-housing mix allocation)
  float welcome_tie_probability = 0.0f;    // chance that a newcomer gets a first cross-group tie and positive contact
  float language_course_intensity = 0.0f;  // scales language-course proficiency growth (0: no courses)
  float forum_reach_multiplier = 1.0f;     // scales participation.reach (participatory councils)
  float representation = 0.0f;             // [0,1]: blends each resident's forum propensity toward the mean (representation)
  float event_damping = 0.0f;              // [0,1]: share of a negative media event's effect removed (anti-rumour campaign)
  float school_mixing_share = 0.0f;       // [0,1]: chance that a child's school place is allocated by controlled choice
                                           // (the school with room where the child's group is least represented)
  float prejudice_decay = 0.0f;            // [0,1]: weekly share of the fall below the initial out-group trust recovered
                                           // toward groups targeted by negative media (anti-rumour campaign)

  bool operator==(const Levers&) const = default;
};

}  // namespace convivia
