// Weekly friend meetings (see friend_meetings.hpp).
#include "systems/friend_meetings.hpp"

#include "core/random.hpp"
#include "systems/contact_effects.hpp"

#include <optional>

namespace convivia {

void run_friend_meetings(const ScenarioConfig& config, World& world, int day, EncounterTally& tally) {
  const float per_week = config.encounters.friend_meetings_per_week;
  if (per_week <= 0.0f || day <= 0) return;
  Population& residents = world.residents;
  const int group_count = residents.group_count;
  const auto stride = static_cast<std::size_t>(group_count);
  // Residents take turns by id, one seventh of them a day, so that no day of the week stands out.
  for (std::size_t i = static_cast<std::size_t>(day % days_per_week); i < residents.size(); i += days_per_week) {
    const std::uint32_t* ties = residents.tie_resident.data() + i * tie_slots;
    const float* strength = residents.tie_strength.data() + i * tie_slots;
    std::optional<RandomStream> random;  // made only for residents who visit a friend this week
    for (int k = 0; k < tie_slots; ++k) {
      const std::uint32_t friend_id = ties[k];
      if (friend_id == no_resident || friend_id <= i) continue;  // the lower id of the pair visits
      if (!random) random.emplace(config.run.seed, RandomPurpose::friend_meetings, static_cast<std::uint32_t>(day),
                                  static_cast<std::uint32_t>(i));
      if (random->uniform() >= strength[k] * per_week) continue;
      const std::uint8_t own = residents.group[i];
      const std::uint8_t other = residents.group[friend_id];
      if (own == other) {
        raise_trust(residents.trust[i * stride + own], config.encounters.rate_in_group);
        raise_trust(residents.trust[friend_id * stride + other], config.encounters.rate_in_group);
        continue;
      }
      positive_contact_trust(&residents.trust[i * stride], own, other, group_count, config.encounters);
      positive_contact_trust(&residents.trust[friend_id * stride], other, own, group_count, config.encounters);
      residents.positive_intergroup_contacts[i] += 1;
      residents.positive_intergroup_contacts[friend_id] += 1;
      ++tally.positive;
      ++tally.positive_by_group[own];
      ++tally.positive_by_group[other];
    }
  }
}

}  // namespace convivia
