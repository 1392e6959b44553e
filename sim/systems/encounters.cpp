// Pairing and encounter outcomes (see encounters.hpp).
#include "systems/encounters.hpp"

#include "core/fast_math.hpp"
#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/venue_buckets.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace convivia {

void EncounterTally::reset(int group_count) {
  encounters = intergroup = positive = negative = discrimination = avoided = 0;
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
  const Levers& levers;
  int group_count;
  int features;
  int day;
  float positive_logit_base;  // intercept + cooperation term for this venue
};

int shared_features(const std::uint8_t* a, const std::uint8_t* b, int features) {
  int shared = 0;
  for (int f = 0; f < features; ++f) shared += a[f] == b[f];
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

void raise_trust(float& trust, float rate) { trust += rate * (1.0f - trust); }
void lower_trust(float& trust, float rate) { trust -= rate * trust; }

// Positive contact of `self` with a member of `other_group`, with secondary transfer to the other out-groups.
void positive_contact(const PairContext& pc, std::uint32_t self, std::uint8_t other_group) {
  float* trust = pc.residents.trust.data() + static_cast<std::size_t>(self) * static_cast<std::size_t>(pc.group_count);
  const std::uint8_t own = pc.residents.group[self];
  raise_trust(trust[other_group], pc.config.rate_positive);
  // Secondary transfer: a share of the change generalises, spread evenly over the other out-groups,
  // so the total transferred does not grow with the number of groups in the city.
  const int other_outgroups = pc.group_count - 2;
  const float transfer =
      other_outgroups > 0 ? pc.config.rate_positive * pc.config.secondary_transfer / static_cast<float>(other_outgroups) : 0.0f;
  if (transfer > 0.0f)
    for (int g = 0; g < pc.group_count; ++g)
      if (g != own && g != other_group) raise_trust(trust[g], transfer);
  pc.residents.positive_intergroup_contacts[self] += 1;
}

void negative_contact(const PairContext& pc, std::uint32_t self, std::uint8_t other_group) {
  float* trust = pc.residents.trust.data() + static_cast<std::size_t>(self) * static_cast<std::size_t>(pc.group_count);
  lower_trust(trust[other_group], pc.config.rate_negative);
  pc.residents.negative_intergroup_contacts[self] += 1;
}

// Adds `other` to self's ties, strengthening an existing tie or taking a free (or the weakest) slot.
void strengthen_tie(Population& residents, std::uint32_t self, std::uint32_t other) {
  std::uint32_t* ids = residents.tie_resident.data() + static_cast<std::size_t>(self) * tie_slots;
  float* strength = residents.tie_strength.data() + static_cast<std::size_t>(self) * tie_slots;
  int weakest = 0;
  for (int k = 0; k < tie_slots; ++k) {
    if (ids[k] == other) {
      strength[k] = std::min(1.0f, strength[k] + 0.1f);
      return;
    }
    if (ids[k] == no_resident) {
      weakest = k;
      strength[k] = -1.0f;
      break;
    }
    if (strength[k] < strength[weakest]) weakest = k;
  }
  if (strength[weakest] < 0.1f || ids[weakest] == no_resident) {
    ids[weakest] = other;
    strength[weakest] = 0.1f;
  }
}

// Residents at a venue are scattered over memory (workplaces draw from the whole city), so the
// step is bound by cache misses on their state; fetching the rows of pairs a few positions ahead
// hides most of that latency.
void prefetch_resident(const PairContext& pc, std::uint32_t resident) {
  const auto stride = static_cast<std::size_t>(pc.group_count);
  __builtin_prefetch(pc.residents.trust.data() + resident * stride, 1);
  __builtin_prefetch(pc.residents.group.data() + resident, 0);
  __builtin_prefetch(pc.residents.culture.data() + static_cast<std::size_t>(resident) * static_cast<std::size_t>(pc.features), 1);
  __builtin_prefetch(pc.residents.language.data() + resident, 0);
  __builtin_prefetch(pc.residents.positive_intergroup_contacts.data() + resident, 1);
}

constexpr std::size_t prefetch_distance = 16;  // residents ahead in the pairing order

void meet(const PairContext& pc, std::uint32_t a, std::uint32_t b, RandomStream& random, EncounterTally& tally) {
  Population& residents = pc.residents;
  const std::uint8_t ga = residents.group[a];
  const std::uint8_t gb = residents.group[b];
  const auto stride = static_cast<std::size_t>(pc.group_count);
  float* trust_a = residents.trust.data() + a * stride;
  float* trust_b = residents.trust.data() + b * stride;
  const EncounterConfig& ec = pc.config;

  const float accept_a = 1.0f - ec.avoidance * (1.0f - trust_a[gb]);
  const float accept_b = 1.0f - ec.avoidance * (1.0f - trust_b[ga]);
  if (random.chance() >= accept_a || random.chance() >= accept_b) {
    ++tally.avoided;
    return;
  }
  ++tally.encounters;
  std::uint8_t* culture_a = residents.culture.data() + static_cast<std::size_t>(a) * static_cast<std::size_t>(pc.features);
  std::uint8_t* culture_b = residents.culture.data() + static_cast<std::size_t>(b) * static_cast<std::size_t>(pc.features);
  const int shared = shared_features(culture_a, culture_b, pc.features);
  const float overlap = static_cast<float>(shared) / static_cast<float>(pc.features);

  if (ga == gb) {
    raise_trust(trust_a[ga], ec.rate_in_group);
    raise_trust(trust_b[gb], ec.rate_in_group);
  } else {
    ++tally.intergroup;
    const float disc_scale = ec.discrimination_base * pc.levers.discrimination_multiplier;
    const bool a_discriminates = random.chance() < disc_scale * (1.0f - trust_a[gb]);
    const bool b_discriminates = random.chance() < disc_scale * (1.0f - trust_b[ga]);
    if (a_discriminates || b_discriminates) {
      // The target of discrimination records the event and a negative contact with the actor's group.
      const auto record = [&](std::uint32_t target, std::uint8_t target_group, std::uint8_t actor_group) {
        residents.last_discrimination_day[target] = pc.day;
        residents.discrimination_events[target] += 1;
        negative_contact(pc, target, actor_group);
        ++tally.discrimination;
        ++tally.discrimination_by_group[target_group];
        ++tally.negative_by_group[target_group];
      };
      if (a_discriminates) record(b, gb, ga);
      if (b_discriminates) record(a, ga, gb);
      ++tally.negative;
      return;
    }
    const bool both_speak = residents.language[a] >= ec.language_threshold && residents.language[b] >= ec.language_threshold;
    const float logit = pc.positive_logit_base + (both_speak ? ec.positive_language : 0.0f) + ec.positive_culture * overlap;
    const bool positive = random.chance() < logistic(logit);
    if (positive) {
      positive_contact(pc, a, gb);
      positive_contact(pc, b, ga);
      ++tally.positive;
      ++tally.positive_by_group[ga];
      ++tally.positive_by_group[gb];
      if (random.chance() < ec.tie_probability) {
        strengthen_tie(residents, a, b);
        strengthen_tie(residents, b, a);
      }
    } else if (random.chance() < pc.levers.mediation_share) {
      // Defused by mediation: the contact leaves no trace.
    } else {
      negative_contact(pc, a, gb);
      negative_contact(pc, b, ga);
      ++tally.negative;
      ++tally.negative_by_group[ga];
      ++tally.negative_by_group[gb];
    }
  }
  if (ec.culture_exchange && shared < pc.features && shared > 0 && random.chance() < overlap) {
    if (random.chance() < 0.5f) adopt_trait(culture_a, culture_b, pc.features, pc.features - shared, random);
    else adopt_trait(culture_b, culture_a, pc.features, pc.features - shared, random);
  }
}

}  // namespace

void EncounterSystem::run(const StepContext& context, VenueBuckets& buckets, EncounterTally& day_tally) {
  World& world = context.world;
  const int group_count = world.residents.group_count;
  for (EncounterTally& tally : task_tallies_) tally.reset(group_count);
  const EncounterConfig& ec = context.config.encounters;
  const std::uint64_t seed = context.config.run.seed;
  const std::uint32_t tick = context.time.tick();

  parallel_for(world.venues.size(), 256, [&](std::size_t begin, std::size_t end) {
    bool existed = false;
    EncounterTally& tally = task_tallies_.local(existed);
    if (!existed) tally.reset(group_count);
    for (std::size_t v = begin; v < end; ++v) {
      const auto venue = static_cast<std::uint32_t>(v);
      std::span<std::uint32_t> present = buckets.residents_at(venue);
      if (present.size() < 2) continue;
      const auto kind = static_cast<std::size_t>(world.venues.kind[v]);
      const float cooperation = std::min(1.0f, world.venues.cooperation[v] + context.levers.cooperation_bonus[kind]);
      const PairContext pc{world.residents, ec, context.levers, group_count, world.residents.features, context.time.day,
                           ec.positive_intercept + ec.positive_cooperation * cooperation};
      RandomStream random(seed, RandomPurpose::encounter, tick, venue);
      const int rounds = world.venues.rounds[v] +
                         (kind == static_cast<std::size_t>(VenueKind::home_block) ? 0 : context.levers.extra_rounds_public_venues);
      for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = present.size(); i > 1; --i)
          std::swap(present[i - 1], present[random.below(static_cast<std::uint32_t>(i))]);
        for (std::size_t p = 0; p < std::min(prefetch_distance, present.size()); ++p) prefetch_resident(pc, present[p]);
        for (std::size_t p = 0; p + 1 < present.size(); p += 2) {
          if (p + prefetch_distance + 1 < present.size()) {
            prefetch_resident(pc, present[p + prefetch_distance]);
            prefetch_resident(pc, present[p + prefetch_distance + 1]);
          }
          meet(pc, present[p], present[p + 1], random, tally);
        }
      }
    }
  });
  for (const EncounterTally& tally : task_tallies_) day_tally.add(tally);
}

}  // namespace convivia
