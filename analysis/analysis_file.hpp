// DIR/analysis.h5 of `convivia analyze`: conventions = "convivia-analysis-1", a group /analysis
// holding one group per table (point_summary, effects, sobol, morris) of one-dimensional datasets
// along the table's rows, each with its long_name, and copies of the collected sweep's /run,
// /factor, /design, /unit and /factors, so a report can draw from this one file. Written under a
// temporary name and renamed when complete; throws OutputError naming the file on failure.
#pragma once

#include "analysis/analysis_output.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

void write_analysis_file(const std::string& path, const std::vector<Table>& tables, const std::string& collected_path);

}  // namespace convivia::sweep
