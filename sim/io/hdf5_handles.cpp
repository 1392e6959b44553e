// HDF5 error reporting and the small helpers declared in hdf5_handles.hpp.
#include "io/hdf5_handles.hpp"

#include <vector>

namespace convivia::hdf5 {

namespace {

herr_t collect_message(unsigned /*n*/, const H5E_error2_t* error, void* client_data) {
  auto* messages = static_cast<std::vector<std::string>*>(client_data);
  if (error != nullptr && error->desc != nullptr && error->desc[0] != '\0') messages->emplace_back(error->desc);
  return 0;
}

}  // namespace

void silence_errors() {
  // HDF5 1.10 crashes in its exit handler if closing a file failed (a full disk): the library keeps
  // the half-closed file and closes it again at exit. Every file of ours is closed explicitly, so
  // the handler is switched off; this must come before any other HDF5 call, which this one is.
  static const bool no_atexit = H5dont_atexit() >= 0;
  (void)no_atexit;
  // In a thread-safe HDF5 build each thread has its own error stack and printing setting.
  thread_local bool silenced = false;
  if (!silenced) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    silenced = true;
  }
}

std::string error_detail() {
  std::vector<std::string> messages;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_message, &messages);
  H5Eclear2(H5E_DEFAULT);
  if (messages.empty()) return "unknown HDF5 error";
  // A failed system call: the operating system's reason is what the user needs ("No space left on
  // device"), not the library's internal steps.
  for (const std::string& message : messages) {
    const std::size_t start = message.find("error message = '");
    if (start == std::string::npos) continue;
    const std::size_t begin = start + 17;
    const std::size_t end = message.find('\'', begin);
    if (end != std::string::npos) return message.substr(begin, end - begin);
  }
  // Walking downward ends at the innermost frame, which says what actually went wrong (for a file
  // that cannot be created: the operating system's errno text); the outermost says what was asked.
  std::string detail = messages.back();
  if (messages.size() > 1 && messages.front() != messages.back()) detail = messages.front() + " (" + detail + ")";
  return detail;
}

hid_t check_id(hid_t id, std::string_view what) {
  if (id < 0) throw OutputError(std::string(what) + ": " + error_detail());
  return id;
}

herr_t check_status(herr_t status, std::string_view what) {
  if (status < 0) throw OutputError(std::string(what) + ": " + error_detail());
  return status;
}

void Handle::close(std::string_view what) {
  if (id_ < 0) return;
  const hid_t id = id_;
  id_ = H5I_INVALID_HID;
  check_status(close_(id), what);
}

Handle file(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Fclose); }
Handle group(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Gclose); }
Handle dataset(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Dclose); }
Handle dataspace(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Sclose); }
Handle datatype(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Tclose); }
Handle plist(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Pclose); }
Handle attribute(hid_t id, std::string_view what) { return Handle(check_id(id, what), H5Aclose); }

Handle utf8_string_type() {
  Handle type = datatype(H5Tcopy(H5T_C_S1), "copy string type");
  check_status(H5Tset_size(type.get(), H5T_VARIABLE), "make string type variable-length");
  check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "set string type to UTF-8");
  return type;
}

void write_string_attribute(hid_t object, const char* name, std::string_view value) {
  const std::string what = std::string("write attribute ") + name;
  Handle type = utf8_string_type();
  Handle space = dataspace(H5Screate(H5S_SCALAR), what);
  Handle attr = attribute(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
  const std::string text(value);  // NUL-terminated copy
  const char* pointer = text.c_str();
  check_status(H5Awrite(attr.get(), type.get(), &pointer), what);
}

void write_string_array_attribute(hid_t object, const char* name, std::span<const std::string_view> values) {
  const std::string what = std::string("write attribute ") + name;
  std::vector<std::string> texts(values.begin(), values.end());
  std::vector<const char*> pointers;
  for (const std::string& text : texts) pointers.push_back(text.c_str());
  Handle type = utf8_string_type();
  const hsize_t size = pointers.size();
  Handle space = dataspace(H5Screate_simple(1, &size, nullptr), what);
  Handle attr = attribute(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
  if (!pointers.empty()) check_status(H5Awrite(attr.get(), type.get(), pointers.data()), what);
}

void write_double_attribute(hid_t object, const char* name, double value) {
  const std::string what = std::string("write attribute ") + name;
  Handle space = dataspace(H5Screate(H5S_SCALAR), what);
  Handle attr = attribute(H5Acreate2(object, name, H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
  check_status(H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &value), what);
}

void write_int_attribute(hid_t object, const char* name, std::int64_t value) {
  const std::string what = std::string("write attribute ") + name;
  Handle space = dataspace(H5Screate(H5S_SCALAR), what);
  Handle attr = attribute(H5Acreate2(object, name, H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
  check_status(H5Awrite(attr.get(), H5T_NATIVE_INT64, &value), what);
}

}  // namespace convivia::hdf5
