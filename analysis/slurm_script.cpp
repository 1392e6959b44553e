// Slurm job-array scripts and their submission (see slurm_script.hpp).
#include "analysis/slurm_script.hpp"

#include "analysis/child_process.hpp"
#include "io/hdf5_run_writer.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <sstream>

namespace convivia::sweep {
namespace {

constexpr int slurm_default_max_array = 1001;

std::string job_name(const std::string& name) {
  std::string out = "convivia-";
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return out.substr(0, 64);
}

}  // namespace

std::string shell_quote(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

SlurmLayout slurm_layout(int runs, int runs_per_task, int max_array) {
  SlurmLayout layout;
  layout.runs = runs;
  layout.max_array = max_array > 0 ? max_array : slurm_default_max_array;
  runs_per_task = std::max(runs_per_task, 1);
  layout.tasks = std::max(1, (runs + runs_per_task - 1) / runs_per_task);
  // Shards are balanced blocks, so the largest holds ceil(runs / tasks) <= runs_per_task runs.
  layout.runs_per_task = (runs + layout.tasks - 1) / layout.tasks;
  for (int offset = 0; offset < layout.tasks; offset += layout.max_array)
    layout.chunks.push_back(ArrayChunk{offset, std::min(layout.max_array, layout.tasks - offset)});
  return layout;
}

std::string sbatch_script(const SweepFile& sweep, const SlurmLayout& layout, const SlurmOptions& options, const std::string& executable,
                          const std::string& sweep_path, const std::string& directory) {
  std::string s = "#!/bin/bash\n";
  s += fmt::format("# Slurm job array for the sweep \"{}\": {} runs in {} tasks of at most {} runs each.\n", sweep.name, layout.runs,
                   layout.tasks, layout.runs_per_task);
  s += "# Written by `convivia sweep slurm`. Submit with submit.sh beside this file, which sends the tasks as\n";
  s += fmt::format("# {} array(s) of at most {} tasks (Slurm's MaxArraySize, or --max-array); each array adds its\n", layout.chunks.size(),
                   layout.max_array);
  s += "# CONVIVIA_TASK_OFFSET to the array index. Resubmitting redoes only runs that are not complete.\n";
  s += "# Then: convivia sweep collect " + shell_quote(directory) + " -o experiments.h5\n";
  s += "#SBATCH --job-name=" + job_name(sweep.name) + "\n";
  s += fmt::format("#SBATCH --array=0-{}\n", layout.chunks.front().count - 1);
  s += fmt::format("#SBATCH --cpus-per-task={}\n", options.cpus_per_task);
  s += "#SBATCH --output=" + directory + "/slurm/task-%A_%a.out\n";
  if (!options.time_limit.empty()) s += "#SBATCH --time=" + options.time_limit + "\n";
  if (!options.partition.empty()) s += "#SBATCH --partition=" + options.partition + "\n";
  if (!options.memory.empty()) s += "#SBATCH --mem=" + options.memory + "\n";
  for (const std::string& extra : options.extra) s += "#SBATCH " + extra + "\n";
  s += "set -euo pipefail\n";
  s += "task=$(( SLURM_ARRAY_TASK_ID + ${CONVIVIA_TASK_OFFSET:-0} ))\n";
  s += fmt::format("exec {} sweep run {} -o {} --shard \"$task/{}\" --cores \"${{SLURM_CPUS_PER_TASK:-{}}}\"\n", shell_quote(executable),
                   shell_quote(sweep_path), shell_quote(directory), layout.tasks, options.cpus_per_task);
  return s;
}

std::vector<std::string> sbatch_arguments(const ArrayChunk& chunk, const std::string& script_path) {
  return {"--parsable", fmt::format("--array=0-{}", chunk.count - 1), fmt::format("--export=ALL,CONVIVIA_TASK_OFFSET={}", chunk.offset),
          script_path};
}

std::string submit_script(const SlurmLayout& layout, const std::string& script_path) {
  std::string s = "#!/bin/bash\n# Submits the sweep's job array(s); written by `convivia sweep slurm`.\nset -euo pipefail\n";
  for (const ArrayChunk& chunk : layout.chunks) {
    s += "sbatch";
    for (const std::string& argument : sbatch_arguments(chunk, script_path)) s.append(" ").append(shell_quote(argument));
    s += "\n";
  }
  return s;
}

int cluster_max_array_size() {
  CommandResult result;
  try {
    result = run_and_capture({"scontrol", "show", "config"});
  } catch (const OutputError&) {
    return 0;
  }
  if (!result.exit.success()) return 0;
  std::istringstream lines(result.output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("MaxArraySize", 0) != 0) continue;
    const auto equals = line.find('=');
    if (equals == std::string::npos) return 0;
    try {
      return std::stoi(line.substr(equals + 1));
    } catch (const std::exception&) {
      return 0;
    }
  }
  return 0;
}

std::vector<std::string> submit_arrays(const SlurmLayout& layout, const std::string& script_path) {
  std::vector<std::string> jobs;
  for (const ArrayChunk& chunk : layout.chunks) {
    std::vector<std::string> argv = {"sbatch"};
    for (const std::string& argument : sbatch_arguments(chunk, script_path)) argv.push_back(argument);
    const CommandResult result = run_and_capture(argv);
    std::string output = result.output;
    while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
    if (result.exit.exit_code == 127 && jobs.empty())
      throw OutputError("cannot run sbatch: it is not installed here; submit from a Slurm login node, or run " + script_path + " there");
    if (!result.exit.success()) {
      std::string submitted;
      for (const std::string& job : jobs) submitted += " " + job;
      throw OutputError("sbatch " + result.exit.describe() + ": " + output +
                        (jobs.empty() ? std::string() : "; already submitted:" + submitted));
    }
    jobs.push_back(output.substr(0, output.find(';')));
  }
  return jobs;
}

}  // namespace convivia::sweep
