// The reading helpers declared in hdf5_reading.hpp.
#include "io/hdf5_reading.hpp"

namespace convivia::hdf5 {
namespace {

// Throws unless the attribute holds exactly one value: reading an array attribute into a single
// value or pointer would write past it (found by tests/fuzz/fuzz_run_file).
void require_one_value(hid_t attr, const std::string& what) {
  Handle space = dataspace(H5Aget_space(attr), what);
  if (H5Sget_simple_extent_npoints(space.get()) != 1) throw OutputError(what + ": not a single value");
}

// The dataset's element count, refused before anything is allocated when the file cannot hold that
// many values: deflate expands data at most about 1032-fold, so a dataset whose values would need
// more than 1100 times its stored bytes (plus 1 MiB) declares a shape it does not have (a damaged
// or hand-made file; found by tests/fuzz/fuzz_run_file). The product of the dimensions cannot
// overflow either.
hsize_t checked_count(hid_t data, hid_t space, std::size_t element_bytes, const std::string& path, std::vector<hsize_t>& dims) {
  const std::string what = "read /" + path;
  const int rank = check_id(H5Sget_simple_extent_ndims(space), what);
  dims.assign(static_cast<std::size_t>(rank), 0);
  if (rank > 0) check_status(H5Sget_simple_extent_dims(space, dims.data(), nullptr), what);
  const double stored = static_cast<double>(H5Dget_storage_size(data));
  const double limit = 1100.0 * stored + 1024.0 * 1024.0;
  double bytes = static_cast<double>(element_bytes);
  hsize_t count = 1;
  for (const hsize_t d : dims) {
    bytes *= static_cast<double>(d);
    count *= d;
    if (bytes > limit) throw OutputError("/" + path + " declares more values than the file holds");
  }
  return count;
}

}  // namespace

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
  require_one_value(attr.get(), what);
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
  require_one_value(attr.get(), what);
  std::int64_t value = 0;
  check_status(H5Aread(attr.get(), H5T_NATIVE_INT64, &value), what);
  return value;
}

double read_double_attribute(hid_t file, const std::string& path, const char* name) {
  const std::string what = "read attribute " + std::string(name) + " of /" + path;
  if (!has_link(file, path)) throw OutputError("/" + path + " is missing");
  if (H5Aexists_by_name(file, path.c_str(), name, H5P_DEFAULT) <= 0)
    throw OutputError("the attribute " + std::string(name) + " of /" + path + " is missing");
  Handle attr = attribute(H5Aopen_by_name(file, path.c_str(), name, H5P_DEFAULT, H5P_DEFAULT), what);
  require_one_value(attr.get(), what);
  double value = 0.0;
  check_status(H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value), what);
  return value;
}

template <class T>
std::vector<T> read_dataset(hid_t file, const std::string& path, std::vector<hsize_t>& dims) {
  if (!has_link(file, path)) throw OutputError("the dataset /" + path + " is missing");
  const std::string what = "read /" + path;
  Handle data = dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), what);
  Handle space = dataspace(H5Dget_space(data.get()), what);
  const hsize_t count = checked_count(data.get(), space.get(), sizeof(T), path, dims);
  std::vector<T> values(count);
  if (count > 0) check_status(H5Dread(data.get(), Types<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), what);
  return values;
}

template std::vector<std::uint8_t> read_dataset(hid_t, const std::string&, std::vector<hsize_t>&);
template std::vector<std::int32_t> read_dataset(hid_t, const std::string&, std::vector<hsize_t>&);
template std::vector<std::uint32_t> read_dataset(hid_t, const std::string&, std::vector<hsize_t>&);
template std::vector<std::int64_t> read_dataset(hid_t, const std::string&, std::vector<hsize_t>&);
template std::vector<float> read_dataset(hid_t, const std::string&, std::vector<hsize_t>&);
template std::vector<double> read_dataset(hid_t, const std::string&, std::vector<hsize_t>&);

std::vector<std::string> read_string_dataset(hid_t file, const std::string& path) {
  if (!has_link(file, path)) throw OutputError("the dataset /" + path + " is missing");
  const std::string what = "read /" + path;
  Handle data = dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), what);
  Handle space = dataspace(H5Dget_space(data.get()), what);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) throw OutputError("/" + path + " is not one-dimensional");
  std::vector<hsize_t> dims;
  const hsize_t count = checked_count(data.get(), space.get(), sizeof(char*), path, dims);
  Handle stored = datatype(H5Dget_type(data.get()), what);
  if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) <= 0)
    throw OutputError("/" + path + " does not hold variable-length strings");
  Handle type = utf8_string_type();
  std::vector<char*> pointers(count, nullptr);
  if (count > 0) check_status(H5Dread(data.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), what);
  std::vector<std::string> values;
  for (char* pointer : pointers) values.emplace_back(pointer != nullptr ? pointer : "");
  if (count > 0) H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
  return values;
}

void require_length(const std::string& path, const std::vector<hsize_t>& dims, std::size_t rank, hsize_t length) {
  if (dims.size() != rank || dims[0] != length)
    throw OutputError("/" + path + " has " + (dims.empty() ? std::string("no") : std::to_string(dims[0])) + " rows, expected " +
                      std::to_string(length));
}

}  // namespace convivia::hdf5
