// From a design's coordinates to the values a run sets. Designs work in the unit hypercube; each
// factor maps its coordinate u in [0, 1] to a value: a range through its distribution's quantile
// function (uniform, log-uniform, integer, normal truncated to the range), a list by index
// floor(u * n). A full factorial picks levels directly: value i of a list, or the range at
// u = i / (levels - 1) (the middle, u = 0.5, for a single level).
#pragma once

#include "analysis/sweep_file.hpp"

#include <string>

namespace convivia::sweep {

// The value one design point gives one factor.
struct PointValue {
  std::string literal;  // as `--set key=literal` takes it
  std::string label;    // for the design table
  double number = 0.0;  // NaN for strings, arrays and tables
  int level = -1;       // index into a list factor's values, or the full-factorial level; -1 for sampled ranges
};

// Value of a range factor at u in [0, 1]; endpoints map exactly to min and max.
double range_value(const FactorSpec& factor, double u);

// The factor's value at unit coordinate u (sampled designs).
PointValue value_at_unit(const FactorSpec& factor, double u);

// The factor's value at full-factorial level (0 .. level_count() - 1), and that level's coordinate.
PointValue value_at_level(const FactorSpec& factor, int level);
double level_unit(const FactorSpec& factor, int level);

}  // namespace convivia::sweep
