// Checkpoints restore the whole state: a simulation saved after some days and restored into a fresh
// simulation of the same scenario goes on exactly as the original (same state hash every day, same
// indicators bit for bit), also when restored on another thread count; and the state hash covers
// what a checkpoint restores, so restoring into a simulation that ran differently changes it back.
#include "io/checkpoint.hpp"
#include "io/input_error.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

namespace convivia::testing {
namespace {

// Policies, events and turnover, so their state is exercised too; days 28 to 33 span a month start
// and the event.
std::string busy_city() {
  return two_group_city(R"(
[[groups]]
name = "newcomers"
share = 0.2
arrival_rate_per_year = 0.5
departure_rate_per_year = 0.3
[[events]]
day = 33
kind = "negative_media"
group = "newcomers"
strength = 0.2
[[policies]]
kind = "intercultural_mediators"
intensity = 0.8
start_day = 10
annual_cost = 1000
)");
}

std::string scratch_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()))).string();
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Checkpoint, RestoredSimulationGoesOnExactly) {
  const std::string text = busy_city();
  const ScenarioConfig config = parse_scenario_text(text, "test.toml", {}, source_dir());
  const std::string path = scratch_path("convivia-checkpoint-test");

  auto original = make_simulation(text);
  RunRecorder recorder;
  original->start(recorder);
  for (int d = 0; d < 28; ++d) original->step_day(recorder);
  const CheckpointHeader header{checkpoint_scenario_hash(config), config.run.seed, original->day(),
                                original->world().residents.size()};
  write_checkpoint(path, header, *original, recorder);
  EXPECT_EQ(verify_checkpoint(path).day, 28);

  auto restored = make_simulation(text);
  RunRecorder restored_recorder;
  RunObserver none;
  restored->start(none);
  EXPECT_NE(restored->state_hash(), original->state_hash());
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    restore_checkpoint(path, header.scenario_sha256, *restored, restored_recorder);
  }
  EXPECT_EQ(restored->state_hash(), original->state_hash());
  DailyRecorder a, b;
  for (int d = 0; d < 6; ++d) {
    original->step_day(a);
    {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
      restored->step_day(b);
    }
    ASSERT_EQ(restored->state_hash(), original->state_hash()) << "day " << original->day();
    EXPECT_TRUE(same_bits(a.days.back().mean_outgroup_trust, b.days.back().mean_outgroup_trust));
    EXPECT_EQ(a.days.back().forum_attendance_per_1000, b.days.back().forum_attendance_per_1000);
  }
  ASSERT_EQ(a.months.size(), 1u);
  ASSERT_EQ(b.months.size(), 1u);
  EXPECT_TRUE(same_bits(a.months[0].cohesion_index, b.months[0].cohesion_index));
  std::filesystem::remove(path);
}

TEST(Checkpoint, RefusesAnotherScenarioAndDamage) {
  const std::string text = two_group_city();
  const std::string path = scratch_path("convivia-checkpoint-refused");
  auto simulation = make_simulation(text);
  RunRecorder recorder;
  simulation->start(recorder);
  simulation->step_day(recorder);
  write_checkpoint(path, CheckpointHeader{"abc", 5, 1, simulation->world().residents.size()}, *simulation, recorder);
  auto other = make_simulation(text);
  EXPECT_THROW(restore_checkpoint(path, "another", *other, recorder), InputError);
  {
    std::FILE* file = std::fopen(path.c_str(), "r+b");
    ASSERT_NE(file, nullptr);
    std::fseek(file, 200, SEEK_SET);
    const int byte = std::fgetc(file);
    std::fseek(file, 200, SEEK_SET);
    std::fputc(byte ^ 0x01, file);
    std::fclose(file);
  }
  EXPECT_THROW(verify_checkpoint(path), InputError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace convivia::testing
