// `convivia validate`: check a scenario file (and its data files) and print the resolved scenario.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace convivia {

struct ValidateOptions {
  std::string scenario;
  std::vector<std::string> overrides;
};

void add_validate_command(CLI::App& app, ValidateOptions& options);
int validate_command(const ValidateOptions& options);

}  // namespace convivia
