// Terminal progress bar or plain progress lines (see progress_display.hpp).
#include "cli/progress_display.hpp"

#include "systems/step_context.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace convivia {
namespace {

std::string clock_text(double seconds) {
  const auto s = static_cast<long long>(std::max(0.0, seconds) + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ProgressDisplay::ProgressDisplay(int total_days, std::size_t resident_count, int first_day)
    : total_days_(std::max(total_days, 1)), first_day_(first_day), resident_count_(resident_count), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

void ProgressDisplay::on_day(const DailyIndicators& daily, std::span<const float>) {
  const int done = daily.day + 1;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const int done_here = std::max(1, done - first_day_);
  const double rate = elapsed > 0.0 ? static_cast<double>(done_here) * slots_per_day * static_cast<double>(resident_count_) / elapsed : 0.0;
  const double left = elapsed / done_here * (total_days_ - done);
  const double fraction = static_cast<double>(done) / total_days_;
  if (terminal_) {
    constexpr int width = 30;
    const int filled = static_cast<int>(fraction * width);
    fmt::print(stderr, "\r[{}{}] day {}/{} {:3.0f}%  {:.1f} M resident-slots/s  {} left  diversity as resource {:.1f}%  ",
               std::string(static_cast<std::size_t>(filled), '#'), std::string(static_cast<std::size_t>(width - filled), '.'), done,
               total_days_, fraction * 100.0, rate / 1e6, clock_text(left), daily.diversity_resource_share * 100.0);
    std::fflush(stderr);
  } else if (done >= next_plain_report_ || done == total_days_) {
    fmt::print(stderr, "day {}/{} ({:.0f}%), {:.1f} M resident-slots/s, {} elapsed, {} left\n", done, total_days_, fraction * 100.0,
               rate / 1e6, clock_text(elapsed), clock_text(left));
    next_plain_report_ = done + std::max(1, total_days_ / 10);
  }
}

void ProgressDisplay::on_finish(int) {
  if (terminal_) fmt::print(stderr, "\n");
}

}  // namespace convivia
