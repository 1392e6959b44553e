// Combining active policies into a day's levers (see policy_schedule.hpp and docs/policies.md).
#include "policy/policy_schedule.hpp"

#include "policy/policy_kinds.hpp"

#include <algorithm>
#include <cmath>

namespace convivia {
namespace {

float* scalar_lever(Levers& levers, LeverId lever) {
  switch (lever) {
    case LeverId::discrimination_multiplier: return &levers.discrimination_multiplier;
    case LeverId::labour_discrimination_multiplier: return &levers.labour_discrimination_multiplier;
    case LeverId::service_discrimination_multiplier: return &levers.service_discrimination_multiplier;
    case LeverId::housing_discrimination_multiplier: return &levers.housing_discrimination_multiplier;
    case LeverId::forum_reach_multiplier: return &levers.forum_reach_multiplier;
    case LeverId::mediation_share: return &levers.mediation_share;
    case LeverId::social_housing_mix: return &levers.social_housing_mix;
    case LeverId::welcome_tie_probability: return &levers.welcome_tie_probability;
    case LeverId::representation: return &levers.representation;
    case LeverId::event_damping: return &levers.event_damping;
    case LeverId::prejudice_decay: return &levers.prejudice_decay;
    case LeverId::language_course_intensity: return &levers.language_course_intensity;
    case LeverId::school_mixing_share: return &levers.school_mixing_share;
    case LeverId::cooperation_bonus:
    case LeverId::attractiveness_bonus:
    case LeverId::extra_rounds_public_venues: break;
  }
  return nullptr;
}

float& lever_value(Levers& levers, const LeverEffect& effect) {
  const auto venue = static_cast<std::size_t>(std::max(effect.venue_kind, 0));
  if (effect.lever == LeverId::cooperation_bonus) return levers.cooperation_bonus[venue];
  if (effect.lever == LeverId::attractiveness_bonus) return levers.attractiveness_bonus[venue];
  return *scalar_lever(levers, effect.lever);
}

}  // namespace

bool policy_active(const PolicyConfig& policy, int day) { return day >= policy.start_day && day <= policy.end_day; }

Levers levers_for_day(const std::vector<PolicyConfig>& policies, int day, const Levers& base) {
  return levers_for_day(policies, day, base, [](std::size_t) { return true; });
}

Levers levers_for_day(const std::vector<PolicyConfig>& policies, int day, const Levers& base,
                      const std::function<bool(std::size_t)>& reaches) {
  const auto acts = [&](std::size_t k) { return policy_active(policies[k], day) && reaches(k); };
  float commitment = 0.0f;
  for (std::size_t k = 0; k < policies.size(); ++k) {
    if (policies[k].kind == PolicyKind::commitment && acts(k)) commitment += policies[k].intensity;
  }
  const float boost = 1.0f + commitment_gain * std::min(commitment, 1.0f);

  Levers levers = base;
  float extra_rounds = 0.0f;
  for (std::size_t k = 0; k < policies.size(); ++k) {
    const PolicyConfig& policy = policies[k];
    if (policy.kind == PolicyKind::commitment || !acts(k)) continue;
    const float intensity = std::min(1.0f, policy.intensity * boost);
    for (const LeverEffect& effect : policy_kind_info(policy.kind).effects) {
      switch (lever_combination(effect.lever)) {
        case LeverCombination::multiplier:
          lever_value(levers, effect) *= 1.0f - intensity * (1.0f - effect.full_value);
          break;
        case LeverCombination::chance: {
          float& chance = lever_value(levers, effect);
          chance = 1.0f - (1.0f - chance) * (1.0f - intensity * effect.full_value);
          break;
        }
        case LeverCombination::additive: lever_value(levers, effect) += intensity * effect.full_value; break;
        case LeverCombination::rounds: extra_rounds += intensity * effect.full_value; break;
      }
    }
  }
  levers.extra_rounds_public_venues += static_cast<int>(std::lround(extra_rounds));
  return levers;
}

double annual_policy_cost(const std::vector<PolicyConfig>& policies, int day) {
  double cost = 0.0;
  for (const PolicyConfig& policy : policies) {
    if (policy_active(policy, day)) cost += policy.annual_cost_eur;
  }
  return cost;
}

}  // namespace convivia
