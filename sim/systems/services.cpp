// Monthly public-service contacts and recovery of institutional trust and belonging (see services.hpp).
#include "systems/services.hpp"

#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/discrimination.hpp"

#include <algorithm>

namespace convivia {
namespace {
constexpr std::size_t block_size = 16384;
}

ServiceTally ServiceSystem::run_month(const StepContext& context) {
  World& world = context.world;
  Population& residents = world.residents;
  const ServiceConfig& sc = context.config.services;
  const std::uint64_t seed = context.config.run.seed;
  const int day = context.time.day;
  const std::size_t resident_count = residents.size();
  const std::size_t block_count = (resident_count + block_size - 1) / block_size;
  blocks_.assign(block_count, ServiceTally{});

  parallel_for(block_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t b = first; b < last; ++b) {
      ServiceTally& tally = blocks_[b];
      const std::size_t end = std::min(resident_count, (b + 1) * block_size);
      for (std::size_t i = b * block_size; i < end; ++i) {
        float& trust = residents.institutional_trust[i];
        float& belonging = residents.belonging[i];
        trust += sc.recovery_per_month * (sc.institutional_trust_baseline - trust);
        belonging += sc.recovery_per_month * (sc.belonging_baseline - belonging);
        if (static_cast<AgeClass>(residents.age_class[i]) == AgeClass::child) continue;
        RandomStream random(seed, RandomPurpose::services, static_cast<std::uint32_t>(day), static_cast<std::uint32_t>(i));
        if (random.uniform() >= sc.use_per_month) continue;
        ++tally.uses;
        const float discrimination = std::clamp(
            sc.discrimination_base * resident_levers(context.levers, world, i).service_discrimination_multiplier, 0.0f, 1.0f);
        if (residents.group[i] != world.majority_group && random.uniform() < discrimination) {
          record_discrimination(residents, static_cast<std::uint32_t>(i), day, context.config.discrimination);
          ++tally.discrimination_events;
        } else {
          trust += sc.trust_gain_per_fair_use * (1.0f - trust);
        }
      }
    }
  });

  ServiceTally total;
  for (const ServiceTally& tally : blocks_) {
    total.uses += tally.uses;
    total.discrimination_events += tally.discrimination_events;
  }
  return total;
}

}  // namespace convivia
