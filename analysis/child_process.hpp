// Child processes for sweep runs: each run is `convivia run ...` in a process of its own, so a run
// that crashes, runs out of memory or is killed takes only itself down. The child's standard output
// goes to /dev/null and its standard error to a log file; the child is killed if the sweep process
// dies (Linux parent-death signal), so a sweep killed with -9 leaves no run behind it still writing.
// The parent learns of finished children through a self-pipe written by its SIGCHLD handler, which
// works whatever other threads the process has.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace convivia::sweep {

// Starts argv[0] with argv; throws OutputError if the log cannot be opened or fork fails.
pid_t start_child(const std::vector<std::string>& argv, const std::string& log_path);

struct ChildExit {
  pid_t pid = 0;
  int exit_code = 0;  // if exited
  int signal = 0;     // if killed by a signal
  bool success() const { return signal == 0 && exit_code == 0; }
  // 128 + signal for a killed child, like a shell.
  int status() const { return signal != 0 ? 128 + signal : exit_code; }
  std::string describe() const;
};

// Installs the SIGCHLD, SIGINT and SIGTERM handlers for the lifetime of the object: SIGINT and
// SIGTERM then only set interrupted() (the runner stops starting runs and waits for those running).
class ChildWatch {
 public:
  ChildWatch();
  ~ChildWatch();
  ChildWatch(const ChildWatch&) = delete;
  ChildWatch& operator=(const ChildWatch&) = delete;

  // Waits up to timeout_ms for a child to end or a signal; returns the children that ended.
  std::vector<ChildExit> wait(int timeout_ms);
  // The signal that interrupted the sweep (SIGINT or SIGTERM), or 0.
  int interrupted() const;
};

// Runs argv (searched in PATH) to its end and returns its exit and its standard output and error
// together; for short commands such as sbatch and scontrol. A program that cannot be started
// exits with 127.
struct CommandResult {
  ChildExit exit;
  std::string output;
};
CommandResult run_and_capture(const std::vector<std::string>& argv);

// Runs argv[0] (an absolute path) with argv to its end, sharing this process's standard error, with
// its standard output sent to our standard error (for helper programs whose progress lines belong
// there). A program that cannot be started exits with 127.
ChildExit run_to_end(const std::vector<std::string>& argv);

// The absolute path of the running program (/proc/self/exe).
std::string current_executable();

}  // namespace convivia::sweep
