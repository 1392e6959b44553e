// Datasets with labelled dimensions (see hdf5_datasets.hpp).
#include "io/hdf5_datasets.hpp"

#include <algorithm>

namespace convivia::hdf5 {

std::vector<hsize_t> choose_chunk(std::vector<hsize_t> chunk, std::size_t element_size) {
  for (hsize_t& side : chunk) side = std::max<hsize_t>(side, 1);
  auto bytes = [&] {
    hsize_t total = element_size;
    for (hsize_t side : chunk) total *= side;
    return total;
  };
  while (bytes() > chunk_target_bytes) {
    auto longest = std::max_element(chunk.begin(), chunk.end());
    if (*longest <= 1) break;
    *longest = (*longest + 1) / 2;
  }
  return chunk;
}

void describe(hid_t object, const char* units, const char* long_name) {
  if (units != nullptr) hdf5::write_string_attribute(object, "units", units);
  hdf5::write_string_attribute(object, "long_name", long_name);
}

void make_scale(hid_t dataset, const char* dimension_name) {
  check_status(H5DSset_scale(dataset, dimension_name), std::string("make dimension scale ") + dimension_name);
}

Handle create_dataset(hid_t parent, const char* name, hid_t file_type, std::size_t element_size,
                      const std::vector<Axis>& axes, bool extendible, hsize_t time_chunk, bool compress) {
  const std::string what = std::string("create dataset ") + name;
  const int rank = static_cast<int>(axes.size());
  std::vector<hsize_t> dims, max_dims, chunk;
  for (const Axis& axis : axes) {
    dims.push_back(axis.size);
    max_dims.push_back(axis.size);
    chunk.push_back(axis.size);
  }
  if (extendible) {
    dims[0] = 0;
    max_dims[0] = H5S_UNLIMITED;
    chunk[0] = time_chunk;
  }
  chunk = choose_chunk(chunk, element_size);
  Handle space = hdf5::dataspace(H5Screate_simple(rank, dims.data(), max_dims.data()), what);
  Handle dcpl = hdf5::plist(H5Pcreate(H5P_DATASET_CREATE), what);
  check_status(H5Pset_obj_track_times(dcpl.get(), false), what);
  check_status(H5Pset_chunk(dcpl.get(), rank, chunk.data()), what);
  if (compress) {
    check_status(H5Pset_shuffle(dcpl.get()), what);
    check_status(H5Pset_deflate(dcpl.get(), deflate_level), what);
  }
  Handle dataset =
      hdf5::dataset(H5Dcreate2(parent, name, file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT), what);
  for (int i = 0; i < rank; ++i) {
    const Axis& axis = axes[static_cast<std::size_t>(i)];
    if (axis.scale >= 0) check_status(H5DSattach_scale(dataset.get(), axis.scale, static_cast<unsigned>(i)), what);
    check_status(H5DSset_label(dataset.get(), static_cast<unsigned>(i), axis.name), what);
  }
  return dataset;
}

hsize_t element_count(const std::vector<Axis>& axes) {
  hsize_t count = 1;
  for (const Axis& axis : axes) count *= axis.size;
  return count;
}

// Variable-length UTF-8 strings along one axis (not compressed: only heap references would be).
Handle write_strings(hid_t parent, const char* name, const std::vector<std::string>& values, const Axis& axis,
                     const char* long_name, bool is_scale) {
  const std::string what = std::string("write dataset ") + name;
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& value : values) pointers.push_back(value.c_str());
  Handle type = hdf5::utf8_string_type();
  const std::vector<Axis> axes = {{axis.name, axis.scale, values.size()}};
  Handle dataset = create_dataset(parent, name, type.get(), sizeof(char*), axes, false, 0, false);
  if (!pointers.empty()) {
    check_status(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), what);
  }
  describe(dataset.get(), nullptr, long_name);
  if (is_scale) make_scale(dataset.get(), axis.name);
  return dataset;
}

}  // namespace convivia::hdf5
