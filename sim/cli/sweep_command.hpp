// `convivia sweep plan|run|slurm|collect`: parameter sweeps from a laptop to a cluster
// (docs/sweeps.md). The work is done by the analysis library; this file reads the command line,
// prints what happens and maps errors to exit statuses (2 bad input, 1 failed runs or output).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace convivia {

struct SweepOptions {
  std::string sweep;      // the sweep file (plan, run, slurm)
  std::string directory;  // -o of run and slurm, the directory of collect
  std::string output;     // -o of plan and collect
  int jobs = 0;
  int threads = 0;
  int cores = 0;
  std::string shard;
  bool quiet = false;
  int runs_per_task = 1;
  int max_array = 0;
  int cpus_per_task = 1;
  std::string time_limit;
  std::string partition;
  std::string memory;
  std::vector<std::string> sbatch_options;
  bool submit = false;
};

void add_sweep_command(CLI::App& app, SweepOptions& options);
// Runs the sweep subcommand that was given; returns the exit status.
int sweep_command(const CLI::App& app, const SweepOptions& options);

}  // namespace convivia
