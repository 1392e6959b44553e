// Telling run files from collected sweeps and finding a sweep's run files (see report_inputs.hpp).
#include "analysis/report_inputs.hpp"

#include "analysis/sweep_directory.hpp"
#include "io/hdf5_reading.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"

#include <fmt/core.h>

#include <filesystem>

namespace convivia::sweep {
namespace fs = std::filesystem;

ReportSource detect_report_source(const std::string& path) {
  if (!fs::exists(path)) throw InputError(path, 0, "", "an existing run file or collected sweep; there is no such file");
  if (!fs::is_regular_file(path)) throw InputError(path, 0, "", "a run file or collected sweep, not a directory");
  hdf5::silence_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw InputError(path, 0, "", "an HDF5 run file (convivia run) or collected sweep (convivia sweep collect); this is not an HDF5 file");
  std::string conventions;
  try {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
    conventions = hdf5::read_string_attribute(file.get(), "conventions");
  } catch (const OutputError& error) {
    throw InputError(path, 0, "conventions",
                     std::string("a Convivia run file or collected sweep (root attribute conventions); ") + error.what());
  }
  if (conventions == "convivia-run-1") return ReportSource::run;
  if (conventions == "convivia-sweep-1") return ReportSource::sweep;
  throw InputError(path, 0, "conventions",
                   "a run file (\"convivia-run-1\") or a collected sweep (\"convivia-sweep-1\"); this file has \"" + conventions + "\"");
}

SweepRunFiles locate_run_files(const CollectedSweep& sweep, const std::string& sweep_directory) {
  SweepRunFiles found;
  std::string directory = sweep_directory;
  if (directory.empty()) {
    const fs::path beside = fs::absolute(sweep.path).parent_path();
    if (fs::exists(beside / "plan.json") && fs::is_directory(beside / "runs")) directory = beside.string();
  }
  for (const std::string& status : sweep.status) found.done_runs += status == "done" ? 1 : 0;
  if (directory.empty()) {
    found.problem = "the run files were not found: the collected file is not inside its sweep directory (give it with --runs DIR)";
    return found;
  }
  if (!fs::is_directory(fs::path(directory) / "runs")) {
    found.problem = "the run files were not found: " + directory + " has no runs/ directory";
    return found;
  }
  found.directory = directory;
  const SweepDirectory layout{directory};
  for (std::size_t r = 0; r < sweep.run_count(); ++r) {
    if (sweep.status[r] != "done") continue;
    const std::string file = layout.run_file(static_cast<int>(r));
    if (!fs::is_regular_file(file)) {
      ++found.missing_files;
      continue;
    }
    found.by_point[sweep.point[r]].push_back(file);
    found.run_of_file[sweep.point[r]].push_back(static_cast<int>(r));
  }
  if (found.missing_files > 0)
    found.problem = fmt::format("{} of the {} done runs have no run file in {}/runs", found.missing_files, found.done_runs, directory);
  return found;
}

}  // namespace convivia::sweep
