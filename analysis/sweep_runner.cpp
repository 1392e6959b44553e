// The sweep runner (see sweep_runner.hpp).
#include "analysis/sweep_runner.hpp"

#include "analysis/child_process.hpp"
#include "io/hdf5_handles.hpp"
#include "io/input_error.hpp"
#include "analysis/run_outcomes.hpp"
#include "analysis/sweep_progress.hpp"
#include "analysis/test_models.hpp"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>

#include "convivia_git_commit.hpp"

namespace convivia::sweep {
namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

constexpr double bytes_per_resident = 300.0;
constexpr double bytes_per_process = 64.0 * 1024 * 1024;

bool is_complete(const SweepPlan& plan, const SweepDirectory& directory, int run) {
  const std::optional<RunRecord> record = read_run_record(directory, run);
  if (!record || record->status != RunStatus::done) return false;
  std::error_code error;
  return plan.sweep.model != SweepModel::scenario || fs::is_regular_file(directory.run_file(run), error);
}

// Temporary files of runs killed before they finished (the run writer's "<file>.tmp-<pid>").
void remove_stale_temporaries(const SweepDirectory& directory, const std::vector<int>& runs) {
  std::map<std::string, bool> stems;
  for (int run : runs) stems[fs::path(directory.run_stem(run)).filename().string()] = true;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory.runs_path(), error)) {
    const std::string name = entry.path().filename().string();
    const auto tmp = name.find(".tmp-");
    if (tmp == std::string::npos) continue;
    const std::string stem = name.substr(0, name.find('.'));
    if (stems.count(stem) > 0) fs::remove(entry.path(), error);
  }
}

std::string log_tail(const std::string& path) {
  std::string text = read_text_file(path);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  constexpr std::size_t keep = 1500;
  if (text.size() > keep) text = "..." + text.substr(text.size() - keep);
  return text;
}

std::vector<std::string> run_command(const SweepPlan& plan, const SweepDirectory& directory, const RunnerOptions& options,
                                     const PlannedRun& run) {
  std::vector<std::string> argv = {options.executable, "run", plan.sweep.base, "-o", directory.run_file(run.run), "--seed",
                                   std::to_string(run.seed), "--threads", std::to_string(options.parallelism.threads), "--quiet"};
  for (const std::string& override_text : plan.overrides(run.point)) {
    argv.push_back("--set");
    argv.push_back(override_text);
  }
  return argv;
}

// Every outcome of the plan read from one run file; throws InputError naming the sweep file.
void check_outcomes(const SweepPlan& plan, const std::string& run_file) {
  const hid_t id = open_run_file(run_file);
  if (id < 0) throw OutputError("cannot open the run file " + run_file);
  hdf5::Handle file(id, H5Fclose);
  for (std::size_t i = 0; i < plan.sweep.outcomes.size(); ++i) {
    const OutcomeSpec& outcome = plan.sweep.outcomes[i];
    try {
      const RunSeries series = read_outcome_series(file.get(), outcome);
      if (outcome.summary != Summary::series) summarise(series, outcome);
    } catch (const OutcomeError& error) {
      throw InputError(plan.sweep.path, outcome.line, "outcomes[" + std::to_string(i) + "]",
                       std::string(error.what()) + " (checked in " + run_file + ")");
    }
  }
}

RunRecord evaluate_test_run(const SweepPlan& plan, const PlannedRun& run) {
  const SweepFile& sweep = plan.sweep;
  std::vector<double> inputs;
  for (const std::string& input : test_model_inputs(sweep.model)) {
    const auto factor = std::find_if(sweep.factors.begin(), sweep.factors.end(), [&](const FactorSpec& f) { return f.key == input; });
    inputs.push_back(plan.points[static_cast<std::size_t>(run.point)].values[static_cast<std::size_t>(factor - sweep.factors.begin())].number);
  }
  RunRecord record;
  record.run = run.run;
  record.status = RunStatus::done;
  record.seed = run.seed;
  record.git_commit = CONVIVIA_GIT_COMMIT;
  record.outcomes["y"] = evaluate_test_model(sweep.model, inputs);
  return record;
}

}  // namespace

std::pair<int, int> shard_range(int runs, const Shard& shard) {
  const auto begin = static_cast<int>(static_cast<long long>(shard.index) * runs / shard.count);
  const auto end = static_cast<int>(static_cast<long long>(shard.index + 1) * runs / shard.count);
  return {begin, end};
}

Parallelism choose_parallelism(int cores, int runs, double residents_per_run, double available_bytes, int jobs, int threads) {
  cores = std::max(cores, 1);
  Parallelism p;
  if (jobs > 0) {
    p.jobs = jobs;
    p.reason = "as asked";
  } else {
    const double per_run = bytes_per_process + bytes_per_resident * residents_per_run;
    const int by_memory = available_bytes > 0 ? std::max(1, static_cast<int>(0.8 * available_bytes / per_run)) : cores;
    p.jobs = std::max(1, std::min({cores, std::max(runs, 1), by_memory}));
    p.reason = p.jobs == cores          ? "one run per core"
               : p.jobs == by_memory && by_memory < cores ? "as many as memory holds"
                                        : "one per run left";
  }
  p.threads = threads > 0 ? threads : std::max(1, cores / p.jobs);
  return p;
}

RunnerResult run_sweep(const SweepPlan& plan, const SweepDirectory& directory, const RunnerOptions& options) {
  RunnerResult result;
  const auto [begin, end] = shard_range(static_cast<int>(plan.runs.size()), options.shard);
  result.total = end - begin;
  std::vector<int> to_do;
  for (int run = begin; run < end; ++run) {
    if (is_complete(plan, directory, run)) {
      ++result.already_done;
    } else {
      to_do.push_back(run);
    }
  }
  remove_stale_temporaries(directory, to_do);
  SweepProgress progress(result.total, result.already_done, static_cast<int>(to_do.size()), options.progress);
  const bool in_process = plan.sweep.model != SweepModel::scenario;

  struct Running {
    int run;
    clock_type::time_point start;
  };
  std::map<pid_t, Running> running;
  ChildWatch watch;
  std::size_t next = 0;
  bool outcomes_checked = false;
  bool stopping = false;
  std::optional<InputError> fatal;

  const auto stop_running = [&] {
    if (stopping) return;
    stopping = true;
    for (const auto& [pid, run] : running) ::kill(pid, SIGTERM);
  };

  while (next < to_do.size() || !running.empty()) {
    while (!stopping && watch.interrupted() == 0 && next < to_do.size() &&
           (in_process || static_cast<int>(running.size()) < options.parallelism.jobs)) {
      const PlannedRun& run = plan.runs[static_cast<std::size_t>(to_do[next++])];
      if (in_process) {
        write_run_record(directory, evaluate_test_run(plan, run));
        ++result.finished;
        progress.update(result.finished, result.failed, 0);
        continue;
      }
      const pid_t pid = start_child(run_command(plan, directory, options, run), directory.log_file(run.run));
      running[pid] = Running{run.run, clock_type::now()};
    }
    if (watch.interrupted() != 0) stop_running();
    if (running.empty()) {
      if (stopping || watch.interrupted() != 0) break;
      continue;
    }
    for (const ChildExit& exit : watch.wait(1000)) {
      const auto it = running.find(exit.pid);
      if (it == running.end()) continue;
      const int run = it->second.run;
      RunRecord record;
      record.run = run;
      record.seed = plan.runs[static_cast<std::size_t>(run)].seed;
      record.exit_status = exit.status();
      record.wall_seconds = std::chrono::duration<double>(clock_type::now() - it->second.start).count();
      record.git_commit = CONVIVIA_GIT_COMMIT;
      running.erase(it);
      // A run stopped because the sweep was interrupted is not a failure: it is redone next time.
      const bool stopped = stopping && !exit.success() &&
                           (exit.signal == SIGTERM || exit.signal == SIGINT || exit.status() == 128 + SIGTERM || exit.status() == 128 + SIGINT);
      if (stopped) continue;
      if (exit.success()) {
        record.status = RunStatus::done;
        if (!outcomes_checked && !fatal) {
          try {
            check_outcomes(plan, directory.run_file(run));
            outcomes_checked = true;
          } catch (const InputError& error) {
            fatal = error;
            stop_running();
          }
        }
        std::error_code ignored;
        fs::remove(directory.log_file(run), ignored);
      } else {
        record.status = RunStatus::failed;
        record.error = "the run " + exit.describe();
        const std::string tail = log_tail(directory.log_file(run));
        if (!tail.empty()) record.error += ": " + tail;
        ++result.failed;
      }
      write_run_record(directory, record);
      ++result.finished;
    }
    progress.update(result.finished, result.failed, static_cast<int>(running.size()));
  }
  progress.finish(result.finished, result.failed);
  if (fatal) throw *fatal;
  result.interrupted_by = watch.interrupted();
  return result;
}

}  // namespace convivia::sweep
