// Weekly friend meetings (systems/friend_meetings.hpp) on a small two-group city whose ties are set
// by the test.
#include "support/scenario_fixture.hpp"
#include "systems/friend_meetings.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace convivia::testing {
namespace {

struct TiedCity {
  std::unique_ptr<Simulation> simulation = make_simulation(two_group_city());
  World world = simulation->world();
  ScenarioConfig config = simulation->config();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (group 0 resident, group 1 resident)

  // Every group-0 resident gets a mutual tie of the given strength to a distinct group-1 resident.
  explicit TiedCity(float strength) {
    Population& r = world.residents;
    std::fill(r.tie_resident.begin(), r.tie_resident.end(), no_resident);
    std::vector<std::uint32_t> group0, group1;
    for (std::uint32_t i = 0; i < r.size(); ++i) (r.group[i] == 0 ? group0 : group1).push_back(i);
    for (std::size_t k = 0; k < std::min(group0.size(), group1.size()); ++k) {
      const std::uint32_t a = group0[k], b = group1[k];
      r.tie_resident[a * tie_slots] = b;
      r.tie_group[a * tie_slots] = 1;
      r.tie_strength[a * tie_slots] = strength;
      r.tie_resident[b * tie_slots] = a;
      r.tie_group[b * tie_slots] = 0;
      r.tie_strength[b * tie_slots] = strength;
      r.trust[a * 2 + 1] = 0.5f;  // room to gain
      r.trust[b * 2 + 0] = 0.5f;
      pairs.emplace_back(a, b);
    }
  }
  float trust(std::uint32_t i, int group) const { return world.residents.trust[i * 2 + static_cast<std::size_t>(group)]; }
};

TEST(FriendMeetings, FullStrengthFriendsOfTwoGroupsMeetOnceAWeekAndGainTrust) {
  TiedCity city(1.0f);
  FriendMeetingSystem meetings;
  ASSERT_FALSE(city.pairs.empty());
  const std::vector<float> before = city.world.residents.trust;
  EncounterTally tally;
  tally.reset(2);
  for (int day = 1; day <= 7; ++day) meetings.run(city.config, city.world, day, tally);
  EXPECT_EQ(tally.positive, static_cast<std::int64_t>(city.pairs.size())) << "one meeting per pair, not one per side";
  for (auto [a, b] : city.pairs) {
    EXPECT_GT(city.trust(a, 1), before[a * 2 + 1]);
    EXPECT_GT(city.trust(b, 0), before[b * 2 + 0]);
    EXPECT_EQ(city.world.residents.positive_intergroup_contacts[a], 1u);
    EXPECT_EQ(city.world.residents.positive_intergroup_contacts[b], 1u);
  }
}

TEST(FriendMeetings, EachDayOfTheWeekCarriesAboutASeventhOfTheMeetings) {
  TiedCity city(1.0f);
  FriendMeetingSystem meetings;
  std::vector<std::int64_t> per_day;
  for (int day = 0; day <= 7; ++day) {
    EncounterTally tally;
    tally.reset(2);
    meetings.run(city.config, city.world, day, tally);
    per_day.push_back(tally.positive);
  }
  EXPECT_EQ(per_day[0], 0) << "no meetings on the first day";
  const double expected = static_cast<double>(city.pairs.size()) / 7.0;
  for (int day = 1; day <= 7; ++day) EXPECT_NEAR(static_cast<double>(per_day[static_cast<std::size_t>(day)]), expected, 0.3 * expected + 2) << "day " << day;
}

TEST(FriendMeetings, WeakTiesMeetInProportionToTheirStrength) {
  TiedCity city(0.2f);
  FriendMeetingSystem meetings;
  EncounterTally tally;
  tally.reset(2);
  const int weeks = 50;
  for (int day = 1; day <= 7 * weeks; ++day) meetings.run(city.config, city.world, day, tally);
  const double meetings_per_pair_week = static_cast<double>(tally.positive) / static_cast<double>(city.pairs.size() * weeks);
  EXPECT_NEAR(meetings_per_pair_week, 0.2, 0.02);
}

TEST(FriendMeetings, SwitchedOffByTheKey) {
  TiedCity city(1.0f);
  FriendMeetingSystem meetings;
  city.config.encounters.friend_meetings_per_week = 0.0f;
  const std::vector<float> before = city.world.residents.trust;
  EncounterTally tally;
  tally.reset(2);
  for (int day = 1; day <= 7; ++day) meetings.run(city.config, city.world, day, tally);
  EXPECT_EQ(tally.positive, 0);
  EXPECT_EQ(city.world.residents.trust, before);
}

}  // namespace
}  // namespace convivia::testing
