// Activity choice and venue-mix sensing (see activity.hpp).
#include "systems/activity.hpp"

#include "core/fast_math.hpp"
#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/participation.hpp"
#include "systems/venue_buckets.hpp"

#include <algorithm>
#include <array>

namespace convivia {
namespace {

// Staying home is the implicit remaining option, so only the candidates need a weight. Weights are
// computed four at a time (fast_exp4), so the scratch arrays are padded to a multiple of four.
constexpr std::size_t max_leisure_candidates = leisure_venue_kinds.size();
constexpr std::size_t padded_candidates = (max_leisure_candidates + 3) / 4 * 4;

}  // namespace

void ActivitySystem::prepare_cell_options(const StepContext& context) {
  const World& world = context.world;
  const auto per_cell = static_cast<std::size_t>(world.leisure.per_cell);
  const std::size_t cell_count = world.city.cell_count();
  option_venue_.resize(cell_count * per_cell);
  option_utility_.resize(cell_count * per_cell);
  option_count_.resize(cell_count);
  const float distance_weight = context.config.activity.distance_weight_per_km;
  parallel_for(cell_count, 4096, [&](std::size_t begin, std::size_t end) {
    for (std::size_t cell = begin; cell < end; ++cell) {
      std::uint8_t count = 0;
      for (std::size_t k = 0; k < per_cell; ++k) {
        const std::size_t at = cell * per_cell + k;
        const std::uint32_t v = world.leisure.venue[at];
        if (v == no_venue || !world.venues.open(v, context.time.slot, context.time.weekday)) continue;
        const auto kind = static_cast<std::size_t>(world.venues.kind[v]);
        option_venue_[cell * per_cell + count] = v;
        option_utility_[cell * per_cell + count] =
            world.venues.attractiveness[v] + context.levers.venue(world.venues.district[v]).attractiveness_bonus[kind] -
            distance_weight * world.leisure.distance_km[at];
        ++count;
      }
      option_count_[cell] = count;
    }
  });
}

void ActivitySystem::choose(const StepContext& context, const ActivityInputs& inputs, std::vector<std::uint32_t>& venue_of_resident) {
  const World& world = context.world;
  const Population& residents = world.residents;
  venue_of_resident.resize(residents.size());
  const auto slot = static_cast<Slot>(context.time.slot);
  if (slot != Slot::evening) prepare_cell_options(context);
  const std::uint64_t seed = context.config.run.seed;
  const std::uint32_t tick = context.time.tick();
  const ActivityConfig& ac = context.config.activity;
  const float stay_home_weight = fast_exp(ac.stay_home_utility);
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const auto per_cell = static_cast<std::size_t>(world.leisure.per_cell);
  const bool forums_open = inputs.participation != nullptr && inputs.participation->forums_open();

  // Logit choice between home and the open candidates of the resident's cell.
  const auto choose_leisure = [&](std::size_t i, RandomStream& random) {
    const std::size_t cell = residents.home_cell[i];
    const std::size_t count = option_count_[cell];
    const float comfort = ac.comfort_weight * (1.0f - inputs.outgroup_trust[i]);
    const std::size_t group = residents.group[i];
    std::array<float, padded_candidates> utility{};
    std::array<float, padded_candidates> weight;
    for (std::size_t k = 0; k < count; ++k) {
      const std::uint32_t v = option_venue_[cell * per_cell + k];
      utility[k] = option_utility_[cell * per_cell + k] + comfort * inputs.venue_group_share[v * group_count + group];
    }
    for (std::size_t k = 0; k < count; k += 4) fast_exp4(utility.data() + k, weight.data() + k);
    float total = stay_home_weight;
    for (std::size_t k = 0; k < count; ++k) total += weight[k];
    float pick = random.uniform() * total;
    for (std::size_t k = 0; k < count; ++k) {
      if (pick < weight[k]) return option_venue_[cell * per_cell + k];
      pick -= weight[k];
    }
    return residents.home_venue[i];
  };

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
          if (random.uniform() < ac.daytime_leisure_share) venue = choose_leisure(i, random);
        }
      } else if (slot == Slot::leisure) {
        const std::uint32_t forum = forums_open ? inputs.participation->attends(context, i) : no_venue;
        if (forum != no_venue) {
          venue = forum;
        } else {
          RandomStream random(seed, RandomPurpose::activity, tick, resident);
          venue = choose_leisure(i, random);
        }
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
