// The tables of `convivia analyze` as CSV text: point_summary.csv, effects.csv, sobol.csv and morris.csv
// (docs/analysis.md lists the columns). Numbers are written with 10 significant digits, NaN as
// `nan`; labels are quoted because they hold commas.
#pragma once

#include "analysis/morris_indices.hpp"
#include "analysis/point_statistics.hpp"
#include "analysis/sweep_sensitivity.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

std::string point_summary_csv(const std::vector<PointSummary>& rows);
std::string effects_csv(const std::vector<PointEffect>& rows, int baseline_point, const std::string& baseline_label);
std::string sobol_csv(const std::vector<SobolRow>& rows);
std::string morris_csv(const std::vector<MorrisRow>& rows);

}  // namespace convivia::sweep
