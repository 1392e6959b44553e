// Progress of a sweep on standard error: on a terminal one line redrawn in place (runs done of the
// total, failures, runs running, rate and time left); otherwise (logs, batch jobs) a plain line each
// time another tenth of the runs has finished, and at the end.
#pragma once

#include <chrono>

namespace convivia::sweep {

class SweepProgress {
 public:
  // total: runs of this shard; already_done: complete before this invocation; to_run: the rest.
  SweepProgress(int total, int already_done, int to_run, bool enabled);
  void update(int finished, int failed, int running);
  void finish(int finished, int failed);

 private:
  void draw(int finished, int failed, int running, bool last);

  int total_;
  int already_done_;
  int to_run_;
  bool enabled_;
  bool terminal_;
  int next_plain_report_ = 1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace convivia::sweep
