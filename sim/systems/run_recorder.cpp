// The run recorder (see run_recorder.hpp).
#include "systems/run_recorder.hpp"

#include "systems/indicators_state.hpp"

namespace convivia {

void RunRecorder::on_slot(int tick, std::span<const std::uint32_t> sample_venues) {
  calls_.push_back(slot_call);
  ticks_.push_back(tick);
  sample_count_ = sample_venues.size();
  sample_venues_.insert(sample_venues_.end(), sample_venues.begin(), sample_venues.end());
}

void RunRecorder::on_day(const DailyIndicators& daily, std::span<const float> sample_outgroup_trust) {
  calls_.push_back(day_call);
  days_.push_back(daily);
  sample_trust_.insert(sample_trust_.end(), sample_outgroup_trust.begin(), sample_outgroup_trust.end());
}

void RunRecorder::on_month(const MonthlyIndicators& monthly) {
  calls_.push_back(month_call);
  months_.push_back(monthly);
}

void RunRecorder::replay(RunObserver& observer) const {
  std::size_t slot = 0, day = 0, month = 0;
  const auto n = static_cast<std::size_t>(sample_count_);
  for (const std::uint8_t call : calls_) {
    if (call == slot_call) {
      observer.on_slot(ticks_[slot], std::span<const std::uint32_t>(sample_venues_.data() + slot * n, n));
      ++slot;
    } else if (call == day_call) {
      observer.on_day(days_[day], std::span<const float>(sample_trust_.data() + day * n, n));
      ++day;
    } else {
      observer.on_month(months_[month++]);
    }
  }
}

void RunRecorder::archive(StateArchive& a) {
  archive_vector(a, calls_);
  archive_vector(a, ticks_);
  archive_vector(a, sample_venues_);
  archive_vector(a, sample_trust_);
  archive_value(a, sample_count_);
  std::uint64_t day_count = days_.size(), month_count = months_.size();
  archive_value(a, day_count);
  archive_value(a, month_count);
  if (a.reading()) {
    // Each recorded day or month takes at least a few bytes: a damaged count cannot allocate more.
    if (day_count > a.remaining() || month_count > a.remaining()) throw StateError("the recorded run is longer than the data left");
    days_.resize(static_cast<std::size_t>(day_count));
    months_.resize(static_cast<std::size_t>(month_count));
  }
  for (DailyIndicators& daily : days_) archive_indicators(a, daily);
  for (MonthlyIndicators& monthly : months_) archive_indicators(a, monthly);
  if (a.reading()) {
    std::size_t slots = 0, days = 0, months = 0;
    for (const std::uint8_t call : calls_) (call == slot_call ? slots : call == day_call ? days : months) += 1;
    const auto n = static_cast<std::size_t>(sample_count_);
    if (slots != ticks_.size() || days != days_.size() || months != months_.size() || sample_venues_.size() != slots * n ||
        sample_trust_.size() != days * n)
      throw StateError("the recorded run is inconsistent");
  }
}

}  // namespace convivia
