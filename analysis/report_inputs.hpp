// What `convivia report` needs to know before it draws: whether a file is a run file
// (conventions "convivia-run-1") or a collected sweep ("convivia-sweep-1"), and, for a sweep, where
// the run files of its done runs are, for the district maps (the collected file keeps no district
// values). Run files are looked for in a sweep directory (docs/sweeps.md: DIR/runs/run-NNNNNN.h5):
// the one given, or else the directory holding the collected file when it is one (the usual
// `convivia sweep collect DIR -o DIR/experiments.h5`).
#pragma once

#include "analysis/collected_sweep.hpp"

#include <map>
#include <string>
#include <vector>

namespace convivia::sweep {

enum class ReportSource { run, sweep };

// Throws InputError naming the file if it is missing, not HDF5, or neither a run nor a collected sweep.
ReportSource detect_report_source(const std::string& path);

struct SweepRunFiles {
  std::string directory;                       // the sweep directory used; empty if none was found
  std::map<int, std::vector<std::string>> by_point;  // design point -> files of its done runs that exist
  std::map<int, std::vector<int>> run_of_file;       // design point -> the run index of each file
  int done_runs = 0;
  int missing_files = 0;                       // done runs whose file is not there
  std::string problem;                         // plain words on why maps may be missing; empty if all found
};

SweepRunFiles locate_run_files(const CollectedSweep& sweep, const std::string& sweep_directory);

}  // namespace convivia::sweep
