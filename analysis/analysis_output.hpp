// The tables of `convivia analyze` (docs/analysis.md lists the columns): point_summary, effects,
// sobol and morris, and series_summary for `convivia report`. Each is a list of named columns with
// a plain-words long_name, written as CSV text (10 significant digits, NaN as `nan`, labels quoted
// because they hold commas) and as groups of one-dimensional datasets in analysis.h5
// (analysis_file.hpp).
#pragma once

#include "analysis/morris_indices.hpp"
#include "analysis/point_statistics.hpp"
#include "analysis/series_statistics.hpp"
#include "analysis/sweep_sensitivity.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct TableColumn {
  std::string name;
  std::string long_name;
  bool is_text = false;
  std::vector<std::string> text;  // is_text
  std::vector<double> numbers;    // otherwise
};

struct Table {
  std::string name;  // file stem and HDF5 group name
  std::string long_name;
  std::vector<TableColumn> columns;
};

Table point_summary_table(const std::vector<PointSummary>& rows);
Table effects_table(const std::vector<PointEffect>& rows, int baseline_point, const std::string& baseline_label);
// Only `convivia report` writes this one: its time-series figures draw from it.
Table series_summary_table(const std::vector<SeriesPointSummary>& rows);
Table sobol_table_of(const std::vector<SobolRow>& rows);
Table morris_table_of(const std::vector<MorrisRow>& rows);

std::string csv_text(const Table& table);

}  // namespace convivia::sweep
