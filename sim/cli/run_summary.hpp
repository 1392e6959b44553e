// The end of a run for people and for programs: a short table of headline indicators, the final
// scalar indicators as one JSON object (`--summary`), and the per-system profile (`--profile`).
#pragma once

#include "systems/simulation.hpp"

#include <cstdio>
#include <string>

namespace convivia {

void print_headline_table(std::FILE* out, const Simulation& simulation);
std::string summary_json(const Simulation& simulation, double wall_seconds);
void print_profile(std::FILE* out, const Simulation& simulation, double wall_seconds);

}  // namespace convivia
