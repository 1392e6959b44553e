// Unit tests of the mapping from an ICC Index profile to policies (policy/icc_profile): area names,
// scores to intensities, costs split among an area's kinds, the two table areas fed by two index
// areas, the areas no kind models, and the order and form of the policies.
#include "policy/icc_profile.hpp"
#include "policy/policy_kinds.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace convivia {
namespace {

IccAreaScore row(IccArea area, double score, std::optional<double> annual_cost_eur = std::nullopt) {
  IccAreaScore r;
  r.area = area;
  r.score = score;
  r.annual_cost_eur = annual_cost_eur;
  return r;
}

// The modelled kinds of a table area, in the kind table's order.
std::vector<PolicyKind> modelled_kinds_of(std::string_view table_area) {
  std::vector<PolicyKind> kinds;
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (info.icc_area == table_area && info.modelled()) kinds.push_back(info.kind);
  }
  return kinds;
}

std::vector<PolicyKind> kinds_of(const std::vector<PolicyConfig>& policies) {
  std::vector<PolicyKind> kinds;
  for (const PolicyConfig& policy : policies) kinds.push_back(policy.kind);
  return kinds;
}

TEST(IccProfile, AreaNamesAreFoundIgnoringCaseAndSurroundingSpaces) {
  EXPECT_EQ(find_icc_area("Business and labour market"), IccArea::business_and_labour_market);
  EXPECT_EQ(find_icc_area("  business AND labour MARKET "), IccArea::business_and_labour_market);
  EXPECT_EQ(find_icc_area("anti-discrimination"), IccArea::anti_discrimination);
  EXPECT_FALSE(find_icc_area("Labour market").has_value());
  EXPECT_FALSE(find_icc_area("").has_value());
}

TEST(IccProfile, EveryAreaNameRoundTrips) {
  for (int a = 0; a < icc_area_count; ++a) {
    const auto area = static_cast<IccArea>(a);
    EXPECT_EQ(find_icc_area(icc_area_name(area)), area) << icc_area_name(area);
  }
}

TEST(IccProfile, EveryModelledTableAreaIsFedByAnIndexArea) {
  for (const PolicyKindInfo& info : policy_kinds()) {
    bool fed = false;
    for (int a = 0; a < icc_area_count; ++a) fed = fed || policy_area_of(static_cast<IccArea>(a)) == info.icc_area;
    EXPECT_TRUE(fed) << info.icc_area;
  }
}

TEST(IccProfile, ScoreBecomesIntensityOfEveryKindOfTheArea) {
  const std::vector<PolicyConfig> policies = policies_from_icc_profile({row(IccArea::anti_discrimination, 42)});
  ASSERT_EQ(kinds_of(policies), modelled_kinds_of("Anti-discrimination"));
  ASSERT_EQ(policies.size(), 2u);
  for (const PolicyConfig& policy : policies) {
    EXPECT_FLOAT_EQ(policy.intensity, 0.42f);
    EXPECT_EQ(policy.start_day, 0);
    EXPECT_EQ(policy.end_day, policy_open_end_day);
    EXPECT_EQ(policy.annual_cost_eur, 0.0);
    EXPECT_EQ(policy.name, "ICC profile: Anti-discrimination");
    EXPECT_TRUE(policy.districts.empty());
    EXPECT_TRUE(policy.groups.empty());
  }
}

TEST(IccProfile, ScoresZeroAndHundredGiveIntensitiesZeroAndOne) {
  const std::vector<PolicyConfig> policies =
      policies_from_icc_profile({row(IccArea::language, 0), row(IccArea::interaction, 100)});
  ASSERT_EQ(policies.size(), 2u);
  EXPECT_EQ(policies[0].kind, PolicyKind::language_courses);
  EXPECT_EQ(policies[0].intensity, 0.0f);
  EXPECT_EQ(policies[1].kind, PolicyKind::mixing_events);
  EXPECT_EQ(policies[1].intensity, 1.0f);
}

TEST(IccProfile, AnnualCostIsSplitEquallyAmongTheAreasKinds) {
  const std::vector<PolicyConfig> policies =
      policies_from_icc_profile({row(IccArea::business_and_labour_market, 50, 300000.0), row(IccArea::language, 50, 90000.0)});
  ASSERT_EQ(policies.size(), 3u);
  EXPECT_EQ(policies[0].kind, PolicyKind::anti_discrimination_hiring);
  EXPECT_EQ(policies[0].annual_cost_eur, 150000.0);
  EXPECT_EQ(policies[1].kind, PolicyKind::diversity_charters);
  EXPECT_EQ(policies[1].annual_cost_eur, 150000.0);
  EXPECT_EQ(policies[2].kind, PolicyKind::language_courses);
  EXPECT_EQ(policies[2].annual_cost_eur, 90000.0);
}

TEST(IccProfile, TwoNameAreaTakesTheMeanOfBothScoresAndTheSumOfTheirCosts) {
  const std::vector<PolicyConfig> policies = policies_from_icc_profile(
      {row(IccArea::leadership_and_citizenship, 30, 10000.0), row(IccArea::participation, 50, 30000.0)});
  ASSERT_EQ(kinds_of(policies), modelled_kinds_of("Leadership and citizenship; participation"));
  ASSERT_EQ(policies.size(), 2u);
  for (const PolicyConfig& policy : policies) {
    EXPECT_FLOAT_EQ(policy.intensity, 0.4f);
    EXPECT_EQ(policy.annual_cost_eur, 20000.0);
    EXPECT_EQ(policy.name, "ICC profile: Leadership and citizenship; participation");
  }
}

TEST(IccProfile, TwoNameAreaWithOneScoreGivenTakesThatScore) {
  const std::vector<PolicyConfig> policies = policies_from_icc_profile({row(IccArea::public_space, 70)});
  ASSERT_EQ(policies.size(), 1u);
  EXPECT_EQ(policies[0].kind, PolicyKind::intercultural_programming);
  EXPECT_FLOAT_EQ(policies[0].intensity, 0.7f);
  EXPECT_EQ(policies[0].name, "ICC profile: Cultural and social life; public space");
}

TEST(IccProfile, AreasWithoutPolicyKindGiveNoPolicy) {
  EXPECT_TRUE(policy_area_of(IccArea::international_outlook).empty());
  EXPECT_TRUE(policy_area_of(IccArea::intelligence_and_competence).empty());
  const std::vector<PolicyConfig> policies = policies_from_icc_profile(
      {row(IccArea::international_outlook, 80, 5000.0), row(IccArea::intelligence_and_competence, 60)});
  EXPECT_TRUE(policies.empty());
}

TEST(IccProfile, AreasLeftOutOfTheProfileGiveNoPolicy) {
  const std::vector<PolicyConfig> policies = policies_from_icc_profile({row(IccArea::commitment, 60)});
  ASSERT_EQ(policies.size(), 1u);
  EXPECT_EQ(policies[0].kind, PolicyKind::commitment);
  EXPECT_TRUE(policies_from_icc_profile({}).empty());
}

TEST(IccProfile, FullProfileGivesEveryModelledKindOnceInKindOrder) {
  std::vector<IccAreaScore> rows;
  for (int a = icc_area_count - 1; a >= 0; --a) rows.push_back(row(static_cast<IccArea>(a), 50));
  const std::vector<PolicyConfig> policies = policies_from_icc_profile(rows);
  std::vector<PolicyKind> expected;
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (info.modelled()) expected.push_back(info.kind);
  }
  EXPECT_EQ(kinds_of(policies), expected);
}

}  // namespace
}  // namespace convivia
