// Per design point statistics of the kept time series of a collected sweep, for the report's
// time-series figures: at every time step of every [run, time] series, the mean over the point's
// done replicates with its 95% interval, by the same estimator as the scalar outcomes
// (point_statistics.hpp, io/replicate_statistics.hpp). NaN values (after a shorter run's end) are
// left out of that step.
#pragma once

#include "analysis/collected_sweep.hpp"
#include "io/replicate_statistics.hpp"

#include <string>
#include <vector>

namespace convivia::sweep {

struct SeriesPointSummary {
  std::string series;
  std::string time_axis;
  int point = 0;
  std::string label;
  double time = 0.0;
  int runs_done = 0;  // runs with a value at this step
  MeanInterval interval;  // NaN bounds with fewer than two runs, NaN mean with none
};

std::vector<SeriesPointSummary> summarise_series(const CollectedSweep& sweep, const std::vector<CollectedSeries>& series);

}  // namespace convivia::sweep
