// Series and scalar summaries from run files (see run_outcomes.hpp).
#include "analysis/run_outcomes.hpp"

#include "io/hdf5_reading.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace convivia::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::string optional_string_attribute(hid_t object, const char* name) {
  return H5Aexists(object, name) > 0 ? hdf5::read_string_attribute(object, name) : std::string();
}

// The members of a group, for messages.
std::string members_of(hid_t file, const std::string& group) {
  if (!hdf5::has_link(file, group)) return "";
  hdf5::Handle handle = hdf5::group(H5Gopen2(file, group.c_str(), H5P_DEFAULT), "open " + group);
  H5G_info_t info;
  if (H5Gget_info(handle.get(), &info) < 0) return "";
  std::string list;
  for (hsize_t i = 0; i < info.nlinks && i < 60; ++i) {
    char name[256] = {};
    H5Lget_name_by_idx(handle.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name, H5P_DEFAULT);
    list += (list.empty() ? "" : ", ") + std::string(name);
  }
  return list;
}

herr_t first_scale(hid_t, unsigned, hid_t scale, void* data) {
  // The id is closed when the iteration returns; a second reference keeps it open for the caller.
  if (H5Iinc_ref(scale) >= 0) *static_cast<hid_t*>(data) = scale;
  return 1;
}

SeriesAxis read_axis(hid_t file, hid_t dataset, unsigned dimension, hsize_t size) {
  SeriesAxis axis;
  axis.size = static_cast<std::size_t>(size);
  char label[256] = {};
  if (H5DSget_label(dataset, dimension, label, sizeof label) > 0) axis.name = label;
  hid_t scale_id = H5I_INVALID_HID;
  if (H5DSget_num_scales(dataset, dimension) > 0) H5DSiterate_scales(dataset, dimension, nullptr, first_scale, &scale_id);
  if (scale_id < 0) {
    // No scale attached: the axis is indexed 0, 1, 2, ...
    for (hsize_t i = 0; i < size; ++i) axis.numbers.push_back(static_cast<double>(i));
    if (axis.name.empty()) axis.name = "dim_" + std::to_string(dimension);
    return axis;
  }
  hdf5::Handle scale(scale_id, H5Dclose);
  char path[1024] = {};
  H5Iget_name(scale.get(), path, sizeof path);
  const std::string scale_path = std::string(path).substr(1);
  if (axis.name.empty()) axis.name = scale_path.substr(scale_path.rfind('/') + 1);
  hdf5::Handle type = hdf5::datatype(H5Dget_type(scale.get()), "read scale " + scale_path);
  axis.text = H5Tget_class(type.get()) == H5T_STRING;
  axis.integer = H5Tget_class(type.get()) == H5T_INTEGER;
  if (axis.text) {
    axis.labels = hdf5::read_string_dataset(file, scale_path);
  } else {
    std::vector<hsize_t> dims;
    axis.numbers = hdf5::read_dataset<double>(file, scale_path, dims);
  }
  axis.units = optional_string_attribute(scale.get(), "units");
  axis.long_name = optional_string_attribute(scale.get(), "long_name");
  if ((axis.text ? axis.labels.size() : axis.numbers.size()) != axis.size)
    throw OutcomeError("the scale /" + scale_path + " does not match dimension " + std::to_string(dimension) + " of the series");
  return axis;
}

std::string label_list(const SeriesAxis& axis) {
  std::string list;
  for (std::size_t i = 0; i < axis.size && i < 30; ++i)
    list += (list.empty() ? "" : ", ") + (axis.text ? "\"" + axis.labels[i] + "\"" : std::to_string(static_cast<long long>(axis.numbers[i])));
  return list;
}

// Keeps only index `keep` along axis `a`.
void pick(RunSeries& series, std::size_t a, std::size_t keep) {
  std::size_t outer = 1, inner = 1;
  for (std::size_t i = 0; i < a; ++i) outer *= series.axes[i].size;
  for (std::size_t i = a + 1; i < series.axes.size(); ++i) inner *= series.axes[i].size;
  const std::size_t size = series.axes[a].size;
  std::vector<double> kept;
  kept.reserve(outer * inner);
  for (std::size_t o = 0; o < outer; ++o)
    for (std::size_t i = 0; i < inner; ++i) kept.push_back(series.values[(o * size + keep) * inner + i]);
  series.values = std::move(kept);
  series.axes.erase(series.axes.begin() + static_cast<std::ptrdiff_t>(a));
}

}  // namespace

std::int64_t open_run_file(const std::string& path) {
  hdf5::silence_errors();
  const hid_t access = H5Pcreate(H5P_FILE_ACCESS);
  if (access < 0) return -1;
#if H5_VERSION_GE(1, 10, 7)
  H5Pset_file_locking(access, false, true);
#endif
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, access);
  H5Pclose(access);
  return file;
}

RunSeries read_outcome_series(std::int64_t file_id, const OutcomeSpec& outcome) {
  const auto file = static_cast<hid_t>(file_id);
  hdf5::silence_errors();
  RunSeries series;
  series.path = outcome.series;
  if (!hdf5::has_link(file, outcome.series) || H5Oexists_by_name(file, outcome.series.c_str(), H5P_DEFAULT) <= 0) {
    const std::string parent = outcome.series.substr(0, outcome.series.rfind('/'));
    const std::string members = members_of(file, parent);
    throw OutcomeError("the run file has no series /" + outcome.series +
                       (members.empty() ? "" : "; /" + parent + " holds: " + members));
  }
  hdf5::Handle dataset = hdf5::dataset(H5Dopen2(file, outcome.series.c_str(), H5P_DEFAULT), "open /" + outcome.series);
  hdf5::Handle type = hdf5::datatype(H5Dget_type(dataset.get()), "read /" + outcome.series);
  const H5T_class_t type_class = H5Tget_class(type.get());
  if (type_class != H5T_INTEGER && type_class != H5T_FLOAT) throw OutcomeError("/" + outcome.series + " is not a numeric series");
  std::vector<hsize_t> dims;
  series.values = hdf5::read_dataset<double>(file, outcome.series, dims);
  if (dims.empty()) throw OutcomeError("/" + outcome.series + " is a single value, not a series along time");
  for (unsigned d = 0; d < dims.size(); ++d) series.axes.push_back(read_axis(file, dataset.get(), d, dims[d]));
  series.units = optional_string_attribute(dataset.get(), "units");
  series.long_name = optional_string_attribute(dataset.get(), "long_name");

  // A named pair, not a structured binding: clang 14 (the fuzz build) cannot capture a binding.
  for (const auto& selection : outcome.select) {
    const std::string& dimension = selection.first;
    const std::string& label = selection.second;
    const auto axis = std::find_if(series.axes.begin() + 1, series.axes.end(), [&](const SeriesAxis& a) { return a.name == dimension; });
    if (axis == series.axes.end()) {
      std::string names;
      for (std::size_t a = 1; a < series.axes.size(); ++a) names += (names.empty() ? "" : ", ") + series.axes[a].name;
      throw OutcomeError("select: /" + outcome.series + " has no axis '" + dimension + "' to select along" +
                         (names.empty() ? std::string(" (it has only its time axis)") : "; its axes after time: " + names));
    }
    std::size_t index = axis->size;
    for (std::size_t i = 0; i < axis->size; ++i) {
      const bool match = axis->text ? axis->labels[i] == label : std::to_string(static_cast<long long>(axis->numbers[i])) == label;
      if (match) index = i;
    }
    if (index == axis->size)
      throw OutcomeError("select: '" + label + "' is not a label of axis '" + dimension + "' of /" + outcome.series + " (" + label_list(*axis) + ")");
    pick(series, static_cast<std::size_t>(axis - series.axes.begin()), index);
  }
  if (outcome.summary != Summary::series && series.axes.size() > 1) {
    std::string names;
    for (std::size_t a = 1; a < series.axes.size(); ++a) names += (names.empty() ? "" : ", ") + series.axes[a].name;
    throw OutcomeError("a scalar summary needs one value per time step, but /" + outcome.series + " also runs along " + names +
                       "; pick one with select = { " + series.axes[1].name + " = \"" +
                       (series.axes[1].text && !series.axes[1].labels.empty() ? series.axes[1].labels[0] : "...") + "\" }");
  }
  return series;
}

double summarise(const RunSeries& series, const OutcomeSpec& outcome) {
  const SeriesAxis& time = series.axes[0];
  if (series.values.empty()) return nan;
  if (outcome.summary == Summary::final) return series.values.back();
  double total = 0.0;
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  std::size_t count = 0;
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    const double t = time.text ? static_cast<double>(i) : time.numbers[i];
    if (outcome.window && (t < outcome.window->first || t > outcome.window->second)) continue;
    const double value = series.values[i];
    if (std::isnan(value)) continue;
    total += value;
    low = std::min(low, value);
    high = std::max(high, value);
    ++count;
  }
  if (count == 0) return nan;
  switch (outcome.summary) {
    case Summary::mean: return total / static_cast<double>(count);
    case Summary::min: return low;
    case Summary::max: return high;
    default: return nan;
  }
}

}  // namespace convivia::sweep
