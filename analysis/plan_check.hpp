// Checks a whole sweep before anything runs: the base scenario with the [set] values, every value
// of every factor (both ends of a range), then every distinct design point, each loaded exactly as
// its run will load it (load_scenario with the same overrides as `convivia run --set`). The first
// problem is thrown as an InputError naming the sweep file, the line of the value or factor, and the
// key, with the scenario's own message; points are checked in parallel but the error reported is
// always that of the first bad point.
#pragma once

#include "analysis/sweep_plan.hpp"

namespace convivia::sweep {

// Throws InputError. Does nothing for built-in test models (their factors were checked when read).
void check_plan(const SweepPlan& plan);

// The message of an InputError without its "file:line: key: " prefix.
std::string bare_message(const std::exception& error, const std::string& file, int line, const std::string& key);

}  // namespace convivia::sweep
