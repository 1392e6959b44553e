// Reading HDF5 files written by Convivia (run files, sweep files): whether a path exists, string and
// integer attributes, whole numeric and string datasets. Failures throw OutputError with HDF5's
// reason (hdf5_handles.hpp); callers that read user-given files turn them into InputError.
#pragma once

#include "io/hdf5_handles.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace convivia::hdf5 {

// Whether every level of path (relative to file, no leading '/') exists.
bool has_link(hid_t file, const std::string& path);

std::string read_string_attribute(hid_t object, const char* name);
std::int64_t read_int_attribute(hid_t object, const char* name);

// A whole numeric dataset converted to `memory_type`, and its dimensions.
template <class T>
std::vector<T> read_dataset(hid_t file, const std::string& path, hid_t memory_type, std::vector<hsize_t>& dims) {
  if (!has_link(file, path)) throw OutputError("the dataset /" + path + " is missing");
  const std::string what = "read /" + path;
  hdf5::Handle data = hdf5::dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), what);
  hdf5::Handle space = hdf5::dataspace(H5Dget_space(data.get()), what);
  const int rank = hdf5::check_id(H5Sget_simple_extent_ndims(space.get()), what);
  dims.assign(static_cast<std::size_t>(rank), 0);
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  hsize_t count = 1;
  for (const hsize_t d : dims) count *= d;
  std::vector<T> values(count);
  if (count > 0) hdf5::check_status(H5Dread(data.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), what);
  return values;
}

// A one-dimensional dataset of variable-length strings.
std::vector<std::string> read_string_dataset(hid_t file, const std::string& path);

}  // namespace convivia::hdf5
