// Each policy kind at full intensity moves its target indicator in the expected direction, against
// the same town without it (same seed: common random numbers, so the difference is the policy's).
// The town has what every policy needs to act on: a minority that arrives as learners of the
// language, household turnover, groups clustered at the start, and negative news about the
// minority on day 5. Release builds only (scripts/test skips PolicyEffects in sanitizer builds).
#include "policy/policy_kinds.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <set>

namespace convivia::testing {
namespace {

constexpr int days = 90;

const std::string town = R"(
name = "policy effects town"
[run]
days = 90
seed = 3
[city]
source = "synthetic"
segregated_start = true
[city.synthetic]
districts_x = 2
districts_y = 2
district_cells = 6
residents = 10000
district_share_contrast = 0.8
[relocation]
mobility_per_year = 0.3
[[groups]]
name = "majority"
share = 0.7
departure_rate_per_year = 0.3
[[groups]]
name = "minority"
share = 0.3
speaks_language = false
departure_rate_per_year = 0.3
arrival_rate_per_year = 1.0
[[events]]
day = 5
kind = "negative_media"
group = "minority"
strength = 0.3
[output]
sample_residents = 10
)";

// What the tests compare, summed over the run or taken at its end.
struct Outcome {
  double perceived_discrimination = 0.0;  // mean over days of the daily share
  std::int64_t discrimination_events = 0;  // in encounters
  std::int64_t labour_discrimination = 0, service_discrimination = 0;  // monthly steps
  double minority_employment = 0.0;       // last day
  std::int64_t positive = 0, negative = 0, intergroup_encounters = 0;
  double cross_group_tie_share = 0.0;     // last day
  double mean_outgroup_trust = 0.0;       // last day
  std::int64_t forum_attendance = 0;
  double minority_forum_representation = 0.0;  // mean over days with attendance
  double school_dissimilarity = 0.0;      // last month
  double children_intergroup_contacts = 0.0;   // per child, from the residents' counters
  double newcomer_speakers = 0.0, newcomer_employment = 0.0;  // shares of adult newcomers
  double positive_share() const { return static_cast<double>(positive) / static_cast<double>(positive + negative); }
  double negative_share() const { return 1.0 - positive_share(); }
};

Outcome run(const std::string& policies) {
  auto simulation = make_simulation(town + policies);
  DailyRecorder recorder;
  run_days(*simulation, recorder, days);
  Outcome o;
  int representation_days = 0;
  for (const DailyIndicators& day : recorder.days) {
    o.perceived_discrimination += day.perceived_discrimination_share / days;
    o.discrimination_events += day.discrimination_events;
    o.positive += day.positive_contacts;
    o.negative += day.negative_contacts;
    o.intergroup_encounters += day.intergroup_encounters;
    o.forum_attendance += day.forum_attendance;
    if (day.forum_attendance > 0 && day.forum_representation_by_group.size() == 2) {
      o.minority_forum_representation += day.forum_representation_by_group[1];
      ++representation_days;
    }
  }
  if (representation_days > 0) o.minority_forum_representation /= representation_days;
  for (const MonthlyIndicators& month : recorder.months) {
    o.labour_discrimination += month.labour_discrimination_events;
    o.service_discrimination += month.service_discrimination_events;
  }
  o.minority_employment = recorder.days.back().employment_rate_by_group[1];
  o.cross_group_tie_share = recorder.days.back().cross_group_tie_share;
  o.mean_outgroup_trust = recorder.days.back().mean_outgroup_trust;
  o.school_dissimilarity = simulation->last_monthly().city_by_school.multigroup_dissimilarity;
  const Population& r = simulation->world().residents;
  double children = 0.0, newcomers = 0.0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.age_class[i] == static_cast<std::uint8_t>(AgeClass::child)) {
      o.children_intergroup_contacts += r.positive_intergroup_contacts[i];
      children += 1.0;
    }
    if (r.arrival_month[i] != not_a_newcomer && r.age_class[i] == static_cast<std::uint8_t>(AgeClass::adult)) {
      o.newcomer_speakers += r.language[i] >= simulation->config().encounters.language_threshold ? 1.0 : 0.0;
      o.newcomer_employment += r.employed[i];
      newcomers += 1.0;
    }
  }
  o.children_intergroup_contacts /= children;
  o.newcomer_speakers /= newcomers;
  o.newcomer_employment /= newcomers;
  return o;
}

std::string policy(std::string_view kind, float intensity = 1.0f) {
  return "\n[[policies]]\nkind = \"" + std::string(kind) + "\"\nintensity = " + std::to_string(intensity) +
         "\nstart_day = 0\nannual_cost = 0\n";
}

const Outcome& baseline() {
  static const Outcome outcome = run("");
  return outcome;
}

TEST(PolicyEffects, AntiDiscriminationPoliciesLowerPerceivedDiscrimination) {
  for (const char* kind : {"anti_discrimination_enforcement", "complaints_office"}) {
    const Outcome with = run(policy(kind));
    EXPECT_LT(with.discrimination_events, baseline().discrimination_events) << kind;
    EXPECT_LT(with.labour_discrimination, baseline().labour_discrimination) << kind;
    EXPECT_LT(with.perceived_discrimination, baseline().perceived_discrimination) << kind;
  }
}

// Fewer refusals in hiring, more minority members in work. (Perceived discrimination is not its
// target: more minority members at workplaces meet more discrimination in everyday encounters there.)
TEST(PolicyEffects, AntiDiscriminationInHiringLowersRefusalsAndRaisesMinorityEmployment) {
  const Outcome with = run(policy("anti_discrimination_hiring"));
  EXPECT_LT(with.labour_discrimination, baseline().labour_discrimination);
  EXPECT_GT(with.minority_employment, baseline().minority_employment);
}

TEST(PolicyEffects, StaffCompetenceLowersDiscriminationInPublicServices) {
  const Outcome with = run(policy("staff_intercultural_competence"));
  EXPECT_LT(with.service_discrimination, baseline().service_discrimination);
  EXPECT_LT(with.perceived_discrimination, baseline().perceived_discrimination);
}

TEST(PolicyEffects, SchoolMixingLowersSchoolSegregationAndRaisesChildrensIntergroupContact) {
  const Outcome with = run(policy("school_mixing"));
  EXPECT_LT(with.school_dissimilarity, baseline().school_dissimilarity - 0.02);
  EXPECT_GT(with.children_intergroup_contacts, baseline().children_intergroup_contacts);
}

TEST(PolicyEffects, LanguageCoursesRaiseNewcomersProficiencyAndEmployment) {
  const Outcome with = run(policy("language_courses"));
  EXPECT_GT(with.newcomer_speakers, baseline().newcomer_speakers + 0.05);
  EXPECT_GT(with.newcomer_employment, baseline().newcomer_employment);
}

TEST(PolicyEffects, MediationLowersTheShareOfNegativeContacts) {
  const Outcome with = run(policy("intercultural_mediators"));
  EXPECT_LT(with.negative_share(), baseline().negative_share());
}

TEST(PolicyEffects, CooperationAtVenuesRaisesTheShareOfPositiveContacts) {
  for (const char* kind : {"intercultural_curriculum", "neighbourhood_projects", "diversity_charters", "intercultural_programming"}) {
    const Outcome with = run(policy(kind));
    EXPECT_GT(with.positive_share(), baseline().positive_share()) << kind;
  }
}

TEST(PolicyEffects, MixingEventsRaiseIntergroupEncounters) {
  const Outcome with = run(policy("mixing_events"));
  EXPECT_GT(with.intergroup_encounters, baseline().intergroup_encounters * 11 / 10);
}

TEST(PolicyEffects, AntiRumourCampaignKeepsOutGroupTrustHigherAfterNegativeNews) {
  const Outcome with = run(policy("anti_rumour_campaign"));
  EXPECT_GT(with.mean_outgroup_trust, baseline().mean_outgroup_trust);
}

TEST(PolicyEffects, WelcomeProgrammeRaisesTheShareWithACrossGroupTie) {
  const Outcome with = run(policy("welcome_programme"));
  EXPECT_GT(with.cross_group_tie_share, baseline().cross_group_tie_share);
}

TEST(PolicyEffects, ParticipatoryCouncilsRaiseForumAttendance) {
  const Outcome with = run(policy("participatory_councils"));
  EXPECT_GT(with.forum_attendance, baseline().forum_attendance * 3 / 2);
}

TEST(PolicyEffects, RepresentationBringsTheMinorityCloserToItsShareOfForums) {
  const Outcome with = run(policy("representation"));
  ASSERT_LT(baseline().minority_forum_representation, 1.0) << "non-speakers are under-represented at the start";
  EXPECT_GT(with.minority_forum_representation, baseline().minority_forum_representation);
}

TEST(PolicyEffects, SocialHousingMixLowersBlockSegregation) {
  auto baseline_run = make_simulation(town);
  auto mixing_run = make_simulation(town + policy("social_housing_mix"));
  DailyRecorder a, b;
  run_days(*baseline_run, a, days);
  run_days(*mixing_run, b, days);
  EXPECT_LT(b.months.back().city_by_cell.multigroup_dissimilarity, a.months.back().city_by_cell.multigroup_dissimilarity);
}

TEST(PolicyEffects, CommitmentStrengthensTheOtherPolicies) {
  const Outcome half = run(policy("intercultural_mediators", 0.5f));
  const Outcome committed = run(policy("intercultural_mediators", 0.5f) + policy("commitment"));
  EXPECT_LT(committed.negative_share(), half.negative_share());
}

TEST(PolicyEffects, EveryKindIsCoveredAbove) {
  // A new kind must get a test here: this list is the kinds tested in this file.
  const std::set<std::string> tested = {
      "anti_discrimination_enforcement", "complaints_office", "anti_discrimination_hiring", "staff_intercultural_competence",
      "school_mixing", "language_courses", "intercultural_mediators", "intercultural_curriculum", "neighbourhood_projects",
      "diversity_charters", "intercultural_programming", "mixing_events", "anti_rumour_campaign", "welcome_programme",
      "participatory_councils", "representation", "social_housing_mix", "commitment"};
  for (const PolicyKindInfo& info : policy_kinds()) EXPECT_TRUE(tested.count(std::string(info.name))) << info.name;
}

}  // namespace
}  // namespace convivia::testing
