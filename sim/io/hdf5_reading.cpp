// Reading helpers for HDF5 files (see hdf5_reading.hpp).
#include "io/hdf5_reading.hpp"

namespace convivia::hdf5 {

bool has_link(hid_t file, const std::string& path) {
  // Check each level: H5Lexists fails (rather than answering no) when a parent is missing.
  std::size_t position = 0;
  while (true) {
    position = path.find('/', position + 1);
    const std::string prefix = path.substr(0, position);
    if (H5Lexists(file, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (position == std::string::npos) return true;
  }
}

std::string read_string_attribute(hid_t object, const char* name) {
  const std::string what = std::string("read attribute ") + name;
  if (H5Aexists(object, name) <= 0) throw OutputError(std::string("the root attribute ") + name + " is missing");
  Handle attr = attribute(H5Aopen(object, name, H5P_DEFAULT), what);
  Handle stored = datatype(H5Aget_type(attr.get()), what);
  if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) <= 0)
    throw OutputError(std::string("the root attribute ") + name + " is not a string");
  Handle type = utf8_string_type();
  char* text = nullptr;
  check_status(H5Aread(attr.get(), type.get(), &text), what);
  std::string value = text != nullptr ? text : "";
  H5free_memory(text);
  return value;
}

std::int64_t read_int_attribute(hid_t object, const char* name) {
  const std::string what = std::string("read attribute ") + name;
  if (H5Aexists(object, name) <= 0) throw OutputError(std::string("the root attribute ") + name + " is missing");
  Handle attr = attribute(H5Aopen(object, name, H5P_DEFAULT), what);
  std::int64_t value = 0;
  check_status(H5Aread(attr.get(), H5T_NATIVE_INT64, &value), what);
  return value;
}

std::vector<std::string> read_string_dataset(hid_t file, const std::string& path) {
  if (!has_link(file, path)) throw OutputError("the dataset /" + path + " is missing");
  const std::string what = "read /" + path;
  Handle data = dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), what);
  Handle space = dataspace(H5Dget_space(data.get()), what);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) throw OutputError("/" + path + " is not one-dimensional");
  hsize_t count = 0;
  H5Sget_simple_extent_dims(space.get(), &count, nullptr);
  Handle type = utf8_string_type();
  std::vector<char*> pointers(count, nullptr);
  if (count > 0) check_status(H5Dread(data.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), what);
  std::vector<std::string> values;
  for (char* pointer : pointers) values.emplace_back(pointer != nullptr ? pointer : "");
  if (count > 0) H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
  return values;
}

}  // namespace convivia::hdf5
