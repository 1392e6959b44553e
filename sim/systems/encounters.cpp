// Pairing and encounter outcomes (see encounters.hpp).
#include "systems/encounters.hpp"

#include "core/fast_math.hpp"
#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/contact_effects.hpp"
#include "systems/discrimination.hpp"
#include "systems/venue_buckets.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>
#include <utility>

namespace convivia {

void EncounterTally::reset(int group_count) {
  encounters = intergroup = positive = negative = discrimination = conflicts = avoided = 0;
  positive_by_group.assign(static_cast<std::size_t>(group_count), 0);
  negative_by_group.assign(static_cast<std::size_t>(group_count), 0);
  discrimination_by_group.assign(static_cast<std::size_t>(group_count), 0);
}

void EncounterTally::add(const EncounterTally& other) {
  encounters += other.encounters;
  intergroup += other.intergroup;
  positive += other.positive;
  negative += other.negative;
  discrimination += other.discrimination;
  conflicts += other.conflicts;
  avoided += other.avoided;
  for (std::size_t g = 0; g < positive_by_group.size(); ++g) {
    positive_by_group[g] += other.positive_by_group[g];
    negative_by_group[g] += other.negative_by_group[g];
    discrimination_by_group[g] += other.discrimination_by_group[g];
  }
}

namespace {

// Per-venue constants and the resident arrays a pair touches.
struct PairContext {
  Population& residents;
  const EncounterConfig& config;
  const DiscriminationConfig& discrimination;
  const LeverMap& levers;
  std::int32_t district;      // the venue's: levers act where the encounter happens, for the group they protect
  int group_count;
  int features;
  int day;
  float positive_logit_base;  // intercept + cooperation term for this venue
};

// Features on which the two cultures agree, compared four bytes at a time: a byte of a ^ b is zero
// exactly where they agree, and the bit trick below flags each non-zero byte in its top bit.
int shared_features(const std::uint8_t* a, const std::uint8_t* b, int features) {
  int shared = 0;
  int f = 0;
  for (; f + 4 <= features; f += 4) {
    std::uint32_t x, y;
    std::memcpy(&x, a + f, 4);
    std::memcpy(&y, b + f, 4);
    const std::uint32_t differ = x ^ y;
    const std::uint32_t nonzero = (((differ & 0x7f7f7f7fu) + 0x7f7f7f7fu) | differ) & 0x80808080u;
    shared += 4 - static_cast<int>(((nonzero >> 7) * 0x01010101u) >> 24);
  }
  for (; f < features; ++f) shared += a[f] == b[f];
  return shared;
}

// Resident `a` adopts one of the traits in which it differs from `b` (Axelrod 1997).
void adopt_trait(std::uint8_t* a, const std::uint8_t* b, int features, int differing, RandomStream& random) {
  std::uint32_t pick = random.below(static_cast<std::uint32_t>(differing));
  for (int f = 0; f < features; ++f)
    if (a[f] != b[f] && pick-- == 0) {
      a[f] = b[f];
      return;
    }
}

// Positive contact of `self` with a member of `other_group`, with secondary transfer to the other out-groups.
void positive_contact(const PairContext& pc, Participant& self, std::uint8_t other_group) {
  positive_contact_trust(self.trust, self.group, other_group, pc.group_count, pc.config);
  self.positive_contacts += 1;
}

void negative_contact(const PairContext& pc, Participant& self, std::uint8_t other_group) {
  negative_contact_trust(self.trust, other_group, pc.config);
  self.negative_contacts += 1;
}

void meet(const PairContext& pc, Participant& a, Participant& b, RandomStream& random, EncounterTally& tally) {
  Population& residents = pc.residents;
  const std::uint8_t ga = a.group;
  const std::uint8_t gb = b.group;
  const EncounterConfig& ec = pc.config;

  const float accept_a = 1.0f - ec.avoidance * (1.0f - a.trust[gb]);
  const float accept_b = 1.0f - ec.avoidance * (1.0f - b.trust[ga]);
  if (random.chance() >= accept_a || random.chance() >= accept_b) {
    ++tally.avoided;
    return;
  }
  ++tally.encounters;
  const int shared = shared_features(a.culture, b.culture, pc.features);
  const float overlap = static_cast<float>(shared) / static_cast<float>(pc.features);

  if (ga == gb) {
    raise_trust(a.trust[ga], ec.rate_in_group);
    raise_trust(b.trust[gb], ec.rate_in_group);
  } else {
    ++tally.intergroup;
    const Levers& levers_a = pc.levers.at(pc.district, ga);
    const Levers& levers_b = pc.levers.at(pc.district, gb);
    // Anti-discrimination levers protect the target: a's act against b reads b's group's lever.
    const bool a_discriminates = random.chance() < ec.discrimination_base * levers_b.discrimination_multiplier * (1.0f - a.trust[gb]);
    const bool b_discriminates = random.chance() < ec.discrimination_base * levers_a.discrimination_multiplier * (1.0f - b.trust[ga]);
    if (a_discriminates || b_discriminates) {
      // The target of discrimination records the event and a negative contact with the actor's group.
      const auto record = [&](Participant& target, std::uint8_t actor_group) {
        record_discrimination(residents, target.id, pc.day, pc.discrimination);
        negative_contact(pc, target, actor_group);
        ++tally.discrimination;
        ++tally.discrimination_by_group[target.group];
        ++tally.negative_by_group[target.group];
      };
      if (a_discriminates) record(b, ga);
      if (b_discriminates) record(a, gb);
      ++tally.negative;
      return;
    }
    const float logit = pc.positive_logit_base + (a.speaks && b.speaks ? ec.positive_language : 0.0f) + ec.positive_culture * overlap;
    const bool positive = random.chance() < logistic(logit);
    if (positive) {
      positive_contact(pc, a, gb);
      positive_contact(pc, b, ga);
      ++tally.positive;
      ++tally.positive_by_group[ga];
      ++tally.positive_by_group[gb];
      if (random.chance() < ec.tie_probability) {
        strengthen_tie(residents, a.id, b.id);
        strengthen_tie(residents, b.id, a.id);
      }
    } else if (random.chance() < std::max(levers_a.mediation_share, levers_b.mediation_share)) {
      // Defused by mediation (a programme reaching either side suffices): the contact leaves no trace.
    } else {
      negative_contact(pc, a, gb);
      negative_contact(pc, b, ga);
      ++tally.negative;
      ++tally.negative_by_group[ga];
      ++tally.negative_by_group[gb];
      // A negative contact escalates into an open conflict more often the less the two trust each
      // other's groups; mediators defuse a share of conflicts as they do of negative contacts.
      const float mutual_distrust = 1.0f - 0.5f * (a.trust[gb] + b.trust[ga]);
      if (random.chance() < ec.conflict_escalation * mutual_distrust) ++tally.conflicts;
    }
  }
  // Everyday contact with a speaker of the city's language brings a non-speaker toward it.
  if (a.speaks != b.speaks) {
    float& learner = residents.language[a.speaks ? b.id : a.id];
    learner += ec.language_growth_per_contact * (1.0f - learner);
  }
  if (ec.culture_exchange && shared < pc.features && shared > 0 && random.chance() < overlap) {
    if (random.chance() < 0.5f) adopt_trait(a.culture, b.culture, pc.features, pc.features - shared, random);
    else adopt_trait(b.culture, a.culture, pc.features, pc.features - shared, random);
  }
}

// Residents at a venue are scattered over memory (workplaces draw from the whole city), so the step
// is bound by cache misses on their state. Gathering what pairs read into one compact local array,
// in a loop of independent loads that also prefetches each trust row and culture, lets the processor
// overlap those misses instead of meeting them one dependent load at a time inside the pairing.
void gather_participants(const PairContext& pc, std::span<const std::uint32_t> present, float language_threshold,
                         std::vector<Participant>& participants) {
  Population& residents = pc.residents;
  const auto stride = static_cast<std::size_t>(pc.group_count);
  const auto features = static_cast<std::size_t>(pc.features);
  participants.resize(present.size());
  for (std::size_t k = 0; k < present.size(); ++k) {
    const std::uint32_t id = present[k];
    float* trust = residents.trust.data() + id * stride;
    std::uint8_t* culture = residents.culture.data() + id * features;
    __builtin_prefetch(trust, 1);
    __builtin_prefetch(culture, 1);
    participants[k] = Participant{id, residents.group[id], residents.language[id] >= language_threshold, 0, 0, trust, culture};
  }
}

// Most participants have no intergroup contact in a slot; skipping them spares two scattered
// read-modify-writes each.
void write_back_contacts(Population& residents, const std::vector<Participant>& participants) {
  for (const Participant& p : participants) {
    if ((p.positive_contacts | p.negative_contacts) == 0) continue;
    residents.positive_intergroup_contacts[p.id] += p.positive_contacts;
    residents.negative_intergroup_contacts[p.id] += p.negative_contacts;
  }
}

}  // namespace

void EncounterSystem::run(const StepContext& context, const VenueBuckets& buckets, EncounterTally& day_tally) {
  World& world = context.world;
  const int group_count = world.residents.group_count;
  for (TaskState& state : task_states_) state.tally.reset(group_count);
  const EncounterConfig& ec = context.config.encounters;
  const std::uint64_t seed = context.config.run.seed;
  const std::uint32_t tick = context.time.tick();

  parallel_for(world.venues.size(), 256, [&](std::size_t begin, std::size_t end) {
    bool existed = false;
    TaskState& state = task_states_.local(existed);
    if (!existed) state.tally.reset(group_count);
    for (std::size_t v = begin; v < end; ++v) {
      const auto venue = static_cast<std::uint32_t>(v);
      const std::span<const std::uint32_t> present = buckets.residents_at(venue);
      if (present.size() < 2) continue;
      const auto kind = static_cast<std::size_t>(world.venues.kind[v]);
      const std::int32_t district = world.venues.district[v];
      const Levers& venue_levers = context.levers.venue(district);
      const float cooperation = std::min(1.0f, world.venues.cooperation[v] + venue_levers.cooperation_bonus[kind]);
      const PairContext pc{world.residents, ec, context.config.discrimination, context.levers, district, group_count, world.residents.features, context.time.day,
                           ec.positive_intercept + ec.positive_cooperation * cooperation};
      gather_participants(pc, present, ec.language_threshold, state.participants);
      std::vector<Participant>& participants = state.participants;
      // Pairing order: a permutation of the participants, starting from resident id order.
      std::vector<std::uint32_t>& order = state.order;
      order.resize(present.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
      RandomStream random(seed, RandomPurpose::encounter, tick, venue);
      const int rounds = world.venues.rounds[v] +
                         (kind == static_cast<std::size_t>(VenueKind::home_block) ? 0 : venue_levers.extra_rounds_public_venues);
      for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(static_cast<std::uint32_t>(i))]);
        for (std::size_t p = 0; p + 1 < order.size(); p += 2) meet(pc, participants[order[p]], participants[order[p + 1]], random, state.tally);
      }
      write_back_contacts(world.residents, participants);
    }
  });
  for (const TaskState& state : task_states_) day_tally.add(state.tally);
}

}  // namespace convivia
