// `convivia segregation`: segregation indices of a planner's census table (units by groups), with
// no simulation: the same indices the engine reports monthly, computed on real counts. Prints an
// aligned table with a plain-words line per index, a tidy CSV (index, group, other_group, value) or
// a JSON object. Exit status 0 on success, 2 on a bad table or option (nothing on stdout then),
// 1 if the output cannot be written.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace convivia {

struct SegregationOptions {
  std::string table;
  std::string format = "table";
  std::string output;  // empty: standard output
  std::string id_column;
  std::vector<std::string> ignored_columns;
};

void add_segregation_command(CLI::App& app, SegregationOptions& options);
int segregation_command(const SegregationOptions& options);

}  // namespace convivia
