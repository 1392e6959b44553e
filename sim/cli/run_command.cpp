// `convivia run` (see run_command.hpp). Exit status: 0 success, 2 bad input, 1 internal or output
// failure, 130 interrupted. A failed or interrupted run leaves no output file behind.
#include "cli/run_command.hpp"

#include "cli/progress_display.hpp"
#include "cli/reference_run.hpp"
#include "cli/run_summary.hpp"
#include "io/atomic_file.hpp"
#include "io/checkpoint.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"
#include "systems/run_recorder.hpp"
#include "systems/simulation.hpp"

#include <fmt/core.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

namespace convivia {
namespace {

std::atomic<int> interrupted_by{0};
extern "C" void on_interrupt(int signal_number) { interrupted_by = signal_number; }

struct Interrupted {};

std::string default_output_path(const std::string& scenario) {
  return std::filesystem::path(scenario).stem().string() + ".h5";
}

}  // namespace

void add_run_command(CLI::App& app, RunOptions& options) {
  CLI::App* run = app.add_subcommand("run", "Run a scenario and write its results to an HDF5 file");
  run->footer(
      "\nExamples:\n"
      "  convivia run scenarios/default.toml\n"
      "  convivia run scenarios/default.toml -o baseline.h5 --days 730 --seed 7 --set city.scale=0.05\n"
      "  convivia run scenario.toml --summary - --quiet     (JSON summary on standard output)\n"
      "  convivia run scenario.toml -o run.h5 --checkpoint-every 30     (a checkpoint every 30 days: run.h5.checkpoint)\n"
      "  convivia run scenario.toml -o run.h5 --resume run.h5.checkpoint  (go on from it; same scenario and options)\n"
      "\nExit status: 0 success; 2 bad input or an output path that cannot be written (the message says what to\n"
      "fix); 1 internal error or a failure while writing; 128 + signal number when interrupted.");
  run->add_option("scenario", options.scenario, "Scenario file (TOML)")->required()->check(CLI::ExistingFile);
  run->add_option("-o,--output", options.output, "Output file (default: the scenario's file name with .h5, in the current directory)")
      ->check([](const std::string& path) { return path.empty() ? std::string("the output path is empty") : std::string(); });
  run->add_option("--days", options.days, "Simulated days (default: run.days of the scenario)")->check(CLI::Range(1, 36500));
  run->add_option("--seed", options.seed, "Random seed, a non-negative integer (default: run.seed of the scenario)")
      ->check([](const std::string& text) {
        return text.find_first_not_of("0123456789") == std::string::npos && !text.empty()
                   ? std::string()
                   : "expected a non-negative integer, got '" + text + "'";
      });
  run->add_option("--threads", options.threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 1024));
  run->add_option("--set", options.overrides, "Override a scenario key, e.g. --set city.scale=0.1 (repeatable)")
      ->type_name("KEY=VALUE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  run->add_option("--summary", options.summary, "Write the final scalar indicators as JSON to FILE (- for standard output)")
      ->type_name("FILE|-");
  run->add_flag("--profile", options.profile, "Print the time spent in each system and the throughput");
  run->add_flag("-q,--quiet", options.quiet, "Print no progress and no indicator table");
  run->add_option("--checkpoint-every", options.checkpoint_every,
                  "Write a checkpoint every DAYS simulated days, replacing the previous one atomically; it is removed when "
                  "the run completes")
      ->type_name("DAYS")
      ->check(CLI::Range(1, 36500));
  run->add_option("--checkpoint", options.checkpoint, "Checkpoint file (default: the output file name + .checkpoint)")
      ->type_name("FILE");
  run->add_option("--resume", options.resume,
                  "Go on from a checkpoint of this scenario, run with the same --set, --days and --seed; the output file is "
                  "the same as without the interruption (any --threads). Give --checkpoint-every again to go on writing them")
      ->type_name("CHECKPOINT")
      ->check(CLI::ExistingFile);
}

int run_command(const RunOptions& options) {
  std::vector<std::string> overrides = options.overrides;
  if (options.days > 0) overrides.push_back("run.days=" + std::to_string(options.days));
  if (options.seed) overrides.push_back("run.seed=" + std::to_string(*options.seed));
  const std::string output = options.output.empty() ? default_output_path(options.scenario) : options.output;
  const bool summary_to_stdout = options.summary == "-";

  std::error_code same_error;
  if (std::filesystem::exists(output) && std::filesystem::equivalent(output, options.scenario, same_error)) {
    fmt::print(stderr, "error: the output file {} is the scenario file itself; choose another -o\n", output);
    return 2;
  }
  if (is_special_file(output)) {
    fmt::print(stderr, "error: the output {} is a device, pipe or socket, not a file; choose another -o\n", output);
    return 2;
  }
  if (!options.summary.empty() && !summary_to_stdout) {
    const auto directory = std::filesystem::path(options.summary).parent_path();
    if (!directory.empty() && !std::filesystem::is_directory(directory)) {
      fmt::print(stderr, "error: cannot write the summary to {}: directory {} does not exist\n", options.summary, directory.string());
      return 2;
    }
  }

  std::optional<LoadedScenario> scenario;
  try {
    scenario = load_scenario(options.scenario, overrides);
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
  const ScenarioConfig& config = scenario->file.config;
  if (config.model != ModelKind::city) {
    if (options.checkpoint_every > 0 || !options.resume.empty()) {
      fmt::print(stderr, "error: --checkpoint-every and --resume are for city runs; reference models run in seconds\n");
      return 2;
    }
    return run_reference_model(options, *scenario, output);
  }

  // A checkpoint to resume from is checked (integrity, scenario) before anything else is done.
  const std::string scenario_hash = checkpoint_scenario_hash(config);
  if (!options.resume.empty()) {
    try {
      const CheckpointHeader header = verify_checkpoint(options.resume);
      if (header.scenario_sha256 != scenario_hash)
        throw InputError(options.resume, 0, "",
                         "a checkpoint of another scenario (or of the same one with other --set, --days or --seed values); "
                         "resume with exactly the scenario and options of the run that wrote it");
    } catch (const InputError& error) {
      fmt::print(stderr, "error: cannot resume: {}\n", error.what());
      return 2;
    }
  }
  const std::string checkpoint_path = options.checkpoint.empty() ? output + ".checkpoint" : options.checkpoint;
  const bool checkpoints = options.checkpoint_every > 0;
  if (checkpoints && is_special_file(checkpoint_path)) {
    fmt::print(stderr, "error: the checkpoint {} is a device, pipe or socket, not a file; choose another --checkpoint\n", checkpoint_path);
    return 2;
  }

  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);

  const auto start = std::chrono::steady_clock::now();
  try {
    // The output file is opened before the city is built, so a bad path fails at once.
    std::unique_ptr<Hdf5RunWriter> writer;
    try {
      writer = std::make_unique<Hdf5RunWriter>(output, make_provenance(scenario->file.text, config.run.seed, scenario->file.overrides));
    } catch (const OutputError& error) {
      fmt::print(stderr, "error: cannot write the output file: {}\n", error.what());
      return 2;
    }
    if (!options.quiet) fmt::print(stderr, "Building the city of '{}'...\n", config.name);
    World world = build_world(*scenario);
    if (!options.quiet)
      fmt::print(stderr, "{} residents in {} households, {} districts, {} venues; {} days on {} threads\n", world.residents.size(),
                 world.households.size(), world.city.districts.size(), world.venues.size(), config.run.days, threads);
    Simulation simulation(config, std::move(world));
    RunRecorder recorder;
    int first_day = 0;
    if (!options.resume.empty()) {
      // The writer sees the city as it was built, then every call the interrupted run made.
      simulation.start(*writer);
      restore_checkpoint(options.resume, scenario_hash, simulation, recorder);
      recorder.replay(*writer);
      first_day = simulation.day();
      if (!options.quiet) fmt::print(stderr, "Resuming from {} at day {}\n", options.resume, first_day);
    }
    ProgressDisplay progress(config.run.days, simulation.world().residents.size(), first_day);
    ObserverList observers;
    observers.add(*writer);
    if (!options.quiet) observers.add(progress);
    if (checkpoints || !options.resume.empty()) observers.add(recorder);
    if (options.resume.empty()) simulation.start(observers);

    const CheckpointHeader header{scenario_hash, config.run.seed, 0, simulation.world().residents.size()};
    while (simulation.day() < config.run.days) {
      if (interrupted_by != 0) throw Interrupted{};
      simulation.step_day(observers);
      if (checkpoints && simulation.day() % options.checkpoint_every == 0 && simulation.day() < config.run.days) {
        CheckpointHeader now = header;
        now.day = simulation.day();
        write_checkpoint(checkpoint_path, now, simulation, recorder);
      }
    }
    simulation.finish(observers);
    if (checkpoints) {
      // The run is complete, so its checkpoint has nothing left to resume.
      std::error_code ignored;
      std::filesystem::remove(checkpoint_path, ignored);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (!options.quiet && !summary_to_stdout) {
      print_headline_table(stdout, simulation);
      fmt::print("\nwrote {}\n", output);
    }
    if (options.profile) print_profile(summary_to_stdout ? stderr : stdout, simulation, wall);
    if (!options.summary.empty()) {
      const std::string json = summary_json(simulation, wall);
      if (summary_to_stdout) {
        fmt::print("{}\n", json);
      } else {
        try {
          write_file_atomically(options.summary, json + "\n");
        } catch (const OutputError& error) {
          fmt::print(stderr, "error: cannot write the summary: {}\n", error.what());
          return 1;
        }
      }
    }
    return 0;
  } catch (const Interrupted&) {
    fmt::print(stderr, "\ninterrupted; no output file was written\n");
    if (checkpoints && std::filesystem::exists(checkpoint_path))
      fmt::print(stderr, "resume with: --resume {}\n", checkpoint_path);
    return 128 + interrupted_by;
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: writing {} failed: {}\n", output, error.what());
    return 1;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "error: out of memory; try a smaller city.scale\n");
    return 1;
  } catch (const std::exception& error) {
    fmt::print(stderr, "internal error: {}\n", error.what());
    return 1;
  }
}

}  // namespace convivia
