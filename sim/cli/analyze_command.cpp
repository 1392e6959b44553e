// `convivia analyze` (see analyze_command.hpp). Every table is built before anything is written, so
// a bad file leaves DIR untouched.
#include "cli/analyze_command.hpp"

#include "analysis/analysis_file.hpp"
#include "analysis/analysis_output.hpp"
#include "analysis/collected_sweep.hpp"
#include "analysis/point_statistics.hpp"
#include "analysis/sweep_sensitivity.hpp"
#include "io/atomic_file.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <vector>

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
      "  convivia analyze runs/experiments.h5 -o runs/analysis --baseline mediators=none\n");
  command->add_option("file", options.file, "the collected sweep (experiments.h5 from `convivia sweep collect`)")->required();
  command->add_option("-o,--output", options.directory, "directory for the tables (created if missing)")->required();
  command->add_option("--baseline", options.baseline,
                      "the baseline point: its label or one name=label item of it (default: point 0, every factor at its first value)");
}

int analyze_command(const AnalyzeOptions& options) {
  std::vector<sweep::Table> tables;
  try {
    const sweep::CollectedSweep sweep = sweep::read_collected_sweep(options.file);
    if (sweep.run_count() == 0) throw InputError(options.file, 0, "design/point", "a sweep with at least one run");
    const int baseline = sweep::find_baseline_point(sweep, options.baseline);
    std::string baseline_label;
    for (std::size_t r = 0; r < sweep.run_count(); ++r)
      if (sweep.point[r] == baseline) baseline_label = sweep.label[r];
    tables.push_back(sweep::point_summary_table(sweep::summarise_points(sweep)));
    if (sweep.point_count() > 1) tables.push_back(sweep::effects_table(sweep::point_effects(sweep, baseline), baseline, baseline_label));
    if (sweep.design == "saltelli") tables.push_back(sweep::sobol_table_of(sweep::sobol_table(sweep)));
    if (sweep.design == "morris") tables.push_back(sweep::morris_table_of(sweep::morris_table(sweep)));
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
  try {
    std::error_code code;
    std::filesystem::create_directories(options.directory, code);
    if (code) throw OutputError("cannot create " + options.directory + ": " + code.message());
    const std::filesystem::path directory(options.directory);
    for (const sweep::Table& table : tables) {
      const std::string path = (directory / (table.name + ".csv")).string();
      write_file_atomically(path, sweep::csv_text(table));
      fmt::print("wrote {}\n", path);
    }
    const std::string h5 = (directory / "analysis.h5").string();
    sweep::write_analysis_file(h5, tables, options.file);
    fmt::print("wrote {}\n", h5);
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  }
  return 0;
}

}  // namespace convivia
