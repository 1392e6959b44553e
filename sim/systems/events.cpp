// Scheduled media events and the weekly recovery of trust (see events.hpp).
#include "systems/events.hpp"

#include "core/assert.hpp"
#include "core/calendar.hpp"
#include "core/parallel.hpp"
#include "systems/step_context.hpp"

#include <algorithm>

namespace convivia {
namespace {

constexpr std::size_t grain = 8192;

bool has_tie_into(const Population& residents, std::size_t i, std::uint8_t group) {
  for (int k = 0; k < tie_slots; ++k) {
    const std::size_t tie = i * tie_slots + static_cast<std::size_t>(k);
    if (residents.tie_resident[tie] != no_resident && residents.tie_group[tie] == group) return true;
  }
  return false;
}

}  // namespace

void apply_media_event(Population& residents, EventKind kind, std::uint8_t group, float strength, float damping,
                       float tie_protection) {
  apply_media_event(residents, kind, group, strength, [damping](std::size_t) { return damping; }, tie_protection);
}

void apply_media_event(Population& residents, EventKind kind, std::uint8_t group, float strength,
                       const std::function<float(std::size_t)>& damping_of, float tie_protection) {
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  parallel_for(residents.size(), grain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (residents.group[i] == group) continue;
      float& trust = residents.trust[i * group_count + group];
      if (kind == EventKind::positive_media) {
        trust += strength * (1.0f - trust);
        continue;
      }
      float loss = strength * (1.0f - std::clamp(damping_of(i), 0.0f, 1.0f));
      if (has_tie_into(residents, i, group)) loss *= 1.0f - tie_protection;
      trust -= loss * trust;
    }
  });
}

void EventSystem::resolve_groups(const ScenarioConfig& config, const World& world) {
  event_group_.clear();
  for (const EventConfig& event : config.events) {
    const auto it = std::find(world.group_names.begin(), world.group_names.end(), event.group);
    CONVIVIA_CHECK(it != world.group_names.end(), "event group names are checked when the scenario is read");
    event_group_.push_back(static_cast<std::uint8_t>(it - world.group_names.begin()));
  }
  resolved_ = true;
}

void EventSystem::run(const ScenarioConfig& config, World& world, const LeverMap& levers, int day) {
  if (!resolved_) resolve_groups(config, world);
  Population& residents = world.residents;
  const auto damping_of = [&](std::size_t i) { return resident_levers(levers, world, i).event_damping; };
  for (std::size_t e = 0; e < config.events.size(); ++e) {
    const EventConfig& event = config.events[e];
    if (event.day == day) apply_media_event(residents, event.kind, event_group_[e], event.strength, damping_of, config.media.tie_protection);
  }

  const bool decays = levers.any_of([](const Levers& l) { return l.prejudice_decay > 0.0f; });
  if (!decays || day == 0 || day % days_per_week != 0) return;
  // Groups that negative news has targeted so far.
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  std::vector<std::uint8_t> stereotyped(group_count, 0);
  bool any = false;
  for (std::size_t e = 0; e < config.events.size(); ++e) {
    if (config.events[e].kind == EventKind::negative_media && config.events[e].day <= day) {
      stereotyped[event_group_[e]] = 1;
      any = true;
    }
  }
  if (!any) return;
  const float initial = config.population.initial_trust_out_group;
  parallel_for(residents.size(), grain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const float decay = std::clamp(resident_levers(levers, world, i).prejudice_decay, 0.0f, 1.0f);
      if (decay == 0.0f) continue;
      for (std::size_t g = 0; g < group_count; ++g) {
        if (!stereotyped[g] || g == residents.group[i]) continue;
        float& trust = residents.trust[i * group_count + g];
        if (trust < initial) trust += decay * (initial - trust);
      }
    }
  });
}

}  // namespace convivia
