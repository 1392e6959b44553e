// Sweeps on a Slurm cluster as job arrays. The runs are cut into tasks of at most K runs each
// (--runs-per-task, for runs too short to be worth a task each); task t runs shard t of T with
// `convivia sweep run SWEEP -o DIR --shard t/T --cores $SLURM_CPUS_PER_TASK`, so a task behaves
// exactly like a local sweep: it skips complete runs and redoes the rest. Slurm limits array indices
// to MaxArraySize - 1 (`scontrol show config`; 1001 by default), so more tasks than that are
// submitted as several arrays of at most that many tasks, each with an offset added to its index.
#pragma once

#include "analysis/sweep_file.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct SlurmOptions {
  int runs_per_task = 1;
  int max_array = 0;  // largest array size allowed; 0: ask the cluster (scontrol), else 1001
  int cpus_per_task = 1;
  std::string time_limit;  // --time, e.g. 02:00:00
  std::string partition;
  std::string memory;      // --mem, e.g. 4G
  std::vector<std::string> extra;  // more sbatch options, one #SBATCH line each
};

struct ArrayChunk {
  int offset = 0;  // index of the chunk's first task
  int count = 0;   // tasks in the chunk (array indices 0 .. count - 1)
};

struct SlurmLayout {
  int runs = 0;
  int tasks = 0;
  int runs_per_task = 0;  // at most, after balancing
  int max_array = 0;
  std::vector<ArrayChunk> chunks;
};

SlurmLayout slurm_layout(int runs, int runs_per_task, int max_array);

// The sbatch script; paths must be absolute (the tasks start in another directory, on other nodes).
std::string sbatch_script(const SweepFile& sweep, const SlurmLayout& layout, const SlurmOptions& options, const std::string& executable,
                          const std::string& sweep_path, const std::string& directory);

// sbatch's arguments for one chunk of the array (without the program name).
std::vector<std::string> sbatch_arguments(const ArrayChunk& chunk, const std::string& script_path);

// A shell script that submits every chunk (the same commands --submit runs).
std::string submit_script(const SlurmLayout& layout, const std::string& script_path);

// MaxArraySize of the cluster, or 0 if scontrol is not available or does not say.
int cluster_max_array_size();

// Submits every chunk with `sbatch --parsable`; returns the job ids. Throws OutputError with sbatch's
// message if a submission fails (chunks submitted before stay submitted, and are named).
std::vector<std::string> submit_arrays(const SlurmLayout& layout, const std::string& script_path);

// A word quoted for the shell.
std::string shell_quote(const std::string& word);

}  // namespace convivia::sweep
