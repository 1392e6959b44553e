// Collecting a sweep directory into one experiments file (see sweep_collect.hpp). Two passes over
// the run files: the first computes the scalar outcomes and learns the axes of the kept series (the
// longest time axis wins; the other axes must agree across runs), the second copies the series run
// by run, so memory holds one run's series at a time.
#include "analysis/sweep_collect.hpp"

#include "analysis/plan_json.hpp"
#include "analysis/run_outcomes.hpp"
#include "analysis/sweep_directory.hpp"
#include "io/hdf5_datasets.hpp"
#include "io/hdf5_output_file.hpp"
#include "io/input_error.hpp"
#include "io/sha256.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace convivia::sweep {
namespace {

namespace fs = std::filesystem;
using hdf5::Axis;
using hdf5::check_status;
using hdf5::Handle;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr const char* conventions = "convivia-sweep-1";

struct RunState {
  RunStatus status = RunStatus::missing;
  std::string error;
  std::string git_commit;
};

// What the first pass learns about one kept series.
struct SeriesShape {
  std::vector<SeriesAxis> axes;  // time (longest seen) first
  std::string units;
  std::string long_name;
  bool seen = false;
};

std::optional<Handle> open_run(const std::string& path) {
  const hid_t id = open_run_file(path);
  if (id < 0) return std::nullopt;
  return Handle(id, H5Fclose);
}

[[noreturn]] void outcome_failure(const SweepPlan& plan, std::size_t index, const std::string& message, const std::string& file) {
  const OutcomeSpec& outcome = plan.sweep.outcomes[index];
  throw InputError(plan.sweep.path, outcome.line, "outcomes[" + std::to_string(index) + "] (" + outcome.name + ")",
                   message + " (in " + file + ")");
}

// Adds a run's axes to what is known of the series; the time axis grows, the others must agree.
void merge_shape(SeriesShape& shape, const RunSeries& series, const std::string& file) {
  if (!shape.seen) {
    shape.axes = series.axes;
    shape.units = series.units;
    shape.long_name = series.long_name;
    shape.seen = true;
    return;
  }
  if (shape.axes.size() != series.axes.size()) throw OutcomeError("the series has " + std::to_string(series.axes.size()) + " axes here, " +
                                                                  std::to_string(shape.axes.size()) + " in other runs");
  for (std::size_t a = 1; a < series.axes.size(); ++a)
    if (!shape.axes[a].same_scale(series.axes[a]))
      throw OutcomeError("the axis '" + series.axes[a].name + "' differs from that of other runs (" + file +
                         "); series of runs with different groups or districts cannot share one dataset");
  SeriesAxis& time = shape.axes[0];
  const SeriesAxis& other = series.axes[0];
  const SeriesAxis& shorter = other.size < time.size ? other : time;
  const SeriesAxis& longer = other.size < time.size ? time : other;
  for (std::size_t i = 0; i < shorter.size; ++i)
    if (!shorter.text && shorter.numbers[i] != longer.numbers[i])
      throw OutcomeError("the time axis '" + other.name + "' differs from that of other runs");
  if (other.size > time.size) time = other;
}

std::string long_name_of(const OutcomeSpec& outcome, const std::string& series_long_name) {
  std::string what = series_long_name.empty() ? outcome.series : series_long_name;
  for (const auto& [dimension, label] : outcome.select) what += ", " + dimension + " " + label;
  switch (outcome.summary) {
    case Summary::final: return "final value of: " + what;
    case Summary::mean: return "mean over the window of: " + what;
    case Summary::min: return "minimum over the window of: " + what;
    case Summary::max: return "maximum over the window of: " + what;
    case Summary::series: return what;
  }
  return what;
}

void write_outcome_attributes(hid_t dataset, const OutcomeSpec& outcome) {
  hdf5::write_string_attribute(dataset, "series", outcome.series);
  hdf5::write_string_attribute(dataset, "summary", summary_name(outcome.summary));
  std::string select;
  for (const auto& [dimension, label] : outcome.select) select += (select.empty() ? "" : ";") + dimension + "=" + label;
  hdf5::write_string_attribute(dataset, "select", select);
  if (outcome.window) {
    hdf5::write_double_attribute(dataset, "window_first", outcome.window->first);
    hdf5::write_double_attribute(dataset, "window_last", outcome.window->second);
  }
}

// A root dimension scale for a series axis (once per name).
hid_t axis_scale(hid_t root, std::map<std::string, Handle>& scales, const SeriesAxis& axis) {
  if (const auto it = scales.find(axis.name); it != scales.end()) return it->second.get();
  const char* units = axis.units.empty() ? nullptr : axis.units.c_str();
  const std::string long_name = axis.long_name.empty() ? axis.name : axis.long_name;
  const std::vector<Axis> axes = {{axis.name.c_str(), H5I_INVALID_HID, axis.size}};
  Handle scale;
  if (axis.text) {
    scale = hdf5::write_strings(root, axis.name.c_str(), axis.labels, axes[0], long_name.c_str(), true);
  } else if (axis.integer) {
    const std::vector<std::int32_t> values(axis.numbers.begin(), axis.numbers.end());
    scale = hdf5::write_fixed<std::int32_t>(root, axis.name.c_str(), values, axes, units, long_name.c_str(), true);
  } else {
    scale = hdf5::write_fixed<double>(root, axis.name.c_str(), axis.numbers, axes, units, long_name.c_str(), true);
  }
  return scales.emplace(axis.name, std::move(scale)).first->second.get();
}

class Collector {
 public:
  Collector(const SweepDirectory& directory, StoredPlan stored) : directory_(directory), stored_(std::move(stored)) {}

  CollectResult collect(const std::string& output) {
    read_records();
    first_pass();
    const std::string temporary = temporary_path_for(output);
    try {
      hdf5::with_path(output, [&] { write(output, temporary); });
    } catch (...) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw;
    }
    CollectResult result;
    result.runs = static_cast<int>(plan().runs.size());
    for (const RunState& state : states_) {
      result.done += state.status == RunStatus::done;
      result.failed += state.status == RunStatus::failed;
      result.missing += state.status == RunStatus::missing;
    }
    return result;
  }

 private:
  const SweepPlan& plan() const { return stored_.plan; }
  bool scenario_model() const { return plan().sweep.model == SweepModel::scenario; }

  void read_records() {
    states_.resize(plan().runs.size());
    for (std::size_t r = 0; r < plan().runs.size(); ++r) {
      const std::optional<RunRecord> record = read_run_record(directory_, static_cast<int>(r));
      if (!record) continue;
      states_[r].status = record->status;
      states_[r].error = record->error;
      states_[r].git_commit = record->git_commit;
      std::error_code error;
      if (record->status == RunStatus::done && scenario_model() && !fs::is_regular_file(directory_.run_file(static_cast<int>(r)), error)) {
        states_[r] = RunState{};  // a record without its file is a run to redo
      }
      if (record->status == RunStatus::done && !scenario_model()) {
        for (const OutcomeSpec& outcome : plan().sweep.outcomes)
          if (record->outcomes.count(outcome.name) == 0) states_[r] = RunState{};
      }
      if (states_[r].status == RunStatus::done && !scenario_model()) test_outcomes_[r] = record->outcomes;
    }
  }

  void first_pass() {
    const auto& outcomes = plan().sweep.outcomes;
    scalars_.assign(outcomes.size(), std::vector<double>(plan().runs.size(), nan));
    shapes_.assign(outcomes.size(), SeriesShape{});
    for (std::size_t r = 0; r < plan().runs.size(); ++r) {
      if (states_[r].status != RunStatus::done) continue;
      if (!scenario_model()) {
        for (std::size_t i = 0; i < outcomes.size(); ++i) scalars_[i][r] = test_outcomes_[r].at(outcomes[i].name);
        continue;
      }
      const std::string path = directory_.run_file(static_cast<int>(r));
      std::optional<Handle> file = open_run(path);
      if (!file) {
        states_[r].status = RunStatus::failed;
        states_[r].error = "the run file cannot be read: " + hdf5::error_detail();
        continue;
      }
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        try {
          const RunSeries series = read_outcome_series(file->get(), outcomes[i]);
          if (outcomes[i].summary == Summary::series) {
            merge_shape(shapes_[i], series, path);
          } else {
            scalars_[i][r] = summarise(series, outcomes[i]);
            if (!shapes_[i].seen) merge_shape(shapes_[i], series, path);
          }
        } catch (const OutcomeError& error) {
          outcome_failure(plan(), i, error.what(), path);
        } catch (const OutputError& error) {
          outcome_failure(plan(), i, error.what(), path);
        }
      }
    }
  }

  void write(const std::string& output, const std::string& temporary) {
    const SweepPlan& p = plan();
    Provenance provenance = make_provenance(stored_.base_scenario_text, p.sweep.seed);
    Handle file = hdf5::create_output_file(output, temporary, "Convivia sweep experiments", conventions, provenance);
    const hid_t root = file.get();
    write_root_attributes(root);
    const std::size_t runs = p.runs.size();
    std::vector<std::int32_t> index(runs);
    std::iota(index.begin(), index.end(), 0);
    Handle run_scale = hdf5::write_fixed<std::int32_t>(root, "run", index, {{"run", H5I_INVALID_HID, runs}}, "1", "run index", true);
    std::vector<std::string> factor_names;
    for (const FactorSpec& factor : p.sweep.factors) factor_names.push_back(factor.name);
    Handle factor_scale = hdf5::write_strings(root, "factor", factor_names, Axis{"factor", H5I_INVALID_HID, factor_names.size()},
                                              "factor names, in the sweep file's order", true);
    const Axis run_axis{"run", run_scale.get(), runs};
    write_design(root, run_axis);
    write_factors(root, Axis{"factor", factor_scale.get(), factor_names.size()});
    write_outcomes(root, run_axis);
    write_series(root, run_scale.get());
    hdf5::commit_output_file(file, output, temporary);
  }

  void write_root_attributes(hid_t root) {
    const SweepPlan& p = plan();
    hdf5::write_string_attribute(root, "sweep_name", p.sweep.name);
    hdf5::write_string_attribute(root, "description", p.sweep.description);
    hdf5::write_string_attribute(root, "sweep_file", p.sweep.text);
    hdf5::write_string_attribute(root, "sweep_file_sha256", sha256_hex(p.sweep.text));
    hdf5::write_string_attribute(root, "model", model_name(p.sweep.model));
    hdf5::write_string_attribute(root, "design", design_kind_name(p.sweep.design.kind));
    hdf5::write_int_attribute(root, "replicates", p.sweep.replicates);
    hdf5::write_int_attribute(root, "common_random_numbers", p.sweep.common_random_numbers ? 1 : 0);
    hdf5::write_int_attribute(root, "design_points", static_cast<std::int64_t>(p.points.size()));
    std::set<std::string> commits;
    std::int64_t counts[3] = {0, 0, 0};
    for (const RunState& state : states_) {
      if (!state.git_commit.empty()) commits.insert(state.git_commit);
      ++counts[static_cast<int>(state.status)];
    }
    std::string list;
    for (const std::string& commit : commits) list += (list.empty() ? "" : ";") + commit;
    hdf5::write_string_attribute(root, "run_git_commits", list);
    hdf5::write_int_attribute(root, "runs", static_cast<std::int64_t>(states_.size()));
    hdf5::write_int_attribute(root, "runs_done", counts[static_cast<int>(RunStatus::done)]);
    hdf5::write_int_attribute(root, "runs_failed", counts[static_cast<int>(RunStatus::failed)]);
    hdf5::write_int_attribute(root, "runs_missing", counts[static_cast<int>(RunStatus::missing)]);
  }

  void write_design(hid_t root, const Axis& run_axis) {
    const SweepPlan& p = plan();
    const Design& design = p.design;
    Handle group = hdf5::create_group(root, "design");
    const hid_t g = group.get();
    const std::size_t runs = p.runs.size();
    std::vector<std::int32_t> point(runs), replicate(runs), seed_point(runs);
    std::vector<std::int64_t> seed(runs);
    std::vector<std::string> label(runs), status(runs), error(runs);
    for (std::size_t r = 0; r < runs; ++r) {
      const PlannedRun& run = p.runs[r];
      point[r] = run.point;
      replicate[r] = run.replicate;
      seed[r] = static_cast<std::int64_t>(run.seed);
      seed_point[r] = p.points[static_cast<std::size_t>(run.point)].seed_point;
      label[r] = p.points[static_cast<std::size_t>(run.point)].label;
      status[r] = run_status_name(states_[r].status);
      error[r] = states_[r].error;
    }
    hdf5::write_fixed<std::int32_t>(g, "point", point, {run_axis}, "1", "design point of the run");
    hdf5::write_fixed<std::int32_t>(g, "replicate", replicate, {run_axis}, "1", "replicate of the design point, 0, 1, 2, ...");
    hdf5::write_fixed<std::int64_t>(g, "seed", seed, {run_axis}, "1", "random seed of the run (run.seed)");
    hdf5::write_fixed<std::int32_t>(g, "seed_point", seed_point, {run_axis}, "1",
                                    "design point whose seeds the run uses (common random numbers: runs with equal seed_point and "
                                    "replicate share their seed)");
    hdf5::write_strings(g, "label", label, run_axis, "the design point's factor values, name=value");
    hdf5::write_strings(g, "status", status, run_axis, "done, failed, or missing (not run yet)");
    hdf5::write_strings(g, "error", error, run_axis, "why a failed run failed; empty otherwise");
    for (std::size_t f = 0; f < p.sweep.factors.size(); ++f) {
      const FactorSpec& factor = p.sweep.factors[f];
      const bool numeric = std::all_of(p.points.begin(), p.points.end(), [&](const PlannedPoint& pt) { return !std::isnan(pt.values[f].number); });
      const std::string long_name = "value of factor " + factor.name + " (scenario key " + factor.key + ")";
      if (numeric) {
        std::vector<double> values(runs);
        for (std::size_t r = 0; r < runs; ++r) values[r] = p.points[static_cast<std::size_t>(p.runs[r].point)].values[f].number;
        Handle d = hdf5::write_fixed<double>(g, factor.name.c_str(), values, {run_axis}, nullptr, long_name.c_str());
        hdf5::write_string_attribute(d.get(), "key", factor.key);
      } else {
        std::vector<std::string> values(runs);
        for (std::size_t r = 0; r < runs; ++r) values[r] = p.points[static_cast<std::size_t>(p.runs[r].point)].values[f].label;
        Handle d = hdf5::write_strings(g, factor.name.c_str(), values, run_axis, (long_name + ", as its label").c_str());
        hdf5::write_string_attribute(d.get(), "key", factor.key);
      }
    }
    const auto factor_name = [&](int f) { return f < 0 ? std::string() : p.sweep.factors[static_cast<std::size_t>(f)].name; };
    const auto per_run_int = [&](const std::vector<int>& by_point) {
      std::vector<std::int32_t> out(runs);
      for (std::size_t r = 0; r < runs; ++r) out[r] = by_point[static_cast<std::size_t>(p.runs[r].point)];
      return out;
    };
    const auto per_run_factor = [&](const std::vector<int>& by_point) {
      std::vector<std::string> out(runs);
      for (std::size_t r = 0; r < runs; ++r) out[r] = factor_name(by_point[static_cast<std::size_t>(p.runs[r].point)]);
      return out;
    };
    if (!design.morris_step.empty()) {
      hdf5::write_fixed<std::int32_t>(g, "morris_trajectory", per_run_int(design.morris_trajectory), {run_axis}, "1", "Morris trajectory");
      hdf5::write_fixed<std::int32_t>(g, "morris_step", per_run_int(design.morris_step), {run_axis}, "1",
                                      "step within the trajectory, 0 .. factors");
      hdf5::write_strings(g, "morris_factor", per_run_factor(design.morris_factor), run_axis,
                          "factor moved from the previous step to this point; empty at step 0");
    }
    if (!design.saltelli_row.empty()) {
      std::vector<std::string> matrix(runs);
      for (std::size_t r = 0; r < runs; ++r) matrix[r] = saltelli_matrix_name(design.saltelli_matrix[static_cast<std::size_t>(p.runs[r].point)]);
      hdf5::write_fixed<std::int32_t>(g, "saltelli_row", per_run_int(design.saltelli_row), {run_axis}, "1", "row j of the base sample");
      hdf5::write_strings(g, "saltelli_matrix", matrix, run_axis, "A, B, or AB (A with one column from B)");
      hdf5::write_strings(g, "saltelli_factor", per_run_factor(design.saltelli_factor), run_axis,
                          "for AB: the factor whose column comes from B; empty for A and B");
    }
    Handle unit = hdf5::create_group(root, "unit");
    for (std::size_t f = 0; f < p.sweep.factors.size(); ++f) {
      std::vector<double> values(runs);
      for (std::size_t r = 0; r < runs; ++r) values[r] = p.points[static_cast<std::size_t>(p.runs[r].point)].unit[f];
      hdf5::write_fixed<double>(unit.get(), p.sweep.factors[f].name.c_str(), values, {run_axis}, "1",
                                "the design's coordinate of the factor in the unit hypercube, 0-1");
    }
  }

  void write_factors(hid_t root, const Axis& factor_axis) {
    const auto& factors = plan().sweep.factors;
    Handle group = hdf5::create_group(root, "factors");
    std::vector<std::string> key, distribution, values;
    std::vector<std::uint8_t> policy;
    std::vector<double> min, max;
    std::vector<std::int32_t> levels;
    for (const FactorSpec& factor : factors) {
      key.push_back(factor.key);
      policy.push_back(factor.policy ? 1 : 0);
      distribution.push_back(factor.is_range ? distribution_name(factor.distribution) : "values");
      min.push_back(factor.is_range ? factor.min : nan);
      max.push_back(factor.is_range ? factor.max : nan);
      levels.push_back(factor.level_count());
      std::string list;
      for (const FactorValue& value : factor.values) list += (list.empty() ? "" : ";") + value.label;
      values.push_back(list);
    }
    const hid_t g = group.get();
    hdf5::write_strings(g, "key", key, factor_axis, "scenario key the factor sets");
    hdf5::write_fixed<std::uint8_t>(g, "policy", policy, {factor_axis}, "1", "1 for a policy factor (common random numbers across it)");
    hdf5::write_strings(g, "distribution", distribution, factor_axis, "values (a list), or the distribution of a range");
    hdf5::write_fixed<double>(g, "min", min, {factor_axis}, nullptr, "lower end of a range; NaN for a list");
    hdf5::write_fixed<double>(g, "max", max, {factor_axis}, nullptr, "upper end of a range; NaN for a list");
    hdf5::write_fixed<std::int32_t>(g, "levels", levels, {factor_axis}, "count", "values of a list, or full-factorial levels of a range (0: sampled)");
    hdf5::write_strings(g, "values", values, factor_axis, "labels of a list's values, separated by ';'");
  }

  void write_outcomes(hid_t root, const Axis& run_axis) {
    const auto& outcomes = plan().sweep.outcomes;
    Handle group = hdf5::create_group(root, "outcomes");
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (outcomes[i].summary == Summary::series) continue;
      const std::string long_name =
          scenario_model() ? long_name_of(outcomes[i], shapes_[i].long_name) : std::string("value of the ") + model_name(plan().sweep.model) + " function";
      const char* units = shapes_[i].units.empty() ? (scenario_model() ? nullptr : "1") : shapes_[i].units.c_str();
      Handle d = hdf5::write_fixed<double>(group.get(), outcomes[i].name.c_str(), scalars_[i], {run_axis}, units, long_name.c_str());
      if (scenario_model()) write_outcome_attributes(d.get(), outcomes[i]);
    }
  }

  void write_series(hid_t root, hid_t run_scale) {
    const auto& outcomes = plan().sweep.outcomes;
    Handle group = hdf5::create_group(root, "series");
    std::map<std::string, Handle> scales;
    std::vector<Handle> datasets(outcomes.size());
    const std::size_t runs = plan().runs.size();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (outcomes[i].summary != Summary::series || !shapes_[i].seen) continue;
      std::vector<Axis> axes = {{"run", run_scale, runs}};
      for (const SeriesAxis& axis : shapes_[i].axes) axes.push_back(Axis{axis.name.c_str(), axis_scale(root, scales, axis), axis.size});
      datasets[i] = hdf5::create_dataset(group.get(), outcomes[i].name.c_str(), H5T_IEEE_F64LE, sizeof(double), axes, false, 0, true);
      hdf5::describe(datasets[i].get(), shapes_[i].units.empty() ? nullptr : shapes_[i].units.c_str(),
                     long_name_of(outcomes[i], shapes_[i].long_name).c_str());
      write_outcome_attributes(datasets[i].get(), outcomes[i]);
    }
    for (std::size_t r = 0; r < runs; ++r) {
      std::optional<Handle> file;
      if (states_[r].status == RunStatus::done && scenario_model()) file = open_run(directory_.run_file(static_cast<int>(r)));
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (!datasets[i].valid()) continue;
        std::optional<RunSeries> series;
        if (file) series = read_outcome_series(file->get(), outcomes[i]);
        write_row(datasets[i].get(), shapes_[i], r, series ? &*series : nullptr);
      }
    }
  }

  // Row r of a [run, time, ...] dataset: the run's series, NaN beyond its end (all NaN without one).
  static void write_row(hid_t dataset, const SeriesShape& shape, std::size_t r, const RunSeries* series) {
    std::size_t row_size = 1;
    for (const SeriesAxis& axis : shape.axes) row_size *= axis.size;
    std::vector<double> row(row_size, nan);
    if (series != nullptr) std::copy(series->values.begin(), series->values.end(), row.begin());  // time is the slowest axis
    std::vector<hsize_t> start = {r}, count = {1};
    for (const SeriesAxis& axis : shape.axes) {
      start.push_back(0);
      count.push_back(axis.size);
    }
    const std::string what = "write series row";
    Handle file_space = hdf5::dataspace(H5Dget_space(dataset), what);
    check_status(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr), what);
    Handle memory_space = hdf5::dataspace(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), what);
    if (row_size > 0) check_status(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(), H5P_DEFAULT, row.data()), what);
  }

  SweepDirectory directory_;
  StoredPlan stored_;
  std::vector<RunState> states_;
  std::map<std::size_t, std::map<std::string, double>> test_outcomes_;
  std::vector<std::vector<double>> scalars_;  // [outcome][run]
  std::vector<SeriesShape> shapes_;
};

}  // namespace

CollectResult collect_sweep(const std::string& directory, const std::string& output) {
  const SweepDirectory opened = open_sweep_directory(directory);
  StoredPlan stored = read_plan_json(read_text_file(opened.plan_path()), opened.plan_path());
  return Collector(opened, std::move(stored)).collect(output);
}

}  // namespace convivia::sweep
