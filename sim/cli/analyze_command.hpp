// `convivia analyze experiments.h5 -o DIR`: statistics of a collected sweep (docs/analysis.md):
// per design point the mean and 95% interval over replicates of every scalar outcome, each point's
// effect against a baseline point, Sobol' indices when the design is saltelli and Morris statistics when it is morris, as CSV files in
// DIR and in DIR/analysis.h5. Exit status 0 on success, 2 on a file that is not a collected sweep or a bad option,
// 1 if the output cannot be written.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace convivia {

struct AnalyzeOptions {
  std::string file;
  std::string directory;
  std::string baseline;  // a point's label or one name=label item; empty: point 0
};

void add_analyze_command(CLI::App& app, AnalyzeOptions& options);
int analyze_command(const AnalyzeOptions& options);

}  // namespace convivia
