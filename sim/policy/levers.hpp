// Levers: the multipliers and probabilities that systems read each day. Policies (DESIGN.md 5.8)
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
};

}  // namespace convivia
