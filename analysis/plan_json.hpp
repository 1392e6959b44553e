// The plan of a sweep as JSON, stored in the sweep directory (plan.json) so that `sweep run` can
// tell a rerun of the same sweep from a different one and `sweep collect` needs nothing but the
// directory. The "identity" object holds what decides the runs (base scenario text, design,
// factors and their values, seeds); two plans are the same sweep if their identities are equal. The
// rest (name, the sweep file's text and path, the outcomes) may change between invocations: outcomes
// are computed when the sweep is collected, so they can be edited after the runs.
#pragma once

#include "analysis/sweep_plan.hpp"

#include <string>

namespace convivia::sweep {

// base_scenario_text: the base scenario as its runs record it (empty for test models).
std::string plan_json(const SweepPlan& plan, const std::string& base_scenario_text);

// The identity object of a plan.json text, serialised compactly (for comparison).
std::string plan_identity(const std::string& plan_json_text);

struct StoredPlan {
  SweepPlan plan;                  // sweep.path, name, text and outcomes as last stored
  std::string base_scenario_text;
};

// Throws InputError (file = path) if the text is not a plan this version can read.
StoredPlan read_plan_json(const std::string& text, const std::string& path);

}  // namespace convivia::sweep
