// Starting and reaping run processes (see child_process.hpp).
#include "analysis/child_process.hpp"

#include "io/hdf5_run_writer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>

namespace convivia::sweep {
namespace {

int wake_pipe[2] = {-1, -1};
std::atomic<int> interrupt_signal{0};

extern "C" void on_sweep_child(int) {
  const int saved = errno;
  const char byte = 'c';
  [[maybe_unused]] const ssize_t written = ::write(wake_pipe[1], &byte, 1);
  errno = saved;
}

extern "C" void on_sweep_interrupt(int signal_number) {
  interrupt_signal = signal_number;
  on_sweep_child(signal_number);
}

struct sigaction previous_chld{}, previous_int{}, previous_term{};

}  // namespace

std::string ChildExit::describe() const {
  if (signal != 0) {
    const char* name = strsignal(signal);
    return "killed by signal " + std::to_string(signal) + " (" + (name != nullptr ? name : "?") + ")";
  }
  return "exited with status " + std::to_string(exit_code);
}

pid_t start_child(const std::vector<std::string>& argv, const std::string& log_path) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log < 0) throw OutputError("cannot open the run log " + log_path + ": " + std::strerror(errno));
  const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the parent died before the line above
    if (null >= 0) {
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDOUT_FILENO);
    }
    ::dup2(log, STDERR_FILENO);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execv(args[0], args.data());
    const char message[] = "cannot start the run program\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(127);
  }
  const int fork_error = errno;
  ::close(log);
  if (null >= 0) ::close(null);
  if (pid < 0) throw OutputError(std::string("cannot start a run process: ") + std::strerror(fork_error));
  return pid;
}

ChildWatch::ChildWatch() {
  interrupt_signal = 0;
  if (::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) throw OutputError(std::string("cannot create a pipe: ") + std::strerror(errno));
  struct sigaction action {};
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  action.sa_handler = on_sweep_child;
  ::sigaction(SIGCHLD, &action, &previous_chld);
  action.sa_flags = SA_RESTART;
  action.sa_handler = on_sweep_interrupt;
  ::sigaction(SIGINT, &action, &previous_int);
  ::sigaction(SIGTERM, &action, &previous_term);
}

ChildWatch::~ChildWatch() {
  ::sigaction(SIGCHLD, &previous_chld, nullptr);
  ::sigaction(SIGINT, &previous_int, nullptr);
  ::sigaction(SIGTERM, &previous_term, nullptr);
  ::close(wake_pipe[0]);
  ::close(wake_pipe[1]);
  wake_pipe[0] = wake_pipe[1] = -1;
}

std::vector<ChildExit> ChildWatch::wait(int timeout_ms) {
  std::vector<ChildExit> ended;
  const auto reap = [&] {
    int status = 0;
    pid_t pid = 0;
    while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
      ChildExit exit;
      exit.pid = pid;
      if (WIFEXITED(status)) exit.exit_code = WEXITSTATUS(status);
      if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
      ended.push_back(exit);
    }
  };
  reap();
  if (!ended.empty() || interrupt_signal != 0) return ended;
  pollfd wake{wake_pipe[0], POLLIN, 0};
  ::poll(&wake, 1, timeout_ms);
  std::array<char, 64> drain{};
  while (::read(wake_pipe[0], drain.data(), drain.size()) > 0) {
  }
  reap();
  return ended;
}

int ChildWatch::interrupted() const { return interrupt_signal; }

CommandResult run_and_capture(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  int pipe_ends[2];
  if (::pipe2(pipe_ends, O_CLOEXEC) != 0) throw OutputError(std::string("cannot create a pipe: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_ends[1], STDOUT_FILENO);
    ::dup2(pipe_ends[1], STDERR_FILENO);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipe_ends[1]);
  if (pid < 0) {
    ::close(pipe_ends[0]);
    throw OutputError(std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
  }
  CommandResult result;
  std::array<char, 4096> buffer{};
  ssize_t got = 0;
  while ((got = ::read(pipe_ends[0], buffer.data(), buffer.size())) != 0) {
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) break;
    result.output.append(buffer.data(), static_cast<std::size_t>(got));
  }
  ::close(pipe_ends[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit.pid = pid;
  if (WIFEXITED(status)) result.exit.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.exit.signal = WTERMSIG(status);
  return result;
}

ChildExit run_to_end(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  if (pid < 0) throw OutputError(std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ChildExit exit;
  exit.pid = pid;
  if (WIFEXITED(status)) exit.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
  return exit;
}

std::string current_executable() {
  std::array<char, PATH_MAX> path{};
  const ssize_t length = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (length <= 0) throw OutputError("cannot find the running program (/proc/self/exe)");
  return std::string(path.data(), static_cast<std::size_t>(length));
}

}  // namespace convivia::sweep
