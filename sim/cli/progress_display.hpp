// Progress of a run: on a terminal a bar redrawn in place with rate and time left; otherwise (logs,
// batch jobs) a plain line every tenth of the run. Writes to standard error so standard output stays
// free for results.
#pragma once

#include "systems/run_observer.hpp"

#include <chrono>
#include <cstdint>

namespace convivia {

class ProgressDisplay final : public RunObserver {
 public:
  // first_day: the day a resumed run starts with (rates and time left count from there).
  ProgressDisplay(int total_days, std::size_t resident_count, int first_day = 0);
  void on_day(const DailyIndicators& daily, std::span<const float> sample_trust) override;
  void on_finish(int days_run) override;

 private:
  int total_days_;
  int first_day_ = 0;
  std::size_t resident_count_;
  bool terminal_;
  int next_plain_report_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace convivia
