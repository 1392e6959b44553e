// Morris statistics of a collected sweep (see morris_indices.hpp). Effects are gathered in
// trajectory and step order, so the sums run in a fixed order.
#include "analysis/morris_indices.hpp"

#include "io/input_error.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace convivia::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

struct MorrisPoint {
  int factor = -1;
  std::vector<double> unit;
  double sum = 0.0;
  int done = 0;
};

}  // namespace

std::vector<MorrisRow> morris_table(const CollectedSweep& sweep) {
  if (sweep.design != "morris")
    throw InputError(sweep.path, 0, "design", "a morris design for elementary effects; this sweep's design is " + sweep.design);
  std::vector<MorrisRow> rows;
  for (const CollectedOutcome& outcome : sweep.outcomes) {
    std::map<std::pair<int, int>, MorrisPoint> points;  // (trajectory, step)
    for (std::size_t r = 0; r < sweep.run_count(); ++r) {
      MorrisPoint& p = points[{sweep.morris_trajectory[r], sweep.morris_step[r]}];
      p.factor = sweep.morris_factor[r];
      p.unit.clear();
      for (const auto& column : sweep.unit) p.unit.push_back(column[r]);
      if (sweep.status[r] == "done" && std::isfinite(outcome.values[r])) {
        p.sum += outcome.values[r];
        ++p.done;
      }
    }
    std::vector<std::vector<double>> effects(sweep.factor_names.size());
    for (auto it = points.begin(); it != points.end(); ++it) {
      if (it == points.begin() || it->first.second == 0) continue;
      const auto previous = std::prev(it);
      const MorrisPoint& now = it->second;
      const MorrisPoint& before = previous->second;
      if (previous->first.first != it->first.first || now.factor < 0 || now.done == 0 || before.done == 0) continue;
      const auto f = static_cast<std::size_t>(now.factor);
      const double step = now.unit[f] - before.unit[f];
      if (step == 0.0) continue;
      effects[f].push_back((now.sum / now.done - before.sum / before.done) / step);
    }
    for (std::size_t f = 0; f < effects.size(); ++f) {
      MorrisRow row{outcome.name, sweep.factor_names[f], static_cast<int>(effects[f].size()), nan, nan, nan};
      if (!effects[f].empty()) {
        double sum = 0.0, absolute = 0.0;
        for (double e : effects[f]) {
          sum += e;
          absolute += std::abs(e);
        }
        const double n = static_cast<double>(effects[f].size());
        row.mu = sum / n;
        row.mu_star = absolute / n;
        if (effects[f].size() >= 2) {
          double squares = 0.0;
          for (double e : effects[f]) squares += (e - row.mu) * (e - row.mu);
          row.sigma = std::sqrt(squares / (n - 1.0));
        }
      }
      rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace convivia::sweep
