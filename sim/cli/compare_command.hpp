// `convivia compare`: headline indicators of several scenarios side by side, from their run files.
// Each scenario is one run file or a group of replicate files; the first scenario is the baseline.
// Single runs give values and differences; replicates give per scenario the mean with a 95%
// confidence interval and the mean difference to the baseline with its interval (paired by seed when
// both groups hold the same seeds, Welch's unpaired interval otherwise). Each scenario's mean annual
// policy cost over the run, and the change in the headline share (percentage points) per million
// euros of annual cost difference to the baseline, come with it. Prints an aligned table,
// or JSON (--json); --csv writes a tidy CSV. Exit status 0 on success, 2 on a bad file or option
// (a message names the file and the problem), 1 if the CSV cannot be written.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace convivia {

struct CompareOptions {
  std::vector<std::string> scenarios;  // FILE, DIRECTORY or NAME=FILE,FILE,...
  std::vector<std::int64_t> days;      // empty: the last day
  std::vector<std::string> indicators; // empty: all headline indicators
  std::string csv;                     // empty: none; "-": standard output
  bool json = false;
};

void add_compare_command(CLI::App& app, CompareOptions& options);
int compare_command(const CompareOptions& options);

}  // namespace convivia
