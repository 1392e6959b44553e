// The parts of a collected sweep file (experiments.h5, docs/sweeps.md section 6) that the analysis
// reads: per run its design point, replicate, seed point, status and label, the Saltelli or Morris columns
// when the design is one of those, the factors' names and every scalar outcome. A file that is not a
// collected sweep, or lacks one of these, is refused with an InputError naming what is missing.
#pragma once

#include <string>
#include <vector>

namespace convivia::sweep {

struct CollectedOutcome {
  std::string name;
  std::vector<double> values;  // [run], NaN for runs that are not done
};

struct CollectedSweep {
  std::string path;
  std::string design;  // root attribute `design`: full_factorial, saltelli, ...
  std::vector<std::string> factor_names;  // /factor: the design table's column names
  std::vector<int> point, replicate, seed_point;  // [run]
  std::vector<std::string> status, label;         // [run]
  std::vector<int> saltelli_row, saltelli_factor;  // [run], saltelli only; factor index, -1 for A and B
  std::vector<std::string> saltelli_matrix;        // [run], saltelli designs only
  std::vector<int> morris_trajectory, morris_step, morris_factor;  // [run], morris only; factor -1 at step 0
  std::vector<std::vector<double>> unit;  // [factor][run] /unit/<factor>, morris only
  std::vector<CollectedOutcome> outcomes;

  std::size_t run_count() const { return point.size(); }
  int point_count() const;
};

CollectedSweep read_collected_sweep(const std::string& path);

// A kept time series of a collected sweep (/series/<name>) with no axis beyond time: [run, time].
struct CollectedSeries {
  std::string name;
  std::string long_name, units;  // the dataset's attributes, empty if absent
  std::string time_axis;         // the label of dimension 1 (day, month_day, ...)
  std::vector<double> time;      // the values of that root scale, or 0, 1, 2, ... without one
  std::vector<double> values;    // [run][time], row-major; NaN after a run's end
  double at(std::size_t run, std::size_t t) const { return values[run * time.size() + t]; }
};

struct CollectedSeriesSet {
  std::vector<CollectedSeries> series;
  std::vector<std::string> skipped;  // names of series with axes beyond time (per group, matrices)
};

// Reads every [run, time] series of the file; throws InputError naming the file if one is malformed.
CollectedSeriesSet read_collected_series(const std::string& path, std::size_t run_count);

}  // namespace convivia::sweep
