// The tables of `convivia analyze`, built and written in one place so that `convivia report` gives
// exactly the same numbers: point_summary always, effects when there is more than one design point,
// sobol for saltelli designs and morris for morris designs. Building reads nothing but the sweep and
// throws InputError on a bad baseline; writing puts each table's CSV and analysis.h5 into a directory.
#pragma once

#include "analysis/analysis_output.hpp"
#include "analysis/collected_sweep.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct AnalysisTables {
  int baseline_point = 0;
  std::string baseline_label;
  std::vector<PointEffect> effects;  // also in `tables`; kept for callers that pick points by effect
  std::vector<Table> tables;
};

// Throws InputError if the sweep has no run or `baseline` (see find_baseline_point) matches no point.
AnalysisTables build_analysis_tables(const CollectedSweep& sweep, const std::string& baseline);

// Writes DIR/<table>.csv for each table and DIR/analysis.h5 (created if missing); returns the paths
// written, in order. Throws OutputError.
std::vector<std::string> write_analysis_tables(const std::string& directory, const std::vector<Table>& tables,
                                               const std::string& collected_path);

}  // namespace convivia::sweep
