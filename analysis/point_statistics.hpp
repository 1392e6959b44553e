// Per design point statistics of a collected sweep: the mean and 95% interval over replicates of
// every scalar outcome, and each point's effect against a baseline point. An effect is paired by
// replicate when the point and the baseline share their seeds (common random numbers: the same
// /design/seed_point), else Welch's unpaired interval. Runs that are not done are left out.
#pragma once

#include "analysis/collected_sweep.hpp"
#include "io/replicate_statistics.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct PointSummary {
  int point = 0;
  std::string label;
  std::string outcome;
  int runs_done = 0;
  MeanInterval interval;  // NaN bounds with fewer than two runs, NaN mean with none
};

enum class EffectMethod { paired, welch, single };
const char* effect_method_name(EffectMethod method);

struct PointEffect {
  int point = 0;
  std::string label;
  std::string outcome;
  EffectMethod method = EffectMethod::welch;
  int pairs_or_runs = 0;  // paired: complete pairs; else runs done at the point
  MeanInterval difference;
};

std::vector<PointSummary> summarise_points(const CollectedSweep& sweep);

// The baseline point: `choice` empty gives point 0 (every factor at its first value or level in a
// full factorial); else the point whose label is `choice` or has `choice` as one of its
// `name=label` items. Throws InputError if no point (or more than one) matches.
int find_baseline_point(const CollectedSweep& sweep, const std::string& choice);

std::vector<PointEffect> point_effects(const CollectedSweep& sweep, int baseline_point);

}  // namespace convivia::sweep
