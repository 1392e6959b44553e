// `convivia analyze` (see analyze_command.hpp). Every table is built before anything is written, so
// a bad file leaves DIR untouched.
#include "cli/analyze_command.hpp"

#include "analysis/analysis_tables.hpp"
#include "analysis/collected_sweep.hpp"
#include "cli/baseline_help.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"

#include <fmt/core.h>

#include <string>

namespace convivia {

void add_analyze_command(CLI::App& app, AnalyzeOptions& options) {
  CLI::App* command = app.add_subcommand("analyze", "Means, effects and sensitivity indices of a collected sweep");
  command->footer(
      "\nWrites point_summary.csv (mean and 95% interval over replicates per design point), effects.csv (each point\n"
      "against the baseline point: paired by replicate when they share seeds, else Welch) and, for saltelli designs,\n"
      "sobol.csv (first-order and total indices with bootstrap 95% intervals), for morris designs morris.csv (mu, mu*,\n"
      "sigma of the elementary effects), and analysis.h5 with the same tables under /analysis and the design.\n"
      "See docs/analysis.md.\n"
      "\nExample:\n"
      "  convivia analyze runs/experiments.h5 -o runs/analysis " +
      std::string(baseline_example) + baseline_example_note);
  command->add_option("file", options.file, "the collected sweep (experiments.h5 from `convivia sweep collect`)")->required();
  command->add_option("-o,--output", options.directory, "directory for the tables (created if missing)")->required();
  command->add_option("--baseline", options.baseline,
                      "the baseline point: its label or one name=label item of it (default: point 0, every factor at its first value)");
}

int analyze_command(const AnalyzeOptions& options) {
  sweep::AnalysisTables analysis;
  try {
    analysis = sweep::build_analysis_tables(sweep::read_collected_sweep(options.file), options.baseline);
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
  try {
    for (const std::string& path : sweep::write_analysis_tables(options.directory, analysis.tables, options.file))
      fmt::print("wrote {}\n", path);
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  }
  return 0;
}

}  // namespace convivia
