// Live mode: a simulation of a scenario running in a background thread, one day ahead of what the
// viewer shows, and the controls the room can change while it runs. The thread owns the
// Simulation; the viewer's thread only exchanges data with it through this class, under one mutex:
// new slots, days and months are handed over by drain(), and changed settings are applied by the
// thread before its next day (Simulation::set_policy_intensity, set_behaviour), so a change acts
// from the next simulated day and the run stays deterministic given the days changes were made on.
#pragma once

#include "run_data.hpp"

#include "io/scenario_loader.hpp"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace convivia::viz {

struct LiveSettings {
  std::vector<float> policy_intensity;  // one per policy of LiveRun::policies()
  EncounterConfig encounters;
  ActivityConfig activity;
  bool operator==(const LiveSettings&) const;
};

class LiveRun {
 public:
  // Loads the scenario (throws InputError). Every modelled policy kind the scenario does not use is
  // added city-wide at intensity 0 and no cost, so each kind has a slider.
  LiveRun(const std::string& scenario_path, const std::vector<std::string>& overrides);
  ~LiveRun();
  LiveRun(const LiveRun&) = delete;
  LiveRun& operator=(const LiveRun&) = delete;

  const ScenarioConfig& scenario() const { return scenario_.file.config; }
  const std::vector<PolicyConfig>& policies() const { return scenario_.file.config.policies; }
  // The scenario's own values of the settings.
  LiveSettings scenario_settings() const;

  // (Re)starts from day 0 with `seed` and `settings` (building the world in the thread).
  void restart(std::uint64_t seed, const LiveSettings& settings);
  // The thread simulates until `days` days are done (or the scenario's run.days).
  void request_days(std::int64_t days);
  // Applied before the next simulated day.
  void change_settings(const LiveSettings& settings);
  // The first day simulated with the last change, or -1 while it waits for that day (or none was made).
  std::int64_t last_change_day() const { return pending_changed_flag_ ? -1 : last_change_day_.load(); }

  // Moves what the simulation produced since the last call into `data`, which is replaced by a new
  // world after a restart.
  enum class Drained { nothing, more, new_world };
  Drained drain(RunData& data);
  bool building() const { return building_; }
  std::int64_t days_done() const { return days_done_; }
  std::int64_t planned_days() const { return scenario_.file.config.run.days; }
  std::uint64_t seed() const { return seed_; }
  // Why the thread stopped early (for example a data file that fails while building), or empty.
  std::string error() const;

 private:
  class Collector;
  void stop();
  void run_thread(std::uint64_t seed, LiveSettings settings);
  void simulate(std::uint64_t seed, const LiveSettings& settings);

  LoadedScenario scenario_;
  std::uint64_t seed_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::string error_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::int64_t requested_days_ = 0;
  LiveSettings pending_;
  bool pending_changed_ = false;
  std::unique_ptr<Collector> collector_;
  std::atomic<bool> building_{false};
  std::atomic<std::int64_t> days_done_{0};
  std::atomic<std::int64_t> last_change_day_{-1};
  std::atomic<bool> pending_changed_flag_{false};
};

}  // namespace convivia::viz
