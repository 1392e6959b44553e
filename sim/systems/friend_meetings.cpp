// Weekly friend meetings (see friend_meetings.hpp).
#include "systems/friend_meetings.hpp"

#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/contact_effects.hpp"

#include <optional>

namespace convivia {
namespace {

// Residents per block in both passes: visitors in the first, owners of updates in the second.
constexpr std::size_t block_size = 16384;

}  // namespace

void FriendMeetingSystem::run(const ScenarioConfig& config, World& world, int day, EncounterTally& tally) {
  const float per_week = config.encounters.friend_meetings_per_week;
  if (per_week <= 0.0f || day <= 0) return;
  Population& residents = world.residents;
  const int group_count = residents.group_count;
  const auto stride = static_cast<std::size_t>(group_count);
  const std::size_t resident_count = residents.size();
  const std::size_t block_count = (resident_count + block_size - 1) / block_size;
  const auto first_visitor = static_cast<std::size_t>(day % days_per_week);

  // Pass 1: visitors (id modulo 7 = day modulo 7) decide which of their friends with a higher id they meet.
  blocks_.resize(block_count);
  parallel_for(block_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t b = first; b < last; ++b) {
      Block& block = blocks_[b];
      block.visits.clear();
      block.tally.reset(group_count);
      const std::size_t end = std::min(resident_count, (b + 1) * block_size);
      std::size_t i = b * block_size;
      i += (first_visitor + days_per_week - i % days_per_week) % days_per_week;
      for (; i < end; i += days_per_week) {
        const std::uint32_t* ties = residents.tie_resident.data() + i * tie_slots;
        const float* strength = residents.tie_strength.data() + i * tie_slots;
        const std::uint8_t* friend_group = residents.tie_group.data() + i * tie_slots;
        std::optional<RandomStream> random;  // made only for residents who visit a friend this week
        for (int k = 0; k < tie_slots; ++k) {
          const std::uint32_t friend_id = ties[k];
          if (friend_id == no_resident || friend_id <= i) continue;  // the lower id of the pair visits
          if (!random) random.emplace(config.run.seed, RandomPurpose::friend_meetings, static_cast<std::uint32_t>(day),
                                      static_cast<std::uint32_t>(i));
          if (random->uniform() >= strength[k] * per_week) continue;
          const std::uint8_t own = residents.group[i];
          const std::uint8_t other = friend_group[k];
          block.visits.push_back({static_cast<std::uint32_t>(i), own, other});
          block.visits.push_back({friend_id, other, own});
          if (own == other) continue;
          ++block.tally.positive;
          ++block.tally.positive_by_group[own];
          ++block.tally.positive_by_group[other];
        }
      }
    }
  });

  // Visits by the block that owns the visited resident, keeping the meeting order (stable counting sort).
  owner_start_.assign(block_count + 1, 0);
  for (const Block& block : blocks_)
    for (const Visit& visit : block.visits) ++owner_start_[visit.resident / block_size + 1];
  for (std::size_t b = 0; b < block_count; ++b) owner_start_[b + 1] += owner_start_[b];
  by_owner_.resize(owner_start_[block_count]);
  std::vector<std::size_t> next(owner_start_.begin(), owner_start_.end() - 1);
  for (const Block& block : blocks_) {
    for (const Visit& visit : block.visits) by_owner_[next[visit.resident / block_size]++] = visit;
    tally.add(block.tally);
  }

  // Pass 2: each block applies the meetings of its own residents.
  parallel_for(block_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t b = first; b < last; ++b) {
      for (std::size_t v = owner_start_[b]; v < owner_start_[b + 1]; ++v) {
        const Visit& visit = by_owner_[v];
        float* trust = &residents.trust[visit.resident * stride];
        if (visit.own_group == visit.other_group) {
          raise_trust(trust[visit.own_group], config.encounters.rate_in_group);
          continue;
        }
        positive_contact_trust(trust, visit.own_group, visit.other_group, group_count, config.encounters);
        residents.positive_intergroup_contacts[visit.resident] += 1;
      }
    }
  });
}

}  // namespace convivia
