// Per-point means and effects (see point_statistics.hpp). Values are gathered in run order.
#include "analysis/point_statistics.hpp"

#include "io/input_error.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <sstream>

namespace convivia::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

struct PointRuns {
  std::string label;
  int seed_point = -1;
  std::map<int, double> by_replicate;  // done runs only
};

std::vector<PointRuns> gather(const CollectedSweep& sweep, const CollectedOutcome& outcome) {
  std::vector<PointRuns> points(static_cast<std::size_t>(sweep.point_count()));
  for (std::size_t r = 0; r < sweep.run_count(); ++r) {
    PointRuns& p = points[static_cast<std::size_t>(sweep.point[r])];
    p.label = sweep.label[r];
    p.seed_point = sweep.seed_point[r];
    if (sweep.status[r] == "done" && std::isfinite(outcome.values[r])) p.by_replicate[sweep.replicate[r]] = outcome.values[r];
  }
  return points;
}

std::vector<double> values_of(const PointRuns& p) {
  std::vector<double> values;
  for (const auto& [replicate, value] : p.by_replicate) values.push_back(value);
  return values;
}

MeanInterval mean_only(double mean) { return MeanInterval{mean, nan, nan, nan}; }

double mean_of(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

bool has_item(const std::string& label, const std::string& item) {
  std::istringstream items(label);
  std::string part;
  while (std::getline(items, part, ',')) {
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos && part.substr(first) == item) return true;
  }
  return false;
}

}  // namespace

const char* effect_method_name(EffectMethod method) {
  switch (method) {
    case EffectMethod::paired: return "paired";
    case EffectMethod::welch: return "welch";
    case EffectMethod::single: return "single";
  }
  return "";
}

std::vector<PointSummary> summarise_points(const CollectedSweep& sweep) {
  std::vector<PointSummary> rows;
  for (const CollectedOutcome& outcome : sweep.outcomes) {
    const std::vector<PointRuns> points = gather(sweep, outcome);
    for (std::size_t p = 0; p < points.size(); ++p) {
      const std::vector<double> values = values_of(points[p]);
      PointSummary row{static_cast<int>(p), points[p].label, outcome.name, static_cast<int>(values.size()), mean_only(nan)};
      if (values.size() >= 2) row.interval = mean_interval(values);
      else if (values.size() == 1) row.interval = mean_only(values[0]);
      rows.push_back(row);
    }
  }
  return rows;
}

int find_baseline_point(const CollectedSweep& sweep, const std::string& choice) {
  if (choice.empty()) return 0;
  int found = -1;
  for (std::size_t r = 0; r < sweep.run_count(); ++r) {
    if (sweep.point[r] == found) continue;
    if (sweep.label[r] == choice || has_item(sweep.label[r], choice)) {
      if (found >= 0)
        throw InputError(sweep.path, 0, "--baseline", "a label that names one design point; \"" + choice + "\" matches several");
      found = sweep.point[r];
    }
  }
  if (found < 0)
    throw InputError(sweep.path, 0, "--baseline", "a design point's label or one of its name=label items; no point matches \"" + choice + "\"");
  return found;
}

std::vector<PointEffect> point_effects(const CollectedSweep& sweep, int baseline_point) {
  std::vector<PointEffect> rows;
  for (const CollectedOutcome& outcome : sweep.outcomes) {
    const std::vector<PointRuns> points = gather(sweep, outcome);
    const PointRuns& base = points[static_cast<std::size_t>(baseline_point)];
    const std::vector<double> base_values = values_of(base);
    for (std::size_t p = 0; p < points.size(); ++p) {
      if (static_cast<int>(p) == baseline_point) continue;
      PointEffect row{static_cast<int>(p), points[p].label, outcome.name, EffectMethod::welch, 0, mean_only(nan)};
      if (points[p].seed_point == base.seed_point) {
        std::vector<double> before, after;
        for (const auto& [replicate, value] : points[p].by_replicate) {
          const auto twin = base.by_replicate.find(replicate);
          if (twin == base.by_replicate.end()) continue;
          before.push_back(twin->second);
          after.push_back(value);
        }
        row.method = EffectMethod::paired;
        row.pairs_or_runs = static_cast<int>(after.size());
        if (after.size() >= 2) row.difference = paired_difference_interval(before, after);
        else if (after.size() == 1) row.difference = mean_only(after[0] - before[0]);
      } else {
        const std::vector<double> values = values_of(points[p]);
        row.pairs_or_runs = static_cast<int>(values.size());
        if (values.size() >= 2 && base_values.size() >= 2) {
          row.difference = welch_difference_interval(base_values, values);
        } else if (!values.empty() && !base_values.empty()) {
          row.method = EffectMethod::single;
          row.difference = mean_only(mean_of(values) - mean_of(base_values));
        }
      }
      rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace convivia::sweep
