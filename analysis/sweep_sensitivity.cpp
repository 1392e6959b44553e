// Sobol' tables of a collected sweep (see sweep_sensitivity.hpp).
#include "analysis/sweep_sensitivity.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace convivia::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

SobolSample saltelli_sample(const CollectedSweep& sweep, const CollectedOutcome& outcome) {
  const std::size_t points = static_cast<std::size_t>(sweep.point_count());
  std::vector<double> sum(points, 0.0);
  std::vector<int> count(points, 0);
  for (std::size_t r = 0; r < sweep.run_count(); ++r) {
    if (sweep.status[r] != "done" || !std::isfinite(outcome.values[r])) continue;
    sum[static_cast<std::size_t>(sweep.point[r])] += outcome.values[r];
    ++count[static_cast<std::size_t>(sweep.point[r])];
  }
  const int row_count = sweep.saltelli_row.empty() ? 0 : *std::max_element(sweep.saltelli_row.begin(), sweep.saltelli_row.end()) + 1;
  SobolSample sample;
  sample.a.assign(static_cast<std::size_t>(row_count), nan);
  sample.b.assign(static_cast<std::size_t>(row_count), nan);
  sample.ab.assign(sweep.factor_names.size(), std::vector<double>(static_cast<std::size_t>(row_count), nan));
  for (std::size_t r = 0; r < sweep.run_count(); ++r) {
    const auto p = static_cast<std::size_t>(sweep.point[r]);
    const double mean = count[p] > 0 ? sum[p] / count[p] : nan;
    const auto row = static_cast<std::size_t>(sweep.saltelli_row[r]);
    const std::string& matrix = sweep.saltelli_matrix[r];
    if (matrix == "A") sample.a[row] = mean;
    else if (matrix == "B") sample.b[row] = mean;
    else if (matrix == "AB" && sweep.saltelli_factor[r] >= 0 && static_cast<std::size_t>(sweep.saltelli_factor[r]) < sample.ab.size())
      sample.ab[static_cast<std::size_t>(sweep.saltelli_factor[r])][row] = mean;
  }
  return sample;
}

std::vector<SobolRow> sobol_table(const CollectedSweep& sweep) {
  if (sweep.design != "saltelli")
    throw InputError(sweep.path, 0, "design", "a saltelli design for Sobol' indices; this sweep's design is " + sweep.design);
  std::vector<SobolRow> rows;
  for (const CollectedOutcome& outcome : sweep.outcomes) {
    const SobolSample sample = saltelli_sample(sweep, outcome);
    int complete = 0;
    for (std::size_t j = 0; j < sample.a.size(); ++j) {
      bool all = std::isfinite(sample.a[j]) && std::isfinite(sample.b[j]);
      for (const auto& column : sample.ab) all = all && std::isfinite(column[j]);
      complete += all ? 1 : 0;
    }
    const std::vector<SobolIndex> indices = sobol_indices(sample);
    for (std::size_t i = 0; i < indices.size(); ++i) rows.push_back({outcome.name, sweep.factor_names[i], complete, indices[i]});
  }
  return rows;
}

}  // namespace convivia::sweep
