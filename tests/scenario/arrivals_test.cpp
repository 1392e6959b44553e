// Newcomers, departures, language courses, ageing and the school year (systems/arrivals, ageing,
// language_courses): composition drift at the configured rates, newcomers' start, ties to recycled
// residents, a stationary age structure, school places after the school year, determinism.
#include "support/scenario_fixture.hpp"
#include "systems/ageing.hpp"
#include "systems/arrivals.hpp"
#include "systems/language_courses.hpp"
#include "world/school_catchments.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace convivia::testing {
namespace {

// Two groups (70% / 30%) with the given yearly rates; `extra` is appended (TOML).
std::string city_with_rates(double majority_departure, double majority_arrival, double minority_departure,
                            double minority_arrival, bool minority_speaks = true, const std::string& extra = "",
                            int residents = 12000) {
  return R"(
name = "arrivals test city"
[run]
seed = 11
[city]
source = "synthetic"
[city.synthetic]
districts_x = 2
districts_y = 2
district_cells = 6
residents = )" + std::to_string(residents) + R"(
[[groups]]
name = "majority"
share = 0.7
departure_rate_per_year = )" + std::to_string(majority_departure) + R"(
arrival_rate_per_year = )" + std::to_string(majority_arrival) + R"(
[[groups]]
name = "minority"
share = 0.3
speaks_language = )" + (minority_speaks ? "true" : "false") + R"(
departure_rate_per_year = )" + std::to_string(minority_departure) + R"(
arrival_rate_per_year = )" + std::to_string(minority_arrival) + R"(
[output]
sample_residents = 20
)" + extra;
}

struct TestCity {
  ScenarioConfig config;
  World world;
};

TestCity make_city(const std::string& text) {
  TestCity s{parse_scenario_text(text, "test.toml", {}, source_dir()), World{}};
  s.world = build_world(s.config, nullptr);
  return s;
}

double group_share(const Population& residents, std::uint8_t group) {
  std::size_t n = 0;
  for (std::uint8_t g : residents.group) n += g == group ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(residents.size());
}

TEST(Arrivals, CompositionDriftsTowardTheArrivingGroupAtTheDepartureRate) {
  // The majority leaves at 30% a year and only the minority arrives: after two years the majority
  // keeps (1 - 0.3)^2 of its residents, in expectation.
  TestCity s = make_city(city_with_rates(0.3, 0.0, 0.0, 0.2));
  const double start_share = group_share(s.world.residents, 0);
  ResidentTurnover turnover(s.config);
  ArrivalsSystem arrivals(s.config);
  std::int64_t departed = 0, arrived = 0;
  for (int month = 0; month < 24; ++month) {
    arrivals.run(s.config, s.world, Levers{}, month, turnover);
    departed += arrivals.departures_by_group()[0];
    ASSERT_EQ(arrivals.departures_by_group()[1], 0);
    ASSERT_EQ(arrivals.arrivals_by_group()[0], 0);
    arrived += arrivals.arrivals_by_group()[1];
  }
  EXPECT_EQ(departed, arrived);
  // About 4,700 majority households: the binomial standard error of the share is about 0.006.
  EXPECT_NEAR(group_share(s.world.residents, 0), start_share * 0.7 * 0.7, 0.025);
  for (std::size_t h = 0; h < s.world.households.size(); ++h)
    for (std::uint32_t m = 0; m < s.world.households.member_count[h]; ++m)
      ASSERT_EQ(s.world.residents.group[s.world.households.first_member[h] + m], s.world.households.group[h]);
}

TEST(Arrivals, ArrivalsSplitInProportionToRateTimesGroupSize) {
  TestCity s = make_city(city_with_rates(0.4, 0.05, 0.4, 0.1));
  ResidentTurnover turnover(s.config);
  ArrivalsSystem arrivals(s.config);
  double expected_minority = 0.0, arrived_minority = 0.0, arrived = 0.0;
  for (int month = 0; month < 12; ++month) {
    const double minority = group_share(s.world.residents, 1);
    const double weight_minority = 0.1 * minority, weight_majority = 0.05 * (1.0 - minority);
    arrivals.run(s.config, s.world, Levers{}, month, turnover);
    const double month_arrivals = static_cast<double>(arrivals.arrivals_by_group()[0] + arrivals.arrivals_by_group()[1]);
    expected_minority += month_arrivals * weight_minority / (weight_minority + weight_majority);
    arrived_minority += static_cast<double>(arrivals.arrivals_by_group()[1]);
    arrived += month_arrivals;
  }
  ASSERT_GT(arrived, 3000.0);
  // About 2,000 arriving households: the standard error of the minority's share is about 0.011.
  EXPECT_NEAR(arrived_minority / arrived, expected_minority / arrived, 0.045);
}

TEST(Arrivals, WithoutDepartureRatesNothingChanges) {
  TestCity s = make_city(city_with_rates(0.0, 0.3, 0.0, 0.3));
  const Population before = s.world.residents;
  const std::vector<std::uint8_t> household_groups = s.world.households.group;
  ResidentTurnover turnover(s.config);
  ArrivalsSystem arrivals(s.config);
  Levers levers;
  levers.welcome_tie_probability = 1.0f;
  for (int month = 0; month < 12; ++month) arrivals.run(s.config, s.world, levers, month, turnover);
  EXPECT_EQ(s.world.residents.group, before.group);
  EXPECT_EQ(s.world.households.group, household_groups);
  EXPECT_EQ(s.world.residents.trust, before.trust);
  EXPECT_EQ(s.world.residents.tie_resident, before.tie_resident);
  EXPECT_EQ(s.world.residents.arrival_month, before.arrival_month);
  EXPECT_EQ(newcomer_share(s.world.residents, 11), 0.0);

  // And in a running simulation the monthly indicators report no turnover.
  auto simulation = make_simulation(city_with_rates(0.0, 0.3, 0.0, 0.3));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 61);
  ASSERT_EQ(recorder.months.size(), 3u);
  for (const MonthlyIndicators& month : recorder.months) {
    EXPECT_EQ(month.arrivals_by_group, (std::vector<std::int64_t>{0, 0}));
    EXPECT_EQ(month.departures_by_group, (std::vector<std::int64_t>{0, 0}));
    EXPECT_EQ(month.newcomer_share, 0.0);
  }
}

TEST(Arrivals, NewcomerShareCountsTheLastTwelveMonthsOfArrivals) {
  auto simulation = make_simulation(city_with_rates(0.2, 0.1, 0.2, 0.1));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 91);
  ASSERT_EQ(recorder.months.size(), 4u);
  double arrived = 0.0;
  for (const MonthlyIndicators& month : recorder.months) arrived += static_cast<double>(month.arrivals_by_group[0] + month.arrivals_by_group[1]);
  const double residents = static_cast<double>(simulation->world().residents.size());
  // A slot taken over twice in four months counts once, so the share is at most the arrivals.
  EXPECT_GT(recorder.months.back().newcomer_share, 0.95 * arrived / residents);
  EXPECT_LE(recorder.months.back().newcomer_share, arrived / residents + 1e-12);
  EXPECT_GT(recorder.months.back().newcomer_share, 0.0);
}

// A group whose registered members speak the language can still receive newcomers who do not.
TEST(Arrivals, NewcomersCanArriveAsLearnersInAGroupThatSpeaksTheLanguage) {
  const std::string city = city_with_rates(0.5, 0.0, 0.0, 1.0, /*minority_speaks=*/true);
  for (const bool newcomers_speak : {true, false}) {
    TestCity s = make_city(city);
    s.config.groups[1].newcomers_speak_language = newcomers_speak;
    ResidentTurnover turnover(s.config);
    ArrivalsSystem arrivals(s.config);
    arrivals.run(s.config, s.world, Levers{}, 0, turnover);
    ASSERT_GT(arrivals.newcomers().size(), 100u);
    const float expected = newcomers_speak ? s.config.population.language_proficiency_speakers
                                           : s.config.population.language_proficiency_newcomers;
    for (std::uint32_t i : arrivals.newcomers()) ASSERT_EQ(s.world.residents.language[i], expected) << newcomers_speak;
  }
}

TEST(Arrivals, NewcomersOfANonSpeakingGroupStartLowAndCoursesRaiseThem) {
  TestCity s = make_city(city_with_rates(0.5, 0.0, 0.0, 1.0, /*minority_speaks=*/false));
  ResidentTurnover turnover(s.config);
  ArrivalsSystem arrivals(s.config);
  arrivals.run(s.config, s.world, Levers{}, 0, turnover);
  const std::vector<std::uint32_t> newcomers = arrivals.newcomers();
  ASSERT_GT(newcomers.size(), 100u);
  const float low = s.config.population.language_proficiency_newcomers;
  for (std::uint32_t i : newcomers) {
    ASSERT_EQ(s.world.residents.group[i], 1);
    ASSERT_EQ(s.world.residents.language[i], low);
    ASSERT_EQ(s.world.residents.employed[i], 0);
    ASSERT_EQ(s.world.residents.arrival_month[i], 0);
  }

  // Without the lever, courses change nothing.
  const std::vector<float> before = s.world.residents.language;
  run_language_courses(s.config, Levers{}, s.world);
  EXPECT_EQ(s.world.residents.language, before);

  Levers levers;
  levers.language_course_intensity = 1.0f;
  for (int month = 0; month < 6; ++month) run_language_courses(s.config, levers, s.world);
  const float gain = s.config.language.course_gain_per_month;
  const float expected = 1.0f - (1.0f - low) * std::pow(1.0f - gain, 6.0f);
  for (std::uint32_t i : newcomers) ASSERT_NEAR(s.world.residents.language[i], expected, 1e-5f);
  // Speakers are above the threshold and take no course.
  for (std::size_t i = 0; i < s.world.residents.size(); ++i)
    if (s.world.residents.group[i] == 0) {
      ASSERT_EQ(s.world.residents.language[i], before[i]);
    }
}

TEST(Arrivals, NoTiePointsToARecycledResident) {
  TestCity s = make_city(city_with_rates(0.5, 0.0, 0.5, 0.2));
  Population& residents = s.world.residents;
  const auto n = static_cast<std::uint32_t>(residents.size());
  // Every resident has four ties to others spread over the city.
  for (std::uint32_t i = 0; i < n; ++i)
    for (int k = 0; k < tie_slots; ++k) {
      const std::uint32_t other = (i * 7919u + 13u * static_cast<std::uint32_t>(k + 1)) % n;
      residents.tie_resident[static_cast<std::size_t>(i) * tie_slots + static_cast<std::size_t>(k)] = other;
      residents.tie_group[static_cast<std::size_t>(i) * tie_slots + static_cast<std::size_t>(k)] = residents.group[other];
      residents.tie_strength[static_cast<std::size_t>(i) * tie_slots + static_cast<std::size_t>(k)] = 0.5f;
    }
  ResidentTurnover turnover(s.config);
  ArrivalsSystem arrivals(s.config);
  arrivals.run(s.config, s.world, Levers{}, 0, turnover);
  ASSERT_GT(arrivals.newcomers().size(), 100u);
  std::vector<std::uint8_t> recycled(n, 0);
  for (std::uint32_t i : arrivals.newcomers()) recycled[i] = 1;
  std::size_t kept = 0;
  for (std::size_t k = 0; k < residents.tie_resident.size(); ++k) {
    const std::uint32_t other = residents.tie_resident[k];
    const std::uint32_t owner = static_cast<std::uint32_t>(k / tie_slots);
    if (recycled[owner] != 0) {
      ASSERT_EQ(other, no_resident) << "a newcomer arrives without ties";
    }
    if (other == no_resident) continue;
    ASSERT_EQ(recycled[other], 0) << "resident " << owner << " keeps a tie to recycled resident " << other;
    ++kept;
  }
  EXPECT_GT(kept, residents.tie_resident.size() / 2) << "ties between residents who stay are kept";
}

TEST(Arrivals, WelcomeProgrammeGivesNewcomersATieInTheirBlockAndAPositiveContact) {
  const std::string text = city_with_rates(0.3, 0.0, 0.0, 0.5);
  TestCity without = make_city(text);
  TestCity with = make_city(text);
  ResidentTurnover turnover_without(without.config), turnover_with(with.config);
  ArrivalsSystem arrivals_without(without.config), arrivals_with(with.config);
  Levers welcome;
  welcome.welcome_tie_probability = 1.0f;
  arrivals_without.run(without.config, without.world, Levers{}, 0, turnover_without);
  arrivals_with.run(with.config, with.world, welcome, 0, turnover_with);
  const std::vector<std::uint32_t>& newcomers = arrivals_with.newcomers();
  ASSERT_EQ(newcomers, arrivals_without.newcomers());
  ASSERT_GT(newcomers.size(), 100u);
  EXPECT_EQ(arrivals_without.welcomed(), 0);
  // Newcomers are of the minority; most blocks have majority residents to meet.
  EXPECT_GT(arrivals_with.welcomed(), static_cast<std::int64_t>(newcomers.size()) * 8 / 10);

  const Population& r = with.world.residents;
  const float rate = with.config.encounters.rate_positive;
  std::int64_t with_tie = 0;
  for (std::uint32_t i : newcomers) {
    const std::uint32_t partner = r.tie_resident[static_cast<std::size_t>(i) * tie_slots];
    if (partner == no_resident) {
      ASSERT_EQ(r.trust[i * 2 + 0], without.world.residents.trust[i * 2 + 0]);
      continue;
    }
    ++with_tie;
    ASSERT_EQ(r.home_cell[partner], r.home_cell[i]);
    ASSERT_NE(r.group[partner], r.group[i]);
    const std::uint32_t* back = r.tie_resident.data() + static_cast<std::size_t>(partner) * tie_slots;
    ASSERT_NE(std::find(back, back + tie_slots, i), back + tie_slots) << "the tie goes both ways";
    const float t0 = without.world.residents.trust[i * 2 + r.group[partner]];
    ASSERT_FLOAT_EQ(r.trust[i * 2 + r.group[partner]], t0 + rate * (1.0f - t0));
  }
  EXPECT_EQ(with_tie, arrivals_with.welcomed());
}

TEST(Ageing, AgeSharesStayNearTheStartOverFiveYears) {
  TestCity s = make_city(city_with_rates(0.0, 0.0, 0.0, 0.0));
  const Population& r = s.world.residents;
  const auto shares = [&r] {
    std::array<double, 3> share{};
    for (std::uint8_t age : r.age_class) share[age] += 1.0 / static_cast<double>(r.size());
    return share;
  };
  const std::array<double, 3> start = shares();
  const std::vector<std::uint8_t> start_age = r.age_class;
  ResidentTurnover turnover(s.config);
  AgeingSystem ageing(s.config, r);
  std::size_t born = 0;
  for (int year = 1; year <= 5; ++year) {
    ageing.run(s.config, s.world, year, turnover);
    born += ageing.born().size();
  }
  // Residents did age: about 1/18 of the children become adults each year.
  std::size_t changed = 0;
  for (std::size_t i = 0; i < r.size(); ++i) changed += r.age_class[i] != start_age[i] ? 1 : 0;
  EXPECT_GT(changed, r.size() / 20);
  EXPECT_GT(born, 0u);
  const std::array<double, 3> end = shares();
  // Yearly flows are about 0.9% of residents; five years of binomial noise stay well below 1.5%.
  for (int a = 0; a < 3; ++a) EXPECT_NEAR(end[static_cast<std::size_t>(a)], start[static_cast<std::size_t>(a)], 0.015) << "age class " << a;
}

TEST(Ageing, AfterTheSchoolYearEveryChildIsAtASchoolWithRoom) {
  auto simulation = make_simulation(city_with_rates(0.0, 0.0, 0.0, 0.0, true, "", 4000));
  const std::vector<std::uint8_t> start_age = simulation->world().residents.age_class;
  DailyRecorder recorder;
  run_days(*simulation, recorder, 366);
  const World& world = simulation->world();
  const Population& r = world.residents;
  ASSERT_NE(r.age_class, start_age) << "the yearly step ran";
  const std::vector<std::uint32_t> load = school_load(world.venues, r);
  std::size_t children = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const bool child = r.age_class[i] == static_cast<std::uint8_t>(AgeClass::child);
    const std::uint32_t venue = r.fixed_venue[i];
    if (!child) {
      if (venue != no_venue) {
        ASSERT_NE(world.venues.kind[venue], VenueKind::school) << "resident " << i;
      }
      continue;
    }
    ++children;
    ASSERT_NE(venue, no_venue);
    ASSERT_EQ(world.venues.kind[venue], VenueKind::school);
    ASSERT_LE(load[venue], world.venues.capacity[venue]);
  }
  EXPECT_GT(children, r.size() / 10);
}

TEST(Arrivals, SameResultFor1And2ThreadsWithTurnoverAndAgeing) {
  const auto run = [](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    auto simulation = make_simulation(city_with_rates(0.3, 0.1, 0.2, 0.3, false, "", 3000));
    RunObserver none;
    run_days(*simulation, none, 370);
    return simulation->state_hash();
  };
  EXPECT_EQ(run(1), run(2));
}

}  // namespace
}  // namespace convivia::testing
