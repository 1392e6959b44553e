// What a sweep keeps from one run file: series read with their axes (the dimension scales attached
// to each dimension, as the run writer lays them out), reduced by `select` (one label along each
// named axis), and scalar summaries over the first axis, which is time (day, month_day, step, ...):
// the final value, or the mean, min or max over the rows whose time lies in the window (NaN rows
// skipped; NaN if none is left). Problems with an outcome (no such series, no such label, axes left
// over for a scalar) throw OutcomeError with a message that says what the file holds instead.
#pragma once

#include "analysis/sweep_file.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace convivia::sweep {

class OutcomeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One axis of a series: the name of its dimension and the values of its scale (numbers or labels).
struct SeriesAxis {
  std::string name;
  std::size_t size = 0;
  bool text = false;
  bool integer = false;             // a scale of integers (day, month_day, step, ...)
  std::vector<double> numbers;      // numeric scale
  std::vector<std::string> labels;  // string scale
  std::string units;
  std::string long_name;

  bool same_scale(const SeriesAxis& other) const {
    return name == other.name && text == other.text && numbers == other.numbers && labels == other.labels;
  }
};

struct RunSeries {
  std::string path;
  std::vector<SeriesAxis> axes;  // axes[0] is time
  std::vector<double> values;    // row-major
  std::string units;
  std::string long_name;
};

// Opens a run file read-only without HDF5's file locks (which fail on some cluster file systems;
// run files are complete and no longer written once they have their name). Returns the hid_t, or
// a negative value if the file cannot be opened; close it with H5Fclose.
std::int64_t open_run_file(const std::string& path);

// The outcome's series in an open run file (an HDF5 hid_t), converted to float64, with `select` applied.
RunSeries read_outcome_series(std::int64_t file, const OutcomeSpec& outcome);

// The outcome's scalar summary of a series read for it (summary != series).
double summarise(const RunSeries& series, const OutcomeSpec& outcome);

}  // namespace convivia::sweep
