// The plan of a sweep: its design points with the value each sets for every factor, and its runs
// (design point x replicate) with their seeds. Runs are numbered point-major: run = point *
// replicates + replicate. A run's seed is derived from (master seed, seed point, replicate) with
// Philox (sweep_random.hpp). The seed point is the design point itself, or, with common random
// numbers (the default), the first design point with the same values of every factor that is not a
// policy factor: runs that differ only in policy factors then share their seeds, so a policy's effect
// is measured on the same random city and the same chance events.
#pragma once

#include "analysis/factor_values.hpp"
#include "analysis/sweep_design.hpp"
#include "analysis/sweep_file.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace convivia::sweep {

struct PlannedPoint {
  std::vector<PointValue> values;  // one per factor
  std::vector<double> unit;        // the design's coordinates, one per factor
  std::string label;               // "name=label, name=label"
  int seed_point = 0;
};

struct PlannedRun {
  int run = 0;
  int point = 0;
  int replicate = 0;
  std::uint64_t seed = 0;
};

struct SweepPlan {
  SweepFile sweep;
  Design design;
  std::vector<PlannedPoint> points;
  std::vector<PlannedRun> runs;

  // Scenario overrides of one run, as `convivia run --set` takes them: [set], then the factors
  // (the seed is passed separately).
  std::vector<std::string> overrides(int point) const;
};

SweepPlan make_plan(const SweepFile& sweep);

// The design table: one row per run with run, point, replicate, seed, seed_point, label, each
// factor's value (its label) and the design's own columns (Morris, Saltelli).
std::string design_csv(const SweepPlan& plan);

}  // namespace convivia::sweep
