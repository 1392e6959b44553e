// `convivia run` for the reference models (model = "schelling" or "axelrod" in the scenario): runs
// the model, writes its HDF5 file, prints a short table (unless quiet) and the JSON summary.
#pragma once

#include "cli/run_command.hpp"
#include "io/scenario_loader.hpp"

#include <string>

namespace convivia {

// Returns the exit status, with the same meanings as run_command.
int run_reference_model(const RunOptions& options, const LoadedScenario& scenario, const std::string& output);

}  // namespace convivia
