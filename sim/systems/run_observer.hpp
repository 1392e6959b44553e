// What a running simulation reports to the outside: the HDF5 writer, the progress display and the
// summary all implement this interface, so the engine itself never includes HDF5 or terminal code.
// Calls come from the simulation thread, in time order.
#pragma once

#include "systems/indicators.hpp"

#include <cstdint>
#include <span>

namespace convivia {

struct World;
struct ScenarioConfig;

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // Once, after the world is built. sample_residents are the ids recorded for the viewer.
  virtual void on_start(const ScenarioConfig&, const World&, std::span<const std::uint32_t> sample_residents) {}
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
