// Runs a reference model from the command line (see reference_run.hpp). The models are single-threaded
// and take milliseconds to seconds, so there is no progress display and no interruption handling.
#include "cli/reference_run.hpp"

#include "io/atomic_file.hpp"
#include "io/hdf5_reference_writer.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "reference/axelrod.hpp"
#include "reference/schelling.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <memory>

namespace convivia {
namespace {

void print_row(const char* name, const std::string& value) { fmt::print("  {:<40} {:>12}\n", name, value); }

}  // namespace

int run_reference_model(const RunOptions& options, const LoadedScenario& scenario, const std::string& output) {
  const ScenarioConfig& config = scenario.file.config;
  const bool summary_to_stdout = options.summary == "-";
  std::unique_ptr<Hdf5ReferenceWriter> writer;
  try {
    writer = std::make_unique<Hdf5ReferenceWriter>(output, make_provenance(scenario.file.text, config.run.seed, scenario.file.overrides));
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: cannot write the output file: {}\n", error.what());
    return 2;
  }

  nlohmann::ordered_json summary;
  summary["scenario"] = config.name;
  summary["seed"] = config.run.seed;
  const auto start = std::chrono::steady_clock::now();
  try {
    if (config.model == ModelKind::schelling) {
      summary["model"] = "schelling";
      SchellingModel model(config.schelling, config.run.seed);
      SchellingSeries series;
      run_schelling(model, &series);
      writer->write_schelling(config, model, series);
      const SchellingMeasures measures = model.measure();
      summary["percent_similar"] = measures.percent_similar;
      summary["percent_unhappy"] = measures.percent_unhappy;
      summary["steps"] = model.steps_done();
      summary["agents"] = model.agent_count();
      summary["all_happy"] = model.all_happy();
      if (!options.quiet && !summary_to_stdout) {
        fmt::print("\nSchelling '{}' ({} x {}{}, {} agents, radius {})\n", config.name, model.width(), model.height(),
                   config.schelling.torus ? " torus" : "", model.agent_count(), config.schelling.radius);
        print_row("steps", std::to_string(model.steps_done()));
        print_row("% similar", fmt::format("{:.2f}", measures.percent_similar));
        print_row("% unhappy", fmt::format("{:.2f}", measures.percent_unhappy));
        print_row("all happy", model.all_happy() ? "yes" : "no");
      }
    } else {
      summary["model"] = "axelrod";
      AxelrodModel model(config.axelrod, config.run.seed);
      AxelrodSeries series;
      run_axelrod(model, config.axelrod.max_events, config.axelrod.sample_events, &series);
      writer->write_axelrod(config, model, series);
      summary["stable_regions"] = model.stable_regions();
      summary["distinct_cultures"] = model.distinct_cultures();
      summary["events"] = model.events();
      summary["absorbed"] = model.absorbed();
      if (!options.quiet && !summary_to_stdout) {
        fmt::print("\nAxelrod '{}' ({} x {}, F = {}, q = {})\n", config.name, model.width(), model.height(),
                   model.features(), config.axelrod.traits);
        print_row("events", std::to_string(model.events()));
        print_row("absorbed", model.absorbed() ? "yes" : "no (event limit reached)");
        print_row("stable regions", std::to_string(model.stable_regions()));
        print_row("distinct cultures", std::to_string(model.distinct_cultures()));
      }
    }
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: writing {} failed: {}\n", output, error.what());
    return 1;
  } catch (const std::exception& error) {
    fmt::print(stderr, "internal error: {}\n", error.what());
    return 1;
  }
  summary["wall_seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet && !summary_to_stdout) fmt::print("\nwrote {}\n", output);
  if (!options.summary.empty()) {
    if (summary_to_stdout) {
      fmt::print("{}\n", summary.dump(2));
    } else {
      try {
        write_file_atomically(options.summary, summary.dump(2) + "\n");
      } catch (const OutputError& error) {
        fmt::print(stderr, "error: cannot write the summary: {}\n", error.what());
        return 1;
      }
    }
  }
  return 0;
}

}  // namespace convivia
