// Per-point time-series statistics (see series_statistics.hpp). Runs are gathered in run order.
#include "analysis/series_statistics.hpp"

#include <cmath>
#include <limits>

namespace convivia::sweep {

std::vector<SeriesPointSummary> summarise_series(const CollectedSweep& sweep, const std::vector<CollectedSeries>& series) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  const auto points = static_cast<std::size_t>(sweep.point_count());
  std::vector<std::vector<std::size_t>> runs_of_point(points);
  std::vector<std::string> label_of_point(points);
  for (std::size_t r = 0; r < sweep.run_count(); ++r) {
    const auto p = static_cast<std::size_t>(sweep.point[r]);
    label_of_point[p] = sweep.label[r];
    if (sweep.status[r] == "done") runs_of_point[p].push_back(r);
  }
  std::vector<SeriesPointSummary> rows;
  std::vector<double> values;
  for (const CollectedSeries& s : series) {
    for (std::size_t p = 0; p < points; ++p) {
      for (std::size_t t = 0; t < s.time.size(); ++t) {
        values.clear();
        for (const std::size_t r : runs_of_point[p])
          if (std::isfinite(s.at(r, t))) values.push_back(s.at(r, t));
        SeriesPointSummary row{s.name, s.time_axis, static_cast<int>(p), label_of_point[p], s.time[t],
                               static_cast<int>(values.size()), MeanInterval{nan, nan, nan, nan}};
        if (values.size() >= 2) row.interval = mean_interval(values);
        else if (values.size() == 1) row.interval.mean = values[0];
        rows.push_back(row);
      }
    }
  }
  return rows;
}

}  // namespace convivia::sweep
