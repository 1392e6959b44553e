// `convivia sweep` (see sweep_command.hpp).
#include "cli/sweep_command.hpp"

#include "analysis/child_process.hpp"
#include "analysis/plan_check.hpp"
#include "analysis/plan_json.hpp"
#include "analysis/slurm_script.hpp"
#include "analysis/sweep_collect.hpp"
#include "analysis/sweep_directory.hpp"
#include "analysis/sweep_runner.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <oneapi/tbb/info.h>
#include <sys/stat.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>

namespace convivia {
namespace {

namespace fs = std::filesystem;
using namespace convivia::sweep;

// The command that collects a sweep directory into a file inside it, where `convivia report` finds
// the run files for its maps without being told (--runs).
std::string collect_hint(const std::string& directory) {
  return fmt::format("convivia sweep collect {} -o {}", directory, (fs::path(directory) / "experiments.h5").string());
}

struct LoadedSweep {
  SweepPlan plan;
  std::string base_text;  // the base scenario as its runs record it
  double residents = 0.0;  // per run, for choosing how many run at once
};

// Reads the sweep file and plans it; with check, every design point is loaded as its run will be.
LoadedSweep load_sweep(const std::string& path, bool check, bool quiet) {
  LoadedSweep loaded;
  loaded.plan = make_plan(read_sweep_file(path));
  const SweepFile& sweep = loaded.plan.sweep;
  if (sweep.model == SweepModel::scenario) {
    std::vector<std::string> fixed;
    for (const FixedValue& value : sweep.fixed) fixed.push_back(value.key + "=" + value.literal);
    try {
      const LoadedScenario base = load_scenario(sweep.base, fixed);
      loaded.base_text = base.file.text;
      loaded.residents = simulated_residents(base);
    } catch (const InputError&) {
      check = true;  // check_plan reports it against the sweep file
    }
  }
  if (check) {
    if (!quiet && loaded.plan.points.size() > 200)
      fmt::print(stderr, "checking {} design points against the base scenario...\n", loaded.plan.points.size());
    check_plan(loaded.plan);
  }
  return loaded;
}

// "1 factor", "2 factors".
std::string counted(std::size_t count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string plan_summary(const SweepPlan& plan) {
  const SweepFile& sweep = plan.sweep;
  std::string base = sweep.model == SweepModel::scenario ? "base " + sweep.base : std::string("built-in model ") + model_name(sweep.model);
  std::size_t seed_points = 0;
  for (std::size_t p = 0; p < plan.points.size(); ++p) seed_points += plan.points[p].seed_point == static_cast<int>(p);
  std::string crn;
  if (sweep.common_random_numbers && seed_points < plan.points.size())
    crn = fmt::format("; common random numbers: the {} points use {}", plan.points.size(), counted(seed_points, "set", "sets") + " of seeds");
  return fmt::format("sweep '{}': {} design, {}, {} x {} = {} ({}{})", sweep.name, design_kind_name(sweep.design.kind),
                     counted(sweep.factors.size(), "factor", "factors"), counted(plan.points.size(), "point", "points"),
                     counted(static_cast<std::size_t>(sweep.replicates), "replicate", "replicates"),
                     counted(plan.runs.size(), "run", "runs"), base, crn);
}

Shard parse_shard(const std::string& text) {
  Shard shard;
  const auto slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    std::size_t used = 0;
    shard.index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("index");
    const std::string count = text.substr(slash + 1);
    shard.count = std::stoi(count, &used);
    if (used != count.size()) throw std::invalid_argument("count");
  } catch (const std::exception&) {
    throw InputError("--shard", 0, "", "expected I/N with 0 <= I < N, e.g. --shard 0/4, got '" + text + "'");
  }
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
    throw InputError("--shard", 0, "", "expected I/N with 0 <= I < N (shards count from 0), got '" + text + "'");
  return shard;
}

double available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string name;
  double kib = 0.0;
  std::string unit;
  while (meminfo >> name >> kib >> unit)
    if (name == "MemAvailable:") return kib * 1024.0;
  return 0.0;
}

// The directory for this plan; the plan is checked only when the directory is new (an existing
// plan.json with the same identity was checked when it was written).
SweepDirectory open_for_plan(const SweepOptions& options, LoadedSweep& loaded, bool quiet) {
  const std::string plan_text = plan_json(loaded.plan, loaded.base_text);
  const std::string stored = read_text_file(SweepDirectory{fs::absolute(options.directory).string()}.plan_path());
  if (stored.empty() || plan_identity(stored) != plan_identity(plan_text)) loaded = load_sweep(options.sweep, true, quiet);
  return prepare_sweep_directory(options.directory, plan_json(loaded.plan, loaded.base_text), loaded.plan.sweep.text);
}

int plan_command(const SweepOptions& options) {
  const LoadedSweep loaded = load_sweep(options.sweep, true, false);
  const std::string csv = design_csv(loaded.plan);
  if (options.output.empty() || options.output == "-") {
    fmt::print("{}", csv);
  } else {
    write_file_atomically(options.output, csv);
  }
  fmt::print(stderr, "{}; every point checked\n", plan_summary(loaded.plan));
  if (!options.output.empty() && options.output != "-") fmt::print(stderr, "wrote {}\n", options.output);
  const DesignKind kind = loaded.plan.sweep.design.kind;
  const int n = kind == DesignKind::sobol ? loaded.plan.sweep.design.points : loaded.plan.sweep.design.base_points;
  if ((kind == DesignKind::sobol || kind == DesignKind::saltelli) && (n & (n - 1)) != 0)
    fmt::print(stderr, "note: {} is not a power of 2; Sobol' points are best balanced in blocks of 2^m\n", n);
  return 0;
}

int run_command(const SweepOptions& options) {
  LoadedSweep loaded = load_sweep(options.sweep, false, options.quiet);
  const Shard shard = options.shard.empty() ? Shard{} : parse_shard(options.shard);
  const SweepDirectory directory = open_for_plan(options, loaded, options.quiet);
  const SweepPlan& plan = loaded.plan;
  const auto [begin, end] = shard_range(static_cast<int>(plan.runs.size()), shard);
  const int cores = options.cores > 0 ? options.cores : tbb::info::default_concurrency();
  RunnerOptions runner;
  runner.executable = current_executable();
  runner.shard = shard;
  runner.progress = !options.quiet;
  runner.parallelism = choose_parallelism(cores, end - begin, loaded.residents, available_memory_bytes(), options.jobs, options.threads);
  if (!options.quiet) {
    fmt::print(stderr, "{}\n", plan_summary(plan));
    if (plan.sweep.model == SweepModel::scenario)
      fmt::print(stderr, "{}runs {}..{}: {} at once with {} thread{} each ({}, {} cores), into {}\n",
                 shard.count > 1 ? fmt::format("shard {}/{}, ", shard.index, shard.count) : std::string(), begin, end - 1,
                 runner.parallelism.jobs, runner.parallelism.threads, runner.parallelism.threads == 1 ? "" : "s", runner.parallelism.reason,
                 cores, directory.root);
  }
  const RunnerResult result = run_sweep(plan, directory, runner);
  if (result.interrupted_by != 0) {
    fmt::print(stderr, "interrupted: {} runs of {} are complete; run the same command again to do the rest\n",
               result.already_done + result.finished - result.failed, result.total);
    return 128 + result.interrupted_by;
  }
  if (!options.quiet) {
    if (result.finished == 0)
      fmt::print(stderr, "all {} runs were already complete\n", result.total);
    else
      fmt::print(stderr, "{} runs done now, {} complete before\n", result.finished - result.failed, result.already_done);
  }
  if (result.failed > 0) {
    fmt::print(stderr, "{} run{} failed; each error is in {}/run-NNNNNN.json (and .log). Run the same command again to retry them.\n",
               result.failed, result.failed == 1 ? "" : "s", directory.runs_path());
    return 1;
  }
  if (!options.quiet) fmt::print(stderr, "next: {}\n", collect_hint(options.directory));
  return 0;
}

int slurm_command(const SweepOptions& options) {
  LoadedSweep loaded = load_sweep(options.sweep, false, false);
  const SweepDirectory directory = open_for_plan(options, loaded, false);
  const SweepPlan& plan = loaded.plan;
  SlurmOptions slurm;
  slurm.runs_per_task = options.runs_per_task;
  slurm.cpus_per_task = options.cpus_per_task;
  slurm.time_limit = options.time_limit;
  slurm.partition = options.partition;
  slurm.memory = options.memory;
  slurm.extra = options.sbatch_options;
  int max_array = options.max_array;
  std::string max_array_source = "--max-array";
  if (max_array == 0) {
    max_array = cluster_max_array_size();
    max_array_source = max_array > 0 ? "the cluster's MaxArraySize" : "Slurm's default MaxArraySize";
  }
  const SlurmLayout layout = slurm_layout(static_cast<int>(plan.runs.size()), options.runs_per_task, max_array);
  const std::string slurm_directory = directory.root + "/slurm";
  fs::create_directories(slurm_directory);
  const std::string script = slurm_directory + "/sweep.sbatch";
  const std::string submit = slurm_directory + "/submit.sh";
  write_file_atomically(script, sbatch_script(plan.sweep, layout, slurm, current_executable(), fs::absolute(options.sweep).lexically_normal().string(),
                                              directory.root));
  write_file_atomically(submit, submit_script(layout, script));
  ::chmod(script.c_str(), 0755);
  ::chmod(submit.c_str(), 0755);
  fmt::print(stderr, "{}\n", plan_summary(plan));
  fmt::print(stderr, "{} tasks of at most {} runs, {} CPU{} each, as {} array{} of at most {} tasks ({})\n", layout.tasks, layout.runs_per_task,
             slurm.cpus_per_task, slurm.cpus_per_task == 1 ? "" : "s", layout.chunks.size(), layout.chunks.size() == 1 ? "" : "s",
             layout.max_array, max_array_source);
  fmt::print(stderr, "wrote {} and {}\n", script, submit);
  if (!options.submit) {
    fmt::print(stderr, "submit with: {}\nthen, when the jobs are done: {}\n", submit, collect_hint(options.directory));
    return 0;
  }
  const std::vector<std::string> jobs = submit_arrays(layout, script);
  for (const std::string& job : jobs) fmt::print("{}\n", job);
  fmt::print(stderr, "submitted job array{} {}; follow with squeue --me; collect with: {}\n", jobs.size() == 1 ? "" : "s",
             fmt::join(jobs, ", "), collect_hint(options.directory));
  return 0;
}

int collect_command(const SweepOptions& options) {
  const CollectResult result = collect_sweep(options.directory, options.output);
  fmt::print(stderr, "collected {} runs: {} done, {} failed, {} missing\nwrote {}\n", result.runs, result.done, result.failed, result.missing,
             options.output);
  if (result.failed + result.missing > 0)
    fmt::print(stderr, "note: runs that are not done have status failed or missing and NaN outcomes; run the sweep again to complete them\n");
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, SweepOptions& options) {
  CLI::App* sweep = app.add_subcommand("sweep", "Parameter sweeps: plan, run locally or on Slurm, collect (docs/sweeps.md)");
  sweep->require_subcommand(0, 1);
  sweep->footer(
      "\nA sweep file names a base scenario, factors (scenario keys with values or ranges), a design, replicates, a master\n"
      "seed and the outcomes to keep. Start with:\n"
      "  convivia sweep plan scenarios/sweeps/tiny-mediators.toml\n"
      "  convivia sweep run scenarios/sweeps/tiny-mediators.toml -o sweep-out\n"
      "  convivia sweep collect sweep-out -o experiments.h5");

  CLI::App* plan = sweep->add_subcommand("plan", "Check a sweep file and print (or write) its design table as CSV");
  plan->add_option("sweep", options.sweep, "Sweep file (TOML)")->required()->check(CLI::ExistingFile);
  plan->add_option("-o,--output", options.output, "Write the design table to FILE instead of standard output")->type_name("FILE");
  plan->footer("\nEvery design point is loaded as its run will be, so a bad key or value is reported (file, line, key)\n"
               "before anything runs. Exit status: 0 valid, 2 bad input.");

  CLI::App* run = sweep->add_subcommand("run", "Run a sweep (or one shard of it) on this machine into a directory");
  run->add_option("sweep", options.sweep, "Sweep file (TOML)")->required()->check(CLI::ExistingFile);
  run->add_option("-o,--output", options.directory, "Sweep directory: one HDF5 file and one record per run")->required();
  run->add_option("--jobs", options.jobs, "Runs at once (default: one per core, fewer if memory is short)")->check(CLI::Range(1, 4096));
  run->add_option("--threads", options.threads, "Threads per run (default: cores / jobs); results do not depend on it")->check(CLI::Range(1, 1024));
  run->add_option("--cores", options.cores, "Cores to use (default: all this process may use)")->check(CLI::Range(1, 4096));
  run->add_option("--shard", options.shard, "Run only shard I of N (0 <= I < N): a contiguous block of the runs")->type_name("I/N");
  run->add_flag("-q,--quiet", options.quiet, "No progress display");
  run->footer(
      "\nRunning the same command again skips complete runs and redoes the others (also after kill -9). A failed run is\n"
      "recorded with its error and the sweep goes on; rerunning retries it. A directory holding a different sweep is\n"
      "refused. Exit status: 0 all runs done; 1 some runs failed; 2 bad input; 128 + signal when interrupted.");

  CLI::App* slurm = sweep->add_subcommand("slurm", "Write (and with --submit, submit) a Slurm job array for a sweep");
  slurm->add_option("sweep", options.sweep, "Sweep file (TOML)")->required()->check(CLI::ExistingFile);
  slurm->add_option("-o,--output", options.directory, "Sweep directory on a file system the compute nodes share")->required();
  slurm->add_option("--runs-per-task", options.runs_per_task, "Runs bundled into one array task (default 1)")->check(CLI::Range(1, 1000000));
  slurm->add_option("--max-array", options.max_array, "Largest array to submit (default: the cluster's MaxArraySize, else 1001)")
      ->check(CLI::Range(1, 100000000));
  slurm->add_option("--cpus-per-task", options.cpus_per_task, "CPUs of each task; its runs share them (default 1)")->check(CLI::Range(1, 4096));
  slurm->add_option("--time", options.time_limit, "Time limit of each task (sbatch --time), e.g. 02:00:00");
  slurm->add_option("--partition", options.partition, "Partition (sbatch --partition)");
  slurm->add_option("--mem", options.memory, "Memory of each task (sbatch --mem), e.g. 4G");
  slurm->add_option("--sbatch-option", options.sbatch_options, "Another sbatch option for the script, e.g. --account=abc (repeatable)")
      ->type_name("OPTION")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  slurm->add_flag("--submit", options.submit, "Submit the array(s) with sbatch and print the job ids");

  CLI::App* collect = sweep->add_subcommand("collect", "Collect a sweep directory into one experiments file (HDF5)");
  collect->add_option("directory", options.directory, "Sweep directory")->required();
  collect->add_option("-o,--output", options.output, "Experiments file to write, e.g. experiments.h5")->required();
  collect->footer("\nThe file holds the design table with seeds and status, every scalar outcome and the kept series of all runs;\n"
                  "docs/sweeps.md shows how to read it with h5py and pandas.");
}

int sweep_command(const CLI::App& app, const SweepOptions& options) {
  const CLI::App* sweep = app.get_subcommand("sweep");
  try {
    if (sweep->got_subcommand("plan")) return plan_command(options);
    if (sweep->got_subcommand("run")) return run_command(options);
    if (sweep->got_subcommand("slurm")) return slurm_command(options);
    if (sweep->got_subcommand("collect")) return collect_command(options);
    fmt::print("{}", sweep->help());
    return 0;
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  } catch (const std::exception& error) {
    fmt::print(stderr, "internal error: {}\n", error.what());
    return 1;
  }
  return 2;
}

}  // namespace convivia
