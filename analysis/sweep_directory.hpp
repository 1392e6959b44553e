// The directory a sweep runs into:
//   plan.json              the plan (plan_json.hpp): which sweep this directory holds
//   sweep.toml             the sweep file as last used, for reference
//   runs/run-000042.h5     run 42's output file (written under a temporary name, then renamed)
//   runs/run-000042.json   run 42's record: done or failed (with the error), written last
//   runs/run-000042.log    standard error of a failed run
// A run is complete when its record says done (and, for scenario runs, its file exists); a run
// without a record is redone. Records and plan are written to a temporary file (named after host
// and process, so shards on several nodes never share one) and renamed, so a kill at any moment
// leaves either the old state or the new one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace convivia::sweep {

struct SweepDirectory {
  std::string root;

  std::string plan_path() const { return root + "/plan.json"; }
  std::string sweep_copy_path() const { return root + "/sweep.toml"; }
  std::string runs_path() const { return root + "/runs"; }
  std::string run_stem(int run) const;
  std::string run_file(int run) const { return run_stem(run) + ".h5"; }
  std::string record_file(int run) const { return run_stem(run) + ".json"; }
  std::string log_file(int run) const { return run_stem(run) + ".log"; }
};

// Creates the directory for this plan, or opens it if it holds the same sweep (then stores the new
// plan text, whose outcomes may have changed). Throws InputError (file = dir) if it holds a different
// sweep, or exists with other files in it.
SweepDirectory prepare_sweep_directory(const std::string& dir, const std::string& plan_json_text, const std::string& sweep_text);

// An existing sweep directory (for collect); throws InputError if dir holds no plan.json.
SweepDirectory open_sweep_directory(const std::string& dir);
std::string read_text_file(const std::string& path);

enum class RunStatus { missing, done, failed };
const char* run_status_name(RunStatus status);

struct RunRecord {
  int run = 0;
  RunStatus status = RunStatus::missing;
  std::uint64_t seed = 0;
  std::string error;        // failed runs: what went wrong
  int exit_status = 0;      // of the run's process; 128 + n when killed by signal n
  double wall_seconds = 0.0;
  std::string git_commit;   // of the program that ran it
  std::map<std::string, double> outcomes;  // test models: their outcome values
};

// The run's record, or nullopt if there is none (or it cannot be read: treated as not run).
std::optional<RunRecord> read_run_record(const SweepDirectory& directory, int run);
void write_run_record(const SweepDirectory& directory, const RunRecord& record);

// Writes text to a temporary file beside path and renames it into place; throws OutputError.
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace convivia::sweep
