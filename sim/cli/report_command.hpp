// `convivia report FILE.h5 -o DIR`: an HTML page with figures (docs/analysis.md, "Reports"). For a
// collected sweep the statistics come from the analyze code (the tables are written into DIR as
// `convivia analyze` writes them, plus series_summary for the time series); for a run file the
// figures are drawn from the file itself. The drawing is done by Python scripts (report_python.hpp).
// Everything is written into DIR.tmp-<pid> beside DIR and moved into DIR at the end, index.html
// last, so a failed report leaves nothing that looks complete. Exit status 0 on success, 2 on a file
// that is not a run or collected sweep (missing, damaged) or a bad option, 1 if the report cannot be
// drawn or written (no Python with matplotlib, a full disk).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace convivia {

struct ReportOptions {
  std::string file;
  std::string directory;
  std::string baseline;                 // sweeps: as for analyze
  std::vector<std::string> map_points;  // sweeps: points to map, each a label or one name=label item
  std::string runs_directory;           // sweeps: the sweep directory holding runs/
};

void add_report_command(CLI::App& app, ReportOptions& options);
int report_command(const ReportOptions& options);

}  // namespace convivia
