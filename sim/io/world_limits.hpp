// Limits on the size of a scenario's world, checked when the scenario is loaded and before anything
// large is allocated (docs/reliability.md, "Limits"): at most max_simulated_residents residents
// (resident ids are 32-bit), at most max_grid_cells grid cells, and no world whose arrays alone would
// need more memory than the machine has. Reference models have their own grid limit.
#pragma once

#include "world/district_table.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace convivia {

inline constexpr double max_simulated_residents = 1e9;
inline constexpr std::int64_t max_grid_cells = 25'000'000;
// Schelling and Axelrod: cells (sites) of the grid, and recorded Axelrod samples.
inline constexpr std::int64_t max_reference_cells = 25'000'000;
inline constexpr std::int64_t max_axelrod_samples = 10'000'000;

// What is too large: the scenario key to change and a message saying what was expected.
struct WorldLimitProblem {
  std::string key;
  std::string message;
};

// The first limit the scenario exceeds, or nothing. `table` is the district table of an imported
// city (nullptr for a synthetic one); `memory_bytes` what the machine can hold.
std::optional<WorldLimitProblem> world_limit_problem(const ScenarioConfig& config, const DistrictTable* table,
                                                     double memory_bytes);

// Physical memory of this machine in bytes (or of the control group, if that is smaller).
double machine_memory_bytes();

}  // namespace convivia
