// What one contact does to a resident's trust row and ties. Shared by the encounters of the daily
// step and by the welcome programme for newcomers, so both follow the same rules.
//
// Trust moves toward 1 by `rate_positive` of the remaining distance per positive contact and toward 0
// by `rate_negative` of its value per negative contact. A share `secondary_transfer` of a positive
// change generalises, spread evenly over the other out-groups so that the total transferred does
// not grow with the number of groups in the city.
#pragma once

#include "world/population.hpp"
#include "world/scenario_config.hpp"

#include <algorithm>
#include <cstdint>

namespace convivia {

inline constexpr float new_tie_strength = 0.1f;       // a tie formed by one contact
inline constexpr float tie_strength_per_contact = 0.1f;  // added by each later contact, up to 1

inline void raise_trust(float& trust, float rate) { trust += rate * (1.0f - trust); }
inline void lower_trust(float& trust, float rate) { trust -= rate * trust; }

// `trust_row` is the resident's trust toward every group; `own_group` is the resident's group.
inline void positive_contact_trust(float* trust_row, int own_group, int other_group, int group_count,
                                   const EncounterConfig& config) {
  raise_trust(trust_row[other_group], config.rate_positive);
  const int other_outgroups = group_count - 2;
  if (other_outgroups <= 0 || config.secondary_transfer <= 0.0f) return;
  const float transfer = config.rate_positive * config.secondary_transfer / static_cast<float>(other_outgroups);
  for (int g = 0; g < group_count; ++g)
    if (g != own_group && g != other_group) raise_trust(trust_row[g], transfer);
}

inline void negative_contact_trust(float* trust_row, int other_group, const EncounterConfig& config) {
  lower_trust(trust_row[other_group], config.rate_negative);
}

// Strengthens self's tie to `other`, or forms it in a free slot or in place of the weakest tie.
inline void strengthen_tie(Population& residents, std::uint32_t self, std::uint32_t other) {
  std::uint32_t* ids = residents.tie_resident.data() + static_cast<std::size_t>(self) * tie_slots;
  float* strength = residents.tie_strength.data() + static_cast<std::size_t>(self) * tie_slots;
  int slot = -1;
  for (int k = 0; k < tie_slots; ++k) {
    if (ids[k] == other) {
      strength[k] = std::min(1.0f, strength[k] + tie_strength_per_contact);
      return;
    }
    if (ids[k] == no_resident) {
      if (slot < 0 || ids[slot] != no_resident) slot = k;
    } else if (slot < 0 || (ids[slot] != no_resident && strength[k] < strength[slot])) {
      slot = k;
    }
  }
  ids[slot] = other;
  strength[slot] = new_tie_strength;
  residents.tie_group[static_cast<std::size_t>(self) * tie_slots + static_cast<std::size_t>(slot)] = residents.group[other];
}

}  // namespace convivia
