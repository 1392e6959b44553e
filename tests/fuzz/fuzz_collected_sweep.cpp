// Fuzzes the reader of collected sweep files (analysis/collected_sweep, experiments.h5 as
// `convivia analyze` reads it) and what analyze computes from a file it accepted: per-point means
// and effects against the baseline, Sobol' indices for saltelli designs, Morris statistics for morris
// designs, the tables as CSV text and analysis.h5 with its copy of the design. The file is built from
// the input's records (fuzz_hdf5_records.hpp; make_seeds.py writes real collected files in that
// form), so inconsistent lengths, out-of-range points and rows, unknown factors, NaNs and empty
// tables reach the reader as a damaged or hand-edited file would present them. Only InputError may
// leave the reader and the analysis; writing analysis.h5 may also fail with its OutputError.
#include "analysis/analysis_file.hpp"
#include "analysis/analysis_output.hpp"
#include "analysis/analysis_tables.hpp"
#include "analysis/collected_sweep.hpp"
#include "analysis/point_statistics.hpp"
#include "analysis/sweep_sensitivity.hpp"
#include "fuzz_hdf5_records.hpp"
#include "fuzz_support.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"

#include <array>

using namespace convivia;

namespace {

// New names go at the end, so that the records of existing corpus inputs keep their meaning.
constexpr std::array<const char*, 2> attribute_names = {"conventions", "design"};
constexpr std::array<const char*, 23> dataset_names = {
    "factor", "run", "design/point", "design/replicate", "design/seed_point", "design/status", "design/label",
    "design/saltelli_row", "design/saltelli_factor", "design/saltelli_matrix", "design/morris_trajectory",
    "design/morris_step", "design/morris_factor", "design/seed", "design/error", "design", "unit", "outcomes",
    "factors", "design/", "unit/", "outcomes/", "factors/"};

// Every per-run column the reader returns has one value per run.
void check_lengths(const sweep::CollectedSweep& sweep) {
  const std::size_t runs = sweep.run_count();
  const auto check = [&](std::size_t length, bool needed, const char* what) {
    if (needed ? length != runs : length != 0 && length != runs) fuzz::finding("a column does not have one value per run", what);
  };
  check(sweep.replicate.size(), true, "replicate");
  check(sweep.seed_point.size(), true, "seed_point");
  check(sweep.status.size(), true, "status");
  check(sweep.label.size(), true, "label");
  check(sweep.saltelli_row.size(), sweep.design == "saltelli", "saltelli_row");
  check(sweep.saltelli_factor.size(), sweep.design == "saltelli", "saltelli_factor");
  check(sweep.saltelli_matrix.size(), sweep.design == "saltelli", "saltelli_matrix");
  check(sweep.morris_trajectory.size(), sweep.design == "morris", "morris_trajectory");
  check(sweep.morris_step.size(), sweep.design == "morris", "morris_step");
  check(sweep.morris_factor.size(), sweep.design == "morris", "morris_factor");
  for (const auto& column : sweep.unit) check(column.size(), true, "unit");
  for (const auto& outcome : sweep.outcomes) check(outcome.values.size(), true, outcome.name.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hdf5::silence_errors();
  const std::string path = (fuzz::scratch_directory() / "experiments.h5").string();
  fuzz::write_record_file(path, data, size, {attribute_names, dataset_names});
  H5Eclear2(H5E_DEFAULT);
  sweep::CollectedSweep sweep;
  std::vector<sweep::Table> tables;
  try {
    sweep = sweep::read_collected_sweep(path);
    check_lengths(sweep);
    tables = sweep::build_analysis_tables(sweep, "").tables;  // as analyze builds them (none for 0 runs)
    // A baseline chosen by label, as --baseline does: the last run's label, then one item of it.
    const std::string& label = sweep.label.back();
    for (const std::string& choice : {label, label.substr(0, label.find(','))}) {
      try {
        (void)sweep::find_baseline_point(sweep, choice);
      } catch (const InputError&) {
      }
    }
  } catch (const InputError&) {
    return 0;
  }
  for (const sweep::Table& table : tables) (void)sweep::csv_text(table);
  try {
    sweep::write_analysis_file((fuzz::scratch_directory() / "analysis.h5").string(), tables, path);
  } catch (const OutputError&) {
  }
  return 0;
}
