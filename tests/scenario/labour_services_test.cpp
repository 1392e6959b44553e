// Labour market and public services (systems/labour, systems/services) on small synthetic cities.
// Most tests run the monthly systems directly on a built world, with chosen levers, so that
// encounters do not blur what is measured; one runs the whole simulation for a year.
#include "core/state_archive.hpp"
#include "support/scenario_fixture.hpp"
#include "systems/labour.hpp"
#include "systems/services.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <cmath>

namespace convivia::testing {
namespace {

struct Town {
  ScenarioConfig config;
  World world;
};

Town build_town(const std::string& text, const std::vector<std::string>& overrides = {}) {
  ScenarioConfig config = parse_scenario_text(text, "test.toml", overrides, source_dir());
  World world = build_world(config, nullptr);
  return Town{std::move(config), std::move(world)};
}

// Runs `months` monthly labour steps (and services steps if asked) with the given levers.
LabourTally run_months(Town& town, const Levers& levers, int months, bool services = false) {
  LabourSystem labour;
  ServiceSystem service_system;
  LabourTally total;
  for (int month = 0; month < months; ++month) {
    const StepContext context{town.config, town.world, levers, TimePoint{month * days_per_month, 0, 0}};
    const LabourTally tally = labour.run_month(context);
    total.hires += tally.hires;
    total.job_losses += tally.job_losses;
    total.discrimination_events += tally.discrimination_events;
    if (services) service_system.run_month(context);
  }
  return total;
}

std::vector<double> employment_rate_by_group(const World& world) {
  const Population& r = world.residents;
  std::vector<double> adults(static_cast<std::size_t>(r.group_count), 0.0), employed(adults.size(), 0.0);
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.age_class[i] != static_cast<std::uint8_t>(AgeClass::adult)) continue;
    adults[r.group[i]] += 1.0;
    employed[r.group[i]] += r.employed[i];
  }
  for (std::size_t g = 0; g < adults.size(); ++g) employed[g] /= std::max(1.0, adults[g]);
  return employed;
}

// Majority rate minus the minority's (group 1 in the two-group city).
double employment_gap(const World& world) {
  const std::vector<double> rate = employment_rate_by_group(world);
  return rate[world.majority_group] - rate[1 - world.majority_group];
}

// Five times the two-group city (60,000 residents), so employment rates carry little sampling noise.
const std::string larger = "city.synthetic.residents=60000";

// The two-group city whose minority does not speak the majority language.
std::string city_with_non_speaking_minority() {
  std::string text = two_group_city();
  const std::string minority = "name = \"minority\"\n";
  text.insert(text.find(minority) + minority.size(), "speaks_language = false\n");
  return text;
}

TEST(LabourServices, StationaryHireProbabilityBalancesJobLosses) {
  const float p = stationary_hire_probability(0.012f, 4, 0.75);
  const double hire_rate = 1.0 - std::pow(1.0 - static_cast<double>(p), 4);
  EXPECT_NEAR(hire_rate * (1.0 - 0.75), 0.012 * 0.75, 1e-6);  // inflow = outflow at e = 0.75
}

TEST(LabourServices, MajorityEmploymentStaysNearConfiguredRateOverAYear) {
  auto simulation = make_simulation(two_group_city());
  DailyRecorder recorder;
  run_days(*simulation, recorder, 365);
  const std::size_t majority = simulation->world().majority_group;
  const double rate = recorder.days.back().employment_rate_by_group[majority];
  EXPECT_NEAR(rate, simulation->config().population.employment_rate, 0.025);
  std::int64_t hires = 0, losses = 0;
  for (const MonthlyIndicators& month : recorder.months) {
    hires += month.hires;
    losses += month.job_losses;
  }
  EXPECT_GT(hires, 0);
  EXPECT_GT(losses, 0);
}

TEST(LabourServices, HiringDiscriminationOpensTheGapAndLeverZeroKeepsItClosed) {
  Town discriminating = build_town(two_group_city(), {larger});
  Town fair = build_town(two_group_city(), {larger});
  const double gap_at_start = employment_gap(discriminating.world);
  Levers neutral;
  Levers no_discrimination;
  no_discrimination.labour_discrimination_multiplier = 0.0f;
  const LabourTally with = run_months(discriminating, neutral, 36);
  const LabourTally without = run_months(fair, no_discrimination, 36);
  EXPECT_GT(with.discrimination_events, 0);
  EXPECT_EQ(without.discrimination_events, 0);
  EXPECT_GT(employment_gap(discriminating.world) - gap_at_start, 0.015);
  EXPECT_LT(std::abs(employment_gap(fair.world) - gap_at_start), 0.01);
}

TEST(LabourServices, LowLanguageProficiencyLowersHiring) {
  // The minority does not speak the language; with no discrimination, only language differs.
  Town town = build_town(city_with_non_speaking_minority(), {larger});
  ASSERT_LT(town.config.population.language_proficiency_newcomers, town.config.encounters.language_threshold);
  Levers no_discrimination;
  no_discrimination.labour_discrimination_multiplier = 0.0f;
  const double gap_at_start = employment_gap(town.world);
  run_months(town, no_discrimination, 36);
  EXPECT_GT(employment_gap(town.world) - gap_at_start, 0.05);
}

TEST(LabourServices, ServiceDiscriminationOnlyTargetsNonMajorityGroups) {
  Town town = build_town(two_group_city(), {"services.discrimination_base=0.2"});
  Levers neutral;
  ServiceSystem services;
  ServiceTally total;
  for (int month = 0; month < 12; ++month) {
    const StepContext context{town.config, town.world, neutral, TimePoint{month * days_per_month, 0, 0}};
    const ServiceTally tally = services.run_month(context);
    total.uses += tally.uses;
    total.discrimination_events += tally.discrimination_events;
  }
  const Population& r = town.world.residents;
  std::int64_t minority_events = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.group[i] == town.world.majority_group) {
      EXPECT_EQ(r.discrimination_events[i], 0u) << "resident " << i;
    } else {
      minority_events += r.discrimination_events[i];
    }
  }
  EXPECT_GT(minority_events, 0);
  EXPECT_EQ(minority_events, total.discrimination_events);
  EXPECT_GT(total.uses, total.discrimination_events);
}

TEST(LabourServices, DiscriminatedResidentsEndWithLowerInstitutionalTrust) {
  Town town = build_town(two_group_city(), {"services.discrimination_base=0.2"});
  run_months(town, Levers{}, 12, true);
  const Population& r = town.world.residents;
  double discriminated = 0.0, others = 0.0;
  std::size_t discriminated_count = 0, other_count = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.age_class[i] == static_cast<std::uint8_t>(AgeClass::child)) continue;
    if (r.last_discrimination_day[i] >= 6 * days_per_month) {  // an event in the last six months
      discriminated += r.institutional_trust[i];
      ++discriminated_count;
    } else if (r.discrimination_events[i] == 0) {
      others += r.institutional_trust[i];
      ++other_count;
    }
  }
  ASSERT_GT(discriminated_count, 0u);
  ASSERT_GT(other_count, 0u);
  EXPECT_LT(discriminated / static_cast<double>(discriminated_count), others / static_cast<double>(other_count) - 0.005);
}

TEST(LabourServices, TrustRecoversTowardItsBaselineWithoutNewEvents) {
  Town town = build_town(two_group_city(), {"services.use_per_month=0"});
  Population& r = town.world.residents;
  for (float& trust : r.institutional_trust) trust = 0.2f;
  run_months(town, Levers{}, 12, true);
  const float baseline = town.config.services.institutional_trust_baseline;
  for (std::size_t i = 0; i < r.size(); i += 97) {
    EXPECT_GT(r.institutional_trust[i], 0.3f);
    EXPECT_LT(r.institutional_trust[i], baseline);
  }
}

TEST(LabourServices, EveryEmployedResidentHasAWorkplaceWithinItsCapacity) {
  // Workplaces start full (capacity 1 per config, so exactly as many places as workers):
  // hires can only fill the places that job losses free.
  Town town = build_town(two_group_city(), {"venues.workplace.capacity=1"});
  const LabourTally tally = run_months(town, Levers{}, 12);
  EXPECT_GT(tally.hires, 0);
  const Population& r = town.world.residents;
  const Venues& venues = town.world.venues;
  std::vector<std::uint32_t> staff(venues.size(), 0);
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.employed[i] == 0) {
      if (r.age_class[i] == static_cast<std::uint8_t>(AgeClass::adult)) {
        EXPECT_EQ(r.fixed_venue[i], no_venue) << i;
      }
      continue;
    }
    ASSERT_EQ(r.age_class[i], static_cast<std::uint8_t>(AgeClass::adult)) << i;
    ASSERT_NE(r.fixed_venue[i], no_venue) << i;
    ASSERT_EQ(venues.kind[r.fixed_venue[i]], VenueKind::workplace) << i;
    ++staff[r.fixed_venue[i]];
  }
  for (std::uint32_t v = 0; v < venues.size(); ++v) EXPECT_LE(staff[v], venues.capacity[v]) << "venue " << v;
}

TEST(LabourServices, SameResultFor1And2Threads) {
  const auto run = [](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    Town town = build_town(two_group_city(), {larger, "services.discrimination_base=0.2"});
    run_months(town, Levers{}, 6, true);
    HashArchive hasher;
    Population& r = town.world.residents;
    archive_vector(hasher, r.employed);
    archive_vector(hasher, r.fixed_venue);
    archive_vector(hasher, r.institutional_trust);
    archive_vector(hasher, r.belonging);
    archive_vector(hasher, r.discrimination_events);
    return hasher.value();
  };
  EXPECT_EQ(run(1), run(2));
}

}  // namespace
}  // namespace convivia::testing
