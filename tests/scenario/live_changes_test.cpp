// Changes between days (Simulation::set_policy_intensity and set_behaviour, used by the live
// viewer): a change acts from the next day on, leaves every earlier day as it was, and a policy
// raised from intensity 0 on day k gives the same run as a scenario in which it starts on day k.
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

namespace convivia::testing {
namespace {

constexpr int change_day = 12;
constexpr int total_days = 24;

std::string mediators(const std::string& intensity, int start_day) {
  return "[[policies]]\nkind = \"intercultural_mediators\"\nintensity = " + intensity +
         "\nstart_day = " + std::to_string(start_day) + "\nannual_cost = 0\n";
}

// State hash after each day; `change` is called before day change_day.
template <class Change>
std::vector<std::uint64_t> hashes(const std::string& scenario, Change change) {
  auto simulation = make_simulation(scenario);
  RunObserver none;
  simulation->start(none);
  std::vector<std::uint64_t> out;
  for (int d = 0; d < total_days; ++d) {
    if (d == change_day) change(*simulation);
    simulation->step_day(none);
    out.push_back(simulation->state_hash());
  }
  return out;
}

TEST(LiveChanges, PolicyIntensityActsFromTheNextDayLikeAPolicyStartingThen) {
  const auto raised = hashes(two_group_city(mediators("0.0", 0)), [](Simulation& s) { s.set_policy_intensity(0, 0.9f); });
  const auto scheduled = hashes(two_group_city(mediators("0.9", change_day)), [](Simulation&) {});
  const auto baseline = hashes(two_group_city(mediators("0.0", 0)), [](Simulation&) {});
  EXPECT_EQ(raised, scheduled);
  for (int d = 0; d < change_day; ++d) EXPECT_EQ(raised[d], baseline[d]) << "day " << d;
  EXPECT_NE(raised.back(), baseline.back());
}

TEST(LiveChanges, BehaviourActsFromTheNextDayAndIsDeterministic) {
  const auto stronger_contact = [](Simulation& s) {
    EncounterConfig encounters = s.config().encounters;
    ActivityConfig activity = s.config().activity;
    encounters.rate_positive *= 3.0f;
    activity.comfort_weight = 0.0f;
    s.set_behaviour(encounters, activity);
    EXPECT_FLOAT_EQ(s.config().activity.comfort_weight, 0.0f);
  };
  const auto changed = hashes(two_group_city(), stronger_contact);
  const auto again = hashes(two_group_city(), stronger_contact);
  const auto baseline = hashes(two_group_city(), [](Simulation&) {});
  EXPECT_EQ(changed, again);
  for (int d = 0; d < change_day; ++d) EXPECT_EQ(changed[d], baseline[d]) << "day " << d;
  EXPECT_NE(changed[change_day], baseline[change_day]);
}

}  // namespace
}  // namespace convivia::testing
