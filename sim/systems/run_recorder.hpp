// Keeps everything a run has reported to its observers (every slot's sampled venues, every day's
// and month's indicators), so that a run resumed from a checkpoint can hand the output writer the
// same calls the interrupted run made before going on: the resumed file is then the same, dataset
// for dataset, as one written without interruption. Only used when checkpoints are written; it
// holds a few kilobytes per simulated day at default recording.
#pragma once

#include "core/state_archive.hpp"
#include "systems/run_observer.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

class RunRecorder final : public RunObserver {
 public:
  void on_slot(int tick, std::span<const std::uint32_t> sample_venues) override;
  void on_day(const DailyIndicators& daily, std::span<const float> sample_outgroup_trust) override;
  void on_month(const MonthlyIndicators& monthly) override;

  // Makes the recorded calls again, in their order (on_start and on_finish are not recorded).
  void replay(RunObserver& observer) const;
  // Writes or reads everything recorded (checkpoints).
  void archive(StateArchive& archive);

 private:
  enum Call : std::uint8_t { slot_call, day_call, month_call };
  std::vector<std::uint8_t> calls_;
  std::vector<std::int32_t> ticks_;
  std::vector<std::uint32_t> sample_venues_;  // per slot call, in order
  std::vector<float> sample_trust_;           // per day call, in order
  std::uint64_t sample_count_ = 0;
  std::vector<DailyIndicators> days_;
  std::vector<MonthlyIndicators> months_;
};

}  // namespace convivia
