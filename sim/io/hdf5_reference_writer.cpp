// Writes a reference-model run (see hdf5_reference_writer.hpp). The runs are small, so everything is
// written at the end in a few fixed-size, compressed datasets. Object time stamps are off, so the
// same run gives the same bytes apart from the created_utc attribute.
#include "io/hdf5_reference_writer.hpp"

#include "io/hdf5_handles.hpp"
#include "io/hdf5_output_file.hpp"

#include <filesystem>
#include <numeric>
#include <span>
#include <system_error>
#include <vector>

namespace convivia {
namespace {

using hdf5::check_status;
using hdf5::create_group;
using hdf5::Handle;
using hdf5::Types;
using hdf5::with_path;

constexpr unsigned deflate_level = 4;

struct Axis {
  const char* name;
  hid_t scale;  // H5I_INVALID_HID: none (the dataset is the scale itself)
  hsize_t size;
};

// A chunked, compressed dataset holding all of `data`, with labelled dimensions, attached scales,
// units and long name; a one-dimensional dataset can be made the scale of its own dimension.
template <class T>
Handle write_dataset(hid_t parent, const char* name, std::span<const T> data, const std::vector<Axis>& axes,
                     const char* units, const char* long_name, bool is_scale = false) {
  const std::string what = std::string("write dataset ") + name;
  std::vector<hsize_t> dims, chunk;
  hsize_t count = 1;
  for (const Axis& axis : axes) {
    dims.push_back(axis.size);
    chunk.push_back(std::max<hsize_t>(axis.size, 1));
    count *= axis.size;
  }
  if (count != data.size()) throw OutputError(what + ": data size does not match its dimensions");
  Handle space = hdf5::dataspace(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), what);
  Handle dcpl = hdf5::plist(H5Pcreate(H5P_DATASET_CREATE), what);
  check_status(H5Pset_obj_track_times(dcpl.get(), false), what);
  check_status(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), what);
  check_status(H5Pset_shuffle(dcpl.get()), what);
  check_status(H5Pset_deflate(dcpl.get(), deflate_level), what);
  Handle dataset =
      hdf5::dataset(H5Dcreate2(parent, name, Types<T>::file(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT), what);
  if (!data.empty()) {
    check_status(H5Dwrite(dataset.get(), Types<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), what);
  }
  for (std::size_t i = 0; i < axes.size(); ++i) {
    if (axes[i].scale >= 0) check_status(H5DSattach_scale(dataset.get(), axes[i].scale, static_cast<unsigned>(i)), what);
    check_status(H5DSset_label(dataset.get(), static_cast<unsigned>(i), axes[i].name), what);
  }
  if (units != nullptr) hdf5::write_string_attribute(dataset.get(), "units", units);
  hdf5::write_string_attribute(dataset.get(), "long_name", long_name);
  if (is_scale) check_status(H5DSset_scale(dataset.get(), axes[0].name), what);
  return dataset;
}

template <class T>
Handle write_dataset(hid_t parent, const char* name, const std::vector<T>& data, const std::vector<Axis>& axes,
                     const char* units, const char* long_name, bool is_scale = false) {
  return write_dataset(parent, name, std::span<const T>(data), axes, units, long_name, is_scale);
}

Handle index_scale(hid_t parent, const char* name, std::size_t size, const char* long_name) {
  std::vector<std::int32_t> index(size);
  std::iota(index.begin(), index.end(), 0);
  return write_dataset(parent, name, index, {{name, H5I_INVALID_HID, size}}, "1", long_name, true);
}

}  // namespace

struct Hdf5ReferenceWriter::Impl {
  std::string path;
  std::string temporary_path;
  Handle file;
  bool finished = false;

  ~Impl() {
    if (finished) return;
    file.reset();
    std::error_code ignored;
    std::filesystem::remove(temporary_path, ignored);
  }

  void create(const Provenance& provenance) {
    file = hdf5::create_output_file(path, temporary_path, "Convivia reference model run", "convivia-reference-1", provenance);
  }

  void begin(const ScenarioConfig& config, const char* model) {
    if (finished || !file.valid()) throw OutputError("the reference output was already written");
    hdf5::write_string_attribute(file.get(), "model", model);
    hdf5::write_string_attribute(file.get(), "scenario_name", config.name);
  }

  void finish() {
    hdf5::commit_output_file(file, path, temporary_path);
    finished = true;
  }

  void schelling(const ScenarioConfig& config, const SchellingModel& model, const SchellingSeries& series) {
    begin(config, "schelling");
    const hid_t root = file.get();
    const std::size_t steps = series.step.size();
    Handle step = write_dataset(root, "step", series.step, {{"step", H5I_INVALID_HID, steps}}, "1",
                                "steps completed (0: after setup)", true);
    const Axis step_axis{"step", step.get(), steps};
    Handle group = create_group(root, "series");
    write_dataset(group.get(), "percent_similar", series.percent_similar, {step_axis}, "%",
                  "100 * same-group neighbours / all neighbours, summed over agents (NetLogo's % similar)");
    write_dataset(group.get(), "percent_unhappy", series.percent_unhappy, {step_axis}, "%",
                  "share of agents who fail the happiness test where they stand");
    write_dataset(group.get(), "moved", series.moved, {step_axis}, "count", "agents that moved during the step");

    Handle x = index_scale(root, "x", static_cast<std::size_t>(model.width()), "cell column (west to east)");
    Handle y = index_scale(root, "y", static_cast<std::size_t>(model.height()), "cell row (south to north)");
    Handle final_group = create_group(root, "final");
    write_dataset(final_group.get(), "grid", model.grid(),
                  {{"y", y.get(), static_cast<hsize_t>(model.height())}, {"x", x.get(), static_cast<hsize_t>(model.width())}},
                  "1", "final state of each cell: 0 empty, 1 an agent of group 0, 2 an agent of group 1");

    const SchellingMeasures measures = model.measure();
    hdf5::write_double_attribute(root, "percent_similar", measures.percent_similar);
    hdf5::write_double_attribute(root, "percent_unhappy", measures.percent_unhappy);
    hdf5::write_int_attribute(root, "steps", model.steps_done());
    hdf5::write_int_attribute(root, "agents", model.agent_count());
    hdf5::write_int_attribute(root, "all_happy", model.all_happy() ? 1 : 0);
    finish();
  }

  void axelrod(const ScenarioConfig& config, const AxelrodModel& model, const AxelrodSeries& series) {
    begin(config, "axelrod");
    const hid_t root = file.get();
    const std::size_t samples = series.events.size();
    Handle sample = index_scale(root, "sample", samples, "sample index");
    const Axis sample_axis{"sample", sample.get(), samples};
    Handle group = create_group(root, "series");
    write_dataset(group.get(), "events", series.events, {sample_axis}, "count", "events run when the sample was taken");
    write_dataset(group.get(), "active_bonds", series.active_bonds, {sample_axis}, "count",
                  "neighbouring pairs that can still interact (0 < overlap < F)");
    write_dataset(group.get(), "distinct_cultures", series.distinct_cultures, {sample_axis}, "count",
                  "distinct cultures on the lattice");

    const auto width = static_cast<std::size_t>(model.width());
    const auto height = static_cast<std::size_t>(model.height());
    const auto features = static_cast<std::size_t>(model.features());
    Handle x = index_scale(root, "x", width, "site column (west to east)");
    Handle y = index_scale(root, "y", height, "site row (south to north)");
    Handle feature = index_scale(root, "feature", features, "cultural feature");
    Handle final_group = create_group(root, "final");
    write_dataset(final_group.get(), "culture", model.culture(),
                  {{"y", y.get(), height}, {"x", x.get(), width}, {"feature", feature.get(), features}}, "1",
                  "final trait (0 to q - 1) of each site on each feature");
    write_dataset(final_group.get(), "region", model.region_labels(), {{"y", y.get(), height}, {"x", x.get(), width}}, "1",
                  "label of each site's region of identical culture (0, 1, ... by first site)");

    hdf5::write_int_attribute(root, "stable_regions", model.stable_regions());
    hdf5::write_int_attribute(root, "distinct_cultures", model.distinct_cultures());
    hdf5::write_int_attribute(root, "events", model.events());
    hdf5::write_int_attribute(root, "absorbed", model.absorbed() ? 1 : 0);
    hdf5::write_int_attribute(root, "features", model.features());
    hdf5::write_int_attribute(root, "traits", config.axelrod.traits);
    finish();
  }
};

Hdf5ReferenceWriter::Hdf5ReferenceWriter(std::string path, Provenance provenance)
    : path_(std::move(path)), impl_(std::make_unique<Impl>()) {
  impl_->path = path_;
  impl_->temporary_path = temporary_path_for(path_);
  with_path(path_, [&] { impl_->create(provenance); });
}

Hdf5ReferenceWriter::~Hdf5ReferenceWriter() = default;

void Hdf5ReferenceWriter::write_schelling(const ScenarioConfig& config, const SchellingModel& model,
                                          const SchellingSeries& series) {
  with_path(path_, [&] { impl_->schelling(config, model, series); });
}

void Hdf5ReferenceWriter::write_axelrod(const ScenarioConfig& config, const AxelrodModel& model,
                                        const AxelrodSeries& series) {
  with_path(path_, [&] { impl_->axelrod(config, model, series); });
}

}  // namespace convivia
