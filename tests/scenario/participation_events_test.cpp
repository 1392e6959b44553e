// Scenario tests of civic forums (systems/participation) and scheduled media events (systems/events)
// on small synthetic towns: each compares runs that differ in one setting.
#include "support/scenario_fixture.hpp"
#include "systems/events.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <numeric>

namespace convivia::testing {
namespace {

constexpr int wednesday = 2;  // forums meet on Wednesdays by default; day 0 is a Monday

std::string forum_city(float reach, const std::string& extra = "") {
  return two_group_city("[participation]\nreach = " + std::to_string(reach) + "\n" + extra);
}

// Residents seen at a civic forum, per tick, through a sample of every resident.
class ForumWatcher final : public RunObserver {
 public:
  explicit ForumWatcher(const Simulation& simulation) : simulation_(simulation) {}
  void on_slot(int tick, std::span<const std::uint32_t> venues) override {
    std::int64_t at_forum = 0;
    for (std::uint32_t v : venues) at_forum += simulation_.world().venues.kind[v] == VenueKind::civic_forum ? 1 : 0;
    by_tick.push_back({tick, at_forum});
  }
  void on_day(const DailyIndicators& daily, std::span<const float>) override { days.push_back(daily); }
  std::vector<std::pair<int, std::int64_t>> by_tick;
  std::vector<DailyIndicators> days;

 private:
  const Simulation& simulation_;
};

std::int64_t total_attendance(const std::vector<DailyIndicators>& days) {
  std::int64_t total = 0;
  for (const DailyIndicators& day : days) total += day.forum_attendance;
  return total;
}

TEST(Participation, ForumsMeetOnlyInTheLeisureSlotOfTheirWeekday) {
  // Forums open in the daytime too: residents are still drawn only in the leisure slot.
  auto simulation = make_simulation(forum_city(0.5f, "[venues.civic_forum]\nslots = [\"daytime\", \"leisure\"]\n"),
                                    {"output.sample_residents=100000"});
  ForumWatcher watcher(*simulation);
  run_days(*simulation, watcher, 14);
  ASSERT_EQ(watcher.by_tick.size(), 14u * 3u);
  for (const auto& [tick, at_forum] : watcher.by_tick) {
    const int day = tick / 3, slot = tick % 3;
    if (day % 7 == wednesday && slot == static_cast<int>(Slot::leisure)) {
      EXPECT_GT(at_forum, 0) << "day " << day;
    } else {
      EXPECT_EQ(at_forum, 0) << "day " << day << " slot " << slot;
    }
  }
  for (const DailyIndicators& day : watcher.days) EXPECT_EQ(day.forum_attendance > 0, day.day % 7 == wednesday) << day.day;
}

TEST(Participation, AttendanceRisesWithReach) {
  auto low = make_simulation(forum_city(0.1f));
  auto high = make_simulation(forum_city(0.3f));
  DailyRecorder low_days, high_days;
  run_days(*low, low_days, 14);
  run_days(*high, high_days, 14);
  EXPECT_GT(total_attendance(high_days.days), 2 * total_attendance(low_days.days));
  EXPECT_GT(high_days.days.back().forum_attendance_per_1000, low_days.days.back().forum_attendance_per_1000);
}

TEST(Participation, AttendanceRisesWithPropensity) {
  // The minority does not speak the language, so its propensity is lower: it is under-represented.
  auto simulation = make_simulation(
      forum_city(0.5f), {"groups=[{name=\"majority\", share=0.7}, {name=\"minority\", share=0.3, speaks_language=false}]"});
  DailyRecorder recorder;
  run_days(*simulation, recorder, 3);
  const DailyIndicators& wednesday_indicators = recorder.days[wednesday];
  ASSERT_GT(wednesday_indicators.forum_attendance, 0);
  EXPECT_GT(wednesday_indicators.forum_representation_by_group[0], 1.05);
  EXPECT_LT(wednesday_indicators.forum_representation_by_group[1], 0.85);
}

double mean_institutional_trust(const Simulation& simulation, bool adults) {
  const Population& r = simulation.world().residents;
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if ((r.age_class[i] != static_cast<std::uint8_t>(AgeClass::child)) != adults) continue;
    sum += r.institutional_trust[i];
    ++count;
  }
  return sum / static_cast<double>(count);
}

TEST(Participation, AttendingRaisesInstitutionalTrust) {
  // Without discrimination only forums move institutional trust; children never attend.
  const std::string no_discrimination = "[encounters]\ndiscrimination_base = 0.0\n";
  auto with_forums = make_simulation(forum_city(0.8f, no_discrimination));
  auto without = make_simulation(forum_city(0.0f, no_discrimination));
  DailyRecorder a, b;
  run_days(*with_forums, a, 21);
  run_days(*without, b, 21);
  EXPECT_GT(mean_institutional_trust(*with_forums, true), mean_institutional_trust(*without, true) + 0.005);
  EXPECT_DOUBLE_EQ(mean_institutional_trust(*with_forums, false), mean_institutional_trust(*without, false));
}

TEST(Participation, RepresentationLeverRaisesTheLeastRepresentedGroup) {
  const std::vector<std::string> groups = {
      "groups=[{name=\"majority\", share=0.7}, {name=\"minority\", share=0.3, speaks_language=false}]"};
  auto neutral = make_simulation(forum_city(0.5f), groups);
  auto widened = make_simulation(forum_city(0.5f), groups);
  widened->levers().representation = 1.0f;
  DailyRecorder a, b;
  run_days(*neutral, a, 3);
  run_days(*widened, b, 3);
  const std::int64_t minority_neutral = a.days[wednesday].forum_attendance_by_group[1];
  const std::int64_t minority_widened = b.days[wednesday].forum_attendance_by_group[1];
  EXPECT_GT(minority_widened, minority_neutral + minority_neutral / 5);
  EXPECT_GT(b.days[wednesday].forum_representation_by_group[1], a.days[wednesday].forum_representation_by_group[1]);
}

// Trust of group a toward group b at the end of each day, with and without the media event.
struct ShockRuns {
  DailyRecorder with_event, without_event;
};

ShockRuns run_media_shock(float damping, int days) {
  ShockRuns runs;
  auto with_event = make_simulation_from_file("scenarios/examples/media-shock.toml");
  auto without_event = make_simulation_from_file("scenarios/examples/media-shock.toml", {"events=[]"});
  with_event->levers().event_damping = damping;
  run_days(*with_event, runs.with_event, days);
  run_days(*without_event, runs.without_event, days);
  return runs;
}

constexpr std::size_t established = 0, newcomers = 1, second_generation = 2, group_count = 3;

TEST(MediaEvents, NegativeNewsLowersTrustTowardTheTargetGroupOnItsDay) {
  const ShockRuns runs = run_media_shock(0.0f, 11);
  const auto& before_with = runs.with_event.days[9].trust_matrix;
  const auto& before_without = runs.without_event.days[9].trust_matrix;
  EXPECT_EQ(before_with, before_without) << "nothing differs before day 10";
  const auto& with = runs.with_event.days[10].trust_matrix;
  const auto& without = runs.without_event.days[10].trust_matrix;
  const auto at = [](std::size_t a, std::size_t b) { return a * group_count + b; };
  // strength 0.3: about 30% of the trust toward newcomers is lost (less for residents with ties).
  EXPECT_LT(with[at(established, newcomers)], 0.8 * without[at(established, newcomers)]);
  EXPECT_LT(with[at(second_generation, newcomers)], 0.8 * without[at(second_generation, newcomers)]);
  EXPECT_NEAR(with[at(established, second_generation)], without[at(established, second_generation)], 0.005);
  EXPECT_NEAR(with[at(newcomers, established)], without[at(newcomers, established)], 0.005);
  EXPECT_NEAR(with[at(newcomers, newcomers)], without[at(newcomers, newcomers)], 0.005);
}

TEST(MediaEvents, FullDampingRemovesTheEffect) {
  const ShockRuns runs = run_media_shock(1.0f, 11);
  EXPECT_EQ(runs.with_event.days[10].trust_matrix, runs.without_event.days[10].trust_matrix);
}

TEST(MediaEvents, ResidentsWithTiesToTheGroupLoseLess) {
  auto simulation = make_simulation(two_group_city());
  World world = simulation->world();
  Population& r = world.residents;
  std::fill(r.tie_resident.begin(), r.tie_resident.end(), no_resident);
  std::uint32_t some_minority = no_resident;
  for (std::size_t i = 0; i < r.size() && some_minority == no_resident; ++i)
    if (r.group[i] == 1) some_minority = static_cast<std::uint32_t>(i);
  // Every other majority resident gets a tie to a minority resident.
  std::vector<std::size_t> tied, untied;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.group[i] != 0 || r.trust[i * 2 + 1] <= 0.0f) continue;  // a relative loss needs some trust to lose
    if (i % 2 == 0) {
      r.tie_resident[i * tie_slots] = some_minority;
      r.tie_group[i * tie_slots] = 1;
      tied.push_back(i);
    } else {
      untied.push_back(i);
    }
  }
  const std::vector<float> before = r.trust;
  apply_media_event(r, EventKind::negative_media, 1, 0.4f, 0.0f, 0.5f);
  const auto mean_relative_loss = [&](const std::vector<std::size_t>& ids) {
    double sum = 0.0;
    for (std::size_t i : ids) sum += 1.0 - r.trust[i * 2 + 1] / before[i * 2 + 1];
    return sum / static_cast<double>(ids.size());
  };
  EXPECT_NEAR(mean_relative_loss(untied), 0.4, 1e-4);
  EXPECT_NEAR(mean_relative_loss(tied), 0.2, 1e-4);
  for (std::size_t i : tied) EXPECT_EQ(r.trust[i * 2 + 0], before[i * 2 + 0]) << "in-group trust untouched";
}

TEST(MediaEvents, PrejudiceDecayRecoversTrustOnlyWhenTheLeverIsSet) {
  auto neutral = make_simulation_from_file("scenarios/examples/media-shock.toml");
  auto decaying = make_simulation_from_file("scenarios/examples/media-shock.toml");
  decaying->levers().prejudice_decay = 0.5f;
  DailyRecorder a, b;
  run_days(*neutral, a, 15);
  run_days(*decaying, b, 15);
  const std::size_t toward_newcomers = established * group_count + newcomers;
  EXPECT_EQ(a.days[13].trust_matrix, b.days[13].trust_matrix) << "no weekly step between the event and day 14";
  EXPECT_GT(b.days[14].trust_matrix[toward_newcomers], a.days[14].trust_matrix[toward_newcomers] + 0.02);
}

TEST(MediaEvents, ForumsAndEventsAreTheSameForAnyThreadCount) {
  const auto run = [](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    auto simulation = make_simulation_from_file("scenarios/examples/media-shock.toml", {"participation.reach=0.5"});
    simulation->levers().prejudice_decay = 0.3f;
    simulation->levers().representation = 0.5f;
    DailyRecorder recorder;
    run_days(*simulation, recorder, 15);
    return std::make_pair(simulation->state_hash(), recorder.days.back().forum_representation_by_group);
  };
  const auto one = run(1);
  const auto two = run(2);
  EXPECT_EQ(one.first, two.first);
  EXPECT_EQ(one.second, two.second);
}

}  // namespace
}  // namespace convivia::testing
