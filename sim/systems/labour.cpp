// The monthly labour market (see labour.hpp).
#include "systems/labour.hpp"

#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/discrimination.hpp"

#include <algorithm>

namespace convivia {
namespace {
constexpr std::size_t block_size = 16384;

// (1 - p)^k by repeated multiplication: plain IEEE arithmetic, the same bits on every platform.
double power(double base, int exponent) {
  double result = 1.0;
  for (int i = 0; i < exponent; ++i) result *= base;
  return result;
}
}  // namespace

float stationary_hire_probability(float job_loss_per_month, int applications_per_month, double employment_rate) {
  if (applications_per_month <= 0 || employment_rate <= 0.0) return 0.0f;
  if (employment_rate >= 1.0) return 1.0f;
  const double hire_rate = std::min(1.0, static_cast<double>(job_loss_per_month) * employment_rate / (1.0 - employment_rate));
  // Solve 1 - (1 - p)^k = hire_rate for p by bisection (the left side rises with p).
  double low = 0.0, high = 1.0;
  for (int iteration = 0; iteration < 60; ++iteration) {
    const double mid = 0.5 * (low + high);
    (1.0 - power(1.0 - mid, applications_per_month) < hire_rate ? low : high) = mid;
  }
  return static_cast<float>(0.5 * (low + high));
}

LabourTally LabourSystem::run_month(const StepContext& context) {
  World& world = context.world;
  Population& residents = world.residents;
  const Venues& venues = world.venues;
  const LabourConfig& lc = context.config.labour;
  const std::uint64_t seed = context.config.run.seed;
  const int day = context.time.day;
  const auto tick = static_cast<std::uint32_t>(day);
  const std::size_t resident_count = residents.size();
  const std::size_t block_count = (resident_count + block_size - 1) / block_size;
  LabourTally tally;

  // Job losses, in parallel; adults not employed at the start of the month become job seekers.
  block_seekers_.resize(block_count);
  block_losses_.assign(block_count, 0);
  parallel_for(block_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t b = first; b < last; ++b) {
      std::vector<std::uint32_t>& seekers = block_seekers_[b];
      seekers.clear();
      const std::size_t end = std::min(resident_count, (b + 1) * block_size);
      for (std::size_t i = b * block_size; i < end; ++i) {
        const auto age = static_cast<AgeClass>(residents.age_class[i]);
        if (age != AgeClass::adult) {
          // Seniors are out of the labour force: whoever ages into it while employed retires.
          if (age == AgeClass::senior && residents.employed[i] != 0) {
            residents.employed[i] = 0;
            residents.fixed_venue[i] = no_venue;
          }
          continue;
        }
        if (residents.employed[i] == 0) {
          seekers.push_back(static_cast<std::uint32_t>(i));
          continue;
        }
        RandomStream random(seed, RandomPurpose::labour, tick, static_cast<std::uint32_t>(i));
        if (random.uniform() < lc.job_loss_per_month) {
          residents.employed[i] = 0;
          residents.fixed_venue[i] = no_venue;
          ++block_losses_[b];
        }
      }
    }
  });
  for (std::int64_t losses : block_losses_) tally.job_losses += losses;

  // Vacancies: capacity minus current staff of each workplace.
  staff_.assign(venues.size(), 0);
  for (std::size_t i = 0; i < resident_count; ++i) {
    const std::uint32_t v = residents.fixed_venue[i];
    if (residents.employed[i] != 0 && v != no_venue && venues.kind[v] == VenueKind::workplace) ++staff_[v];
  }
  open_.reset(venues.size());
  for (std::uint32_t v = 0; v < venues.size(); ++v)
    if (venues.kind[v] == VenueKind::workplace && staff_[v] < venues.capacity[v]) open_.insert(v);

  // Job search, serially in resident id order (hires consume vacancies).
  const float hire_probability = lc.hire_probability > 0.0f
                                     ? lc.hire_probability
                                     : stationary_hire_probability(lc.job_loss_per_month, lc.applications_per_month,
                                                                   context.config.population.employment_rate);
  const float language_threshold = context.config.encounters.language_threshold;
  for (const std::vector<std::uint32_t>& seekers : block_seekers_) {
    for (std::uint32_t i : seekers) {
      RandomStream random(seed, RandomPurpose::labour, tick, i);
      const float merit = hire_probability * (residents.language[i] < language_threshold ? 1.0f - lc.language_penalty : 1.0f);
      const bool targeted = residents.group[i] != world.majority_group;
      const float discrimination = std::clamp(
          lc.discrimination_base * resident_levers(context.levers, world, i).labour_discrimination_multiplier, 0.0f, 1.0f);
      for (int application = 0; application < lc.applications_per_month && !open_.empty(); ++application) {
        if (random.uniform() >= merit) continue;
        if (targeted && random.uniform() < discrimination) {
          record_discrimination(residents, i, day, context.config.discrimination);
          ++tally.discrimination_events;
          continue;
        }
        const std::uint32_t v = open_[random.below(static_cast<std::uint32_t>(open_.size()))];
        residents.employed[i] = 1;
        residents.fixed_venue[i] = v;
        ++tally.hires;
        if (++staff_[v] >= venues.capacity[v]) open_.erase(v);
        break;
      }
    }
  }
  return tally;
}

}  // namespace convivia
