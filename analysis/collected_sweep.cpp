// Reading a collected sweep (see collected_sweep.hpp) with the shared HDF5 reading helpers.
#include "analysis/collected_sweep.hpp"

#include "io/hdf5_reading.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <filesystem>

namespace convivia::sweep {
namespace {

std::vector<int> read_ints(hid_t file, const std::string& path, std::size_t runs) {
  std::vector<hsize_t> dims;
  std::vector<int> values = hdf5::read_dataset<int>(file, path, dims);
  hdf5::require_length(path, dims, 1, runs);
  return values;
}

std::vector<std::string> read_strings(hid_t file, const std::string& path, std::size_t runs) {
  std::vector<std::string> values = hdf5::read_string_dataset(file, path);
  if (values.size() != runs) throw OutputError(path + " has " + std::to_string(values.size()) + " values, not one per run");
  return values;
}

// A design column that names a factor per run (empty for none), as indices into `names` (-1 for none).
std::vector<int> factor_indices(hid_t file, const std::string& path, std::size_t runs, const std::vector<std::string>& names) {
  std::vector<int> indices;
  for (const std::string& name : read_strings(file, path, runs)) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (!name.empty() && found == names.end()) throw OutputError(path + " names \"" + name + "\", which is not in /factor");
    indices.push_back(name.empty() ? -1 : static_cast<int>(found - names.begin()));
  }
  return indices;
}

// The analysis sizes its tables by the largest value of these columns (design points, Saltelli base
// rows), so a value outside what the run count allows would index past them or allocate without
// bound (found by tests/fuzz/fuzz_collected_sweep).
void require_below(const std::string& file, const char* column, const std::vector<int>& values, std::size_t limit,
                   const std::string& why) {
  for (std::size_t r = 0; r < values.size(); ++r)
    if (values[r] < 0 || static_cast<std::size_t>(values[r]) >= limit)
      throw InputError(file, 0, column, "values from 0 to " + std::to_string(static_cast<long long>(limit) - 1) + " (" + why + "); run " +
                                            std::to_string(r) + " has " + std::to_string(values[r]));
}

// Factor names are looked up by name (/unit/<name>, the Saltelli and Morris factor columns).
void require_distinct_names(const std::string& file, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) throw InputError(file, 0, "factor", "a name for every factor; factor " + std::to_string(i) + " has none");
    for (std::size_t j = 0; j < i; ++j)
      if (names[j] == names[i]) throw InputError(file, 0, "factor", "distinct factor names; \"" + names[i] + "\" appears twice");
  }
}

std::vector<std::string> member_names(hid_t file, const std::string& group) {
  hdf5::Handle handle = hdf5::group(H5Gopen2(file, group.c_str(), H5P_DEFAULT), "open " + group);
  H5G_info_t info;
  hdf5::check_status(H5Gget_info(handle.get(), &info), "list " + group);
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t length = H5Lget_name_by_idx(handle.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(length, 0)), '\0');
    H5Lget_name_by_idx(handle.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
    names.push_back(name);
  }
  return names;
}

}  // namespace

int CollectedSweep::point_count() const { return point.empty() ? 0 : *std::max_element(point.begin(), point.end()) + 1; }

CollectedSweep read_collected_sweep(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path, 0, "", "an existing collected sweep file (experiments.h5)");
  hdf5::silence_errors();
  CollectedSweep sweep;
  sweep.path = path;
  try {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
    const hid_t f = file.get();
    std::string conventions;
    try {
      conventions = hdf5::read_string_attribute(f, "conventions");
    } catch (const OutputError&) {
    }
    if (conventions != "convivia-sweep-1")
      throw InputError(path, 0, "conventions",
                       "a collected sweep (conventions = \"convivia-sweep-1\", made by `convivia sweep collect`); this file has " +
                           (conventions.empty() ? std::string("no conventions attribute") : "\"" + conventions + "\""));
    sweep.design = hdf5::read_string_attribute(f, "design");
    sweep.factor_names = hdf5::read_string_dataset(f, "factor");
    require_distinct_names(path, sweep.factor_names);
    std::vector<hsize_t> dims;
    sweep.point = hdf5::read_dataset<int>(f, "design/point", dims);
    hdf5::require_length("design/point", dims, 1, dims.empty() ? 0 : dims[0]);
    const std::size_t runs = sweep.point.size();
    require_below(path, "design/point", sweep.point, runs, "every design point has a run");
    sweep.replicate = read_ints(f, "design/replicate", runs);
    sweep.seed_point = read_ints(f, "design/seed_point", runs);
    sweep.status = read_strings(f, "design/status", runs);
    sweep.label = read_strings(f, "design/label", runs);
    if (sweep.design == "saltelli") {
      sweep.saltelli_row = read_ints(f, "design/saltelli_row", runs);
      require_below(path, "design/saltelli_row", sweep.saltelli_row, runs / (sweep.factor_names.size() + 2),
                    "a base row has a run at A, at B and at AB for each factor");
      sweep.saltelli_factor = factor_indices(f, "design/saltelli_factor", runs, sweep.factor_names);
      sweep.saltelli_matrix = read_strings(f, "design/saltelli_matrix", runs);
    }
    if (sweep.design == "morris") {
      sweep.morris_trajectory = read_ints(f, "design/morris_trajectory", runs);
      sweep.morris_step = read_ints(f, "design/morris_step", runs);
      sweep.morris_factor = factor_indices(f, "design/morris_factor", runs, sweep.factor_names);
      for (const std::string& name : sweep.factor_names) {
        std::vector<double> values = hdf5::read_dataset<double>(f, "unit/" + name, dims);
        hdf5::require_length("unit/" + name, dims, 1, runs);
        sweep.unit.push_back(std::move(values));
      }
    }
    for (const std::string& name : member_names(f, "outcomes")) {
      std::vector<double> values = hdf5::read_dataset<double>(f, "outcomes/" + name, dims);
      hdf5::require_length("outcomes/" + name, dims, 1, runs);
      sweep.outcomes.push_back({name, std::move(values)});
    }
  } catch (const OutputError& error) {
    throw InputError(path, 0, "", std::string("a readable collected sweep: ") + error.what());
  }
  return sweep;
}

namespace {

std::string optional_string_attribute(hid_t object, const char* name) {
  try {
    return hdf5::read_string_attribute(object, name);
  } catch (const OutputError&) {
    return "";
  }
}

std::string dimension_label(hid_t dataset, unsigned dimension) {
  const ssize_t length = H5DSget_label(dataset, dimension, nullptr, 0);
  if (length <= 0) return "";
  std::string label(static_cast<std::size_t>(length), '\0');
  H5DSget_label(dataset, dimension, label.data(), label.size() + 1);
  return label;
}

}  // namespace

CollectedSeriesSet read_collected_series(const std::string& path, std::size_t run_count) {
  hdf5::silence_errors();
  CollectedSeriesSet set;
  try {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
    const hid_t f = file.get();
    if (!hdf5::has_link(f, "series")) return set;
    for (const std::string& name : member_names(f, "series")) {
      const std::string dataset_path = "series/" + name;
      hdf5::Handle data = hdf5::dataset(H5Dopen2(f, dataset_path.c_str(), H5P_DEFAULT), "open /" + dataset_path);
      hdf5::Handle space = hdf5::dataspace(H5Dget_space(data.get()), "open /" + dataset_path);
      if (H5Sget_simple_extent_ndims(space.get()) != 2) {  // skipped before reading: matrices can be large
        set.skipped.push_back(name);
        continue;
      }
      CollectedSeries series;
      series.name = name;
      std::vector<hsize_t> dims;
      series.values = hdf5::read_dataset<double>(f, dataset_path, dims);
      hdf5::require_length(dataset_path, dims, 2, run_count);
      series.long_name = optional_string_attribute(data.get(), "long_name");
      series.units = optional_string_attribute(data.get(), "units");
      series.time_axis = dimension_label(data.get(), 1);
      std::vector<hsize_t> time_dims;
      if (!series.time_axis.empty() && hdf5::has_link(f, series.time_axis))
        series.time = hdf5::read_dataset<double>(f, series.time_axis, time_dims);
      if (series.time.size() != dims[1]) {
        series.time.resize(dims[1]);
        for (std::size_t t = 0; t < series.time.size(); ++t) series.time[t] = static_cast<double>(t);
      }
      set.series.push_back(std::move(series));
    }
  } catch (const OutputError& error) {
    throw InputError(path, 0, "series", std::string("readable kept series: ") + error.what());
  }
  return set;
}

}  // namespace convivia::sweep
