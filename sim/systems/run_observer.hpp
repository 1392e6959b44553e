// What a running simulation reports to the outside: the HDF5 writer, the progress display and the
// summary all implement this interface, so the engine itself never includes HDF5 or terminal code.
// Calls come from the simulation thread, in time order.
#pragma once

#include "systems/indicators.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace convivia {

struct World;
struct ScenarioConfig;

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // Once, after the world is built. sample_residents are the ids recorded for the viewer.
  virtual void on_start(const ScenarioConfig&, const World&, std::span<const std::uint32_t> /*sample_residents*/) {}
  // After activity choice of every slot (tick = day * 3 + slot): the venue of each sampled resident.
  virtual void on_slot(int /*tick*/, std::span<const std::uint32_t> /*sample_venues*/) {}
  // End of each day: the day's indicators and each sampled resident's mean out-group trust.
  virtual void on_day(const DailyIndicators&, std::span<const float> /*sample_outgroup_trust*/) {}
  // Start of each 30-day month (day 0, 30, 60, ...), before that day's slots.
  virtual void on_month(const MonthlyIndicators&) {}
  // After the last day. Observers finish their work here (e.g. close and rename files).
  virtual void on_finish(int /*days_run*/) {}
};

}  // namespace convivia

namespace convivia {

// Passes every call on to several observers in order (e.g. the file writer, then the progress display).
class ObserverList final : public RunObserver {
 public:
  void add(RunObserver& observer) { observers_.push_back(&observer); }
  void on_start(const ScenarioConfig& config, const World& world, std::span<const std::uint32_t> sample) override {
    for (RunObserver* o : observers_) o->on_start(config, world, sample);
  }
  void on_slot(int tick, std::span<const std::uint32_t> venues) override {
    for (RunObserver* o : observers_) o->on_slot(tick, venues);
  }
  void on_day(const DailyIndicators& daily, std::span<const float> trust) override {
    for (RunObserver* o : observers_) o->on_day(daily, trust);
  }
  void on_month(const MonthlyIndicators& monthly) override {
    for (RunObserver* o : observers_) o->on_month(monthly);
  }
  void on_finish(int days_run) override {
    for (RunObserver* o : observers_) o->on_finish(days_run);
  }

 private:
  std::vector<RunObserver*> observers_;
};

}  // namespace convivia
