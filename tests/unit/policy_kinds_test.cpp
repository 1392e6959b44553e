// Unit tests of policy kinds and of how active policies combine into a day's levers
// (policy/policy_kinds, policy/policy_schedule).
#include "policy/policy_kinds.hpp"
#include "policy/policy_schedule.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace convivia {
namespace {

PolicyConfig policy(PolicyKind kind, float intensity, int start_day = 0, int end_day = policy_open_end_day,
                    double annual_cost_eur = 0.0) {
  PolicyConfig p;
  p.kind = kind;
  p.intensity = intensity;
  p.start_day = start_day;
  p.end_day = end_day;
  p.annual_cost_eur = annual_cost_eur;
  return p;
}

bool same_levers(const Levers& a, const Levers& b) { return a == b; }

// The value an effect's lever has in `levers` (for rounds: the extra rounds).
float lever_in(const Levers& levers, const LeverEffect& effect) {
  const auto venue = static_cast<std::size_t>(effect.venue_kind < 0 ? 0 : effect.venue_kind);
  switch (effect.lever) {
    case LeverId::discrimination_multiplier: return levers.discrimination_multiplier;
    case LeverId::labour_discrimination_multiplier: return levers.labour_discrimination_multiplier;
    case LeverId::service_discrimination_multiplier: return levers.service_discrimination_multiplier;
    case LeverId::housing_discrimination_multiplier: return levers.housing_discrimination_multiplier;
    case LeverId::forum_reach_multiplier: return levers.forum_reach_multiplier;
    case LeverId::mediation_share: return levers.mediation_share;
    case LeverId::social_housing_mix: return levers.social_housing_mix;
    case LeverId::welcome_tie_probability: return levers.welcome_tie_probability;
    case LeverId::representation: return levers.representation;
    case LeverId::event_damping: return levers.event_damping;
    case LeverId::prejudice_decay: return levers.prejudice_decay;
    case LeverId::cooperation_bonus: return levers.cooperation_bonus[venue];
    case LeverId::attractiveness_bonus: return levers.attractiveness_bonus[venue];
    case LeverId::language_course_intensity: return levers.language_course_intensity;
    case LeverId::extra_rounds_public_venues: return static_cast<float>(levers.extra_rounds_public_venues);
    case LeverId::school_mixing_share: return levers.school_mixing_share;
  }
  return 0.0f;
}

TEST(PolicyKinds, EveryIccAreaOfTheDesignTableHasAKind) {
  std::set<std::string> areas;
  for (const PolicyKindInfo& info : policy_kinds()) areas.insert(std::string(info.icc_area));
  EXPECT_EQ(areas.size(), 13u);
}

TEST(PolicyKinds, NamesAreUniqueAndFoundByName) {
  for (const PolicyKindInfo& info : policy_kinds()) {
    const auto found = find_policy_kind(info.name);
    ASSERT_TRUE(found.has_value()) << info.name;
    EXPECT_EQ(*found, info.kind) << info.name;
  }
  EXPECT_FALSE(find_policy_kind("no_such_policy").has_value());
}

TEST(PolicyKinds, EveryEffectStatesWhereItsValueComesFrom) {
  for (const PolicyKindInfo& info : policy_kinds()) {
    EXPECT_FALSE(info.description.empty()) << info.name;
    for (const LeverEffect& effect : info.effects) EXPECT_FALSE(effect.source.empty()) << info.name;
  }
}

TEST(PolicyKinds, OnlyKindsThatActOnResidentsMayTargetGroups) {
  EXPECT_TRUE(policy_kind_can_target_groups(PolicyKind::language_courses));
  EXPECT_TRUE(policy_kind_can_target_groups(PolicyKind::anti_discrimination_enforcement));
  EXPECT_TRUE(policy_kind_can_target_groups(PolicyKind::school_mixing));
  EXPECT_FALSE(policy_kind_can_target_groups(PolicyKind::mixing_events));
  EXPECT_FALSE(policy_kind_can_target_groups(PolicyKind::intercultural_programming));
  EXPECT_FALSE(policy_kind_can_target_groups(PolicyKind::commitment));
}

TEST(PolicySchedule, EachKindAtFullIntensitySetsItsLeversToTheirFullValues) {
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (!info.modelled() || info.kind == PolicyKind::commitment) continue;
    const Levers levers = levers_for_day({policy(info.kind, 1.0f)}, 0);
    EXPECT_FALSE(same_levers(levers, Levers{})) << info.name;
    for (const LeverEffect& effect : info.effects) {
      EXPECT_FLOAT_EQ(lever_in(levers, effect), effect.full_value) << info.name << " " << lever_name(effect.lever);
    }
  }
}

TEST(PolicySchedule, AntiDiscriminationEnforcementHalvesEveryDiscriminationMultiplier) {
  const Levers levers = levers_for_day({policy(PolicyKind::anti_discrimination_enforcement, 1.0f)}, 0);
  EXPECT_FLOAT_EQ(levers.discrimination_multiplier, 0.5f);
  EXPECT_FLOAT_EQ(levers.labour_discrimination_multiplier, 0.5f);
  EXPECT_FLOAT_EQ(levers.service_discrimination_multiplier, 0.5f);
  EXPECT_FLOAT_EQ(levers.housing_discrimination_multiplier, 0.5f);
  EXPECT_EQ(levers.mediation_share, 0.0f);
}

TEST(PolicySchedule, MediatorsAndMixingEventsSetTheirLevers) {
  const Levers levers = levers_for_day(
      {policy(PolicyKind::intercultural_mediators, 1.0f), policy(PolicyKind::mixing_events, 1.0f)}, 0);
  EXPECT_FLOAT_EQ(levers.mediation_share, 0.3f);
  EXPECT_EQ(levers.extra_rounds_public_venues, 1);
}

TEST(PolicySchedule, IntensityZeroLeavesEveryLeverNeutral) {
  std::vector<PolicyConfig> policies;
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (info.modelled()) policies.push_back(policy(info.kind, 0.0f));
  }
  EXPECT_TRUE(same_levers(levers_for_day(policies, 0), Levers{}));
}

TEST(PolicySchedule, HalfIntensityMovesAMultiplierHalfWay) {
  const Levers levers = levers_for_day({policy(PolicyKind::anti_discrimination_enforcement, 0.5f)}, 0);
  EXPECT_FLOAT_EQ(levers.discrimination_multiplier, 0.75f);
}

TEST(PolicySchedule, MultipliersCombineMultiplicatively) {
  const Levers levers = levers_for_day({policy(PolicyKind::anti_discrimination_enforcement, 1.0f),
                                        policy(PolicyKind::complaints_office, 1.0f)},
                                       0);
  EXPECT_FLOAT_EQ(levers.discrimination_multiplier, 0.5f * 0.8f);
}

TEST(PolicySchedule, SharesCombineAsIndependentChances) {
  const Levers levers = levers_for_day(
      {policy(PolicyKind::intercultural_mediators, 1.0f), policy(PolicyKind::intercultural_mediators, 0.5f)}, 0);
  EXPECT_FLOAT_EQ(levers.mediation_share, 1.0f - (1.0f - 0.3f) * (1.0f - 0.15f));
}

TEST(PolicySchedule, BonusesAdd) {
  const Levers levers = levers_for_day(
      {policy(PolicyKind::intercultural_programming, 1.0f), policy(PolicyKind::intercultural_programming, 0.5f)}, 0);
  EXPECT_FLOAT_EQ(levers.attractiveness_bonus[static_cast<std::size_t>(VenueKind::park)], 0.3f);
  EXPECT_EQ(levers.attractiveness_bonus[static_cast<std::size_t>(VenueKind::school)], 0.0f);
}

TEST(PolicySchedule, RoundsAddBeforeRounding) {
  EXPECT_EQ(levers_for_day({policy(PolicyKind::mixing_events, 0.3f)}, 0).extra_rounds_public_venues, 0);
  EXPECT_EQ(levers_for_day({policy(PolicyKind::mixing_events, 0.3f), policy(PolicyKind::mixing_events, 0.3f)}, 0)
                .extra_rounds_public_venues,
            1);
}

TEST(PolicySchedule, CommitmentRaisesTheIntensityOfOtherPolicies) {
  const Levers levers = levers_for_day(
      {policy(PolicyKind::commitment, 1.0f), policy(PolicyKind::anti_discrimination_enforcement, 0.4f)}, 0);
  const float effective = 0.4f * (1.0f + commitment_gain);
  EXPECT_FLOAT_EQ(levers.discrimination_multiplier, 1.0f - effective * 0.5f);
}

TEST(PolicySchedule, CommitmentCannotRaiseIntensityAboveOne) {
  const Levers levers = levers_for_day(
      {policy(PolicyKind::commitment, 1.0f), policy(PolicyKind::anti_discrimination_enforcement, 1.0f)}, 0);
  EXPECT_FLOAT_EQ(levers.discrimination_multiplier, 0.5f);
}

TEST(PolicySchedule, CommitmentAloneMovesNoLever) {
  EXPECT_TRUE(same_levers(levers_for_day({policy(PolicyKind::commitment, 1.0f)}, 0), Levers{}));
}

TEST(PolicySchedule, APolicyActsExactlyFromItsStartDayToItsEndDay) {
  const std::vector<PolicyConfig> policies = {policy(PolicyKind::intercultural_mediators, 1.0f, 10, 20)};
  EXPECT_EQ(levers_for_day(policies, 9).mediation_share, 0.0f);
  EXPECT_FLOAT_EQ(levers_for_day(policies, 10).mediation_share, 0.3f);
  EXPECT_FLOAT_EQ(levers_for_day(policies, 20).mediation_share, 0.3f);
  EXPECT_EQ(levers_for_day(policies, 21).mediation_share, 0.0f);
}

TEST(PolicySchedule, PoliciesApplyOnTopOfBaseLevers) {
  Levers base;
  base.discrimination_multiplier = 0.8f;
  base.mediation_share = 0.5f;
  const Levers levers = levers_for_day(
      {policy(PolicyKind::anti_discrimination_enforcement, 1.0f), policy(PolicyKind::intercultural_mediators, 1.0f)}, 0,
      base);
  EXPECT_FLOAT_EQ(levers.discrimination_multiplier, 0.4f);
  EXPECT_FLOAT_EQ(levers.mediation_share, 1.0f - 0.5f * 0.7f);
}

TEST(PolicySchedule, AnnualCostSumsThePoliciesActiveThatDay) {
  const std::vector<PolicyConfig> policies = {policy(PolicyKind::intercultural_mediators, 1.0f, 0, 9, 100'000.0),
                                              policy(PolicyKind::language_courses, 0.5f, 5, 20, 250'000.0)};
  EXPECT_DOUBLE_EQ(annual_policy_cost(policies, 0), 100'000.0);
  EXPECT_DOUBLE_EQ(annual_policy_cost(policies, 7), 350'000.0);
  EXPECT_DOUBLE_EQ(annual_policy_cost(policies, 15), 250'000.0);
  EXPECT_DOUBLE_EQ(annual_policy_cost(policies, 21), 0.0);
}

}  // namespace
}  // namespace convivia
