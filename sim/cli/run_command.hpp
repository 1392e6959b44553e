// `convivia run`: load a scenario, build its city, simulate, write the HDF5 file, print indicators.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace convivia {

struct RunOptions {
  std::string scenario;
  std::string output;
  int days = 0;  // 0: as in the scenario
  std::optional<std::int64_t> seed;
  int threads = 0;  // 0: all cores
  std::vector<std::string> overrides;
  std::string summary;
  bool profile = false;
  bool quiet = false;
  int checkpoint_every = 0;    // days between checkpoints; 0: none
  std::string checkpoint;      // path of the checkpoint file (default: the output path + ".checkpoint")
  std::string resume;          // checkpoint to resume from
};

void add_run_command(CLI::App& app, RunOptions& options);
int run_command(const RunOptions& options);

}  // namespace convivia
