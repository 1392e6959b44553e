// Sweep progress display (see sweep_progress.hpp).
#include "analysis/sweep_progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace convivia::sweep {
namespace {

std::string clock_text(double seconds) {
  const auto s = static_cast<long long>(std::max(0.0, seconds) + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

SweepProgress::SweepProgress(int total, int already_done, int to_run, bool enabled)
    : total_(total), already_done_(already_done), to_run_(to_run), enabled_(enabled), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

void SweepProgress::draw(int finished, int failed, int running, bool last) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double per_minute = elapsed > 0.0 ? finished * 60.0 / elapsed : 0.0;
  const std::string left = finished > 0 ? clock_text(elapsed / finished * (to_run_ - finished)) : std::string("-");
  const int done = already_done_ + finished - failed;
  const std::string failures = failed > 0 ? fmt::format(", {} failed", failed) : std::string();
  if (terminal_) {
    constexpr int width = 30;
    const double fraction = total_ > 0 ? static_cast<double>(already_done_ + finished) / total_ : 1.0;
    const int filled = static_cast<int>(fraction * width);
    fmt::print(stderr, "\r[{}{}] {}/{} runs done{}, {} running, {:.1f} runs/min, {} left   ", std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(width - filled), '.'), done, total_, failures, running, per_minute, left);
    if (last) fmt::print(stderr, "\n");
    std::fflush(stderr);
  } else {
    fmt::print(stderr, "{}/{} runs done{}, {:.1f} runs/min, {} elapsed, {} left\n", done, total_, failures, per_minute, clock_text(elapsed),
               last ? clock_text(0) : left);
  }
}

void SweepProgress::update(int finished, int failed, int running) {
  if (!enabled_ || to_run_ == 0) return;
  if (terminal_) {
    draw(finished, failed, running, false);
  } else if (finished * 10 >= next_plain_report_ * to_run_ && finished < to_run_) {
    draw(finished, failed, running, false);
    while (finished * 10 >= next_plain_report_ * to_run_) ++next_plain_report_;
  }
}

void SweepProgress::finish(int finished, int failed) {
  if (enabled_ && to_run_ > 0) draw(finished, failed, 0, true);
}

}  // namespace convivia::sweep
