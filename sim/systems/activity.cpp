// Activity choice and venue-mix sensing (see activity.hpp).
#include "systems/activity.hpp"

#include "core/fast_math.hpp"
#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/venue_buckets.hpp"

#include <algorithm>
#include <array>

namespace convivia {
namespace {

constexpr std::size_t max_leisure_options = leisure_venue_kinds.size() + 1;

std::uint32_t choose_leisure(const StepContext& context, const ActivityInputs& inputs, std::uint32_t resident, RandomStream& random) {
  const World& world = context.world;
  const ActivityConfig& ac = context.config.activity;
  const int group_count = world.residents.group_count;
  const std::uint8_t group = world.residents.group[resident];
  const std::uint32_t cell = world.residents.home_cell[resident];
  const float prejudice = 1.0f - inputs.outgroup_trust[resident];
  const int per_cell = world.leisure.per_cell;

  std::array<std::uint32_t, max_leisure_options> option_venue{};
  std::array<float, max_leisure_options> weight{};
  option_venue[0] = world.residents.home_venue[resident];
  weight[0] = fast_exp(ac.stay_home_utility);
  float total = weight[0];
  std::size_t options = 1;
  for (int k = 0; k < per_cell; ++k) {
    const std::size_t at = static_cast<std::size_t>(cell) * static_cast<std::size_t>(per_cell) + static_cast<std::size_t>(k);
    const std::uint32_t v = world.leisure.venue[at];
    if (v == no_venue || !world.venues.open(v, context.time.slot, context.time.weekday)) continue;
    const auto kind = static_cast<std::size_t>(world.venues.kind[v]);
    const float own_share = inputs.venue_group_share[static_cast<std::size_t>(v) * static_cast<std::size_t>(group_count) + group];
    const float utility = world.venues.attractiveness[v] + context.levers.attractiveness_bonus[kind] -
                          ac.distance_weight_per_km * world.leisure.distance_km[at] + ac.comfort_weight * prejudice * own_share;
    option_venue[options] = v;
    weight[options] = fast_exp(utility);
    total += weight[options];
    ++options;
  }
  float pick = random.uniform() * total;
  for (std::size_t o = 0; o + 1 < options; ++o) {
    if (pick < weight[o]) return option_venue[o];
    pick -= weight[o];
  }
  return option_venue[options - 1];
}

}  // namespace

void choose_activities(const StepContext& context, const ActivityInputs& inputs, std::vector<std::uint32_t>& venue_of_resident) {
  const World& world = context.world;
  const Population& residents = world.residents;
  venue_of_resident.resize(residents.size());
  const auto slot = static_cast<Slot>(context.time.slot);
  const std::uint64_t seed = context.config.run.seed;
  const std::uint32_t tick = context.time.tick();
  const float daytime_leisure_share = context.config.activity.daytime_leisure_share;

  parallel_for(residents.size(), 8192, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto resident = static_cast<std::uint32_t>(i);
      std::uint32_t venue = residents.home_venue[i];
      if (slot == Slot::daytime) {
        const std::uint32_t fixed = residents.fixed_venue[i];
        if (fixed != no_venue && world.venues.open(fixed, context.time.slot, context.time.weekday)) {
          venue = fixed;
        } else {
          RandomStream random(seed, RandomPurpose::activity, tick, resident);
          if (random.uniform() < daytime_leisure_share) venue = choose_leisure(context, inputs, resident, random);
        }
      } else if (slot == Slot::leisure) {
        RandomStream random(seed, RandomPurpose::activity, tick, resident);
        venue = choose_leisure(context, inputs, resident, random);
      }
      venue_of_resident[i] = venue;
    }
  });
}

void observe_venue_mix(const StepContext& context, const VenueBuckets& buckets, std::vector<float>& venue_group_share) {
  const World& world = context.world;
  const auto group_count = static_cast<std::size_t>(world.residents.group_count);
  parallel_for(world.venues.size(), 1024, [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) {
      const auto kind = world.venues.kind[v];
      if (kind == VenueKind::home_block || kind == VenueKind::school || kind == VenueKind::workplace) continue;
      const auto present = buckets.residents_at(static_cast<std::uint32_t>(v));
      if (present.empty()) continue;
      float* share = venue_group_share.data() + v * group_count;
      std::fill(share, share + group_count, 0.0f);
      const float weight = 1.0f / static_cast<float>(present.size());
      for (std::uint32_t resident : present) share[world.residents.group[resident]] += weight;
    }
  });
}

}  // namespace convivia
