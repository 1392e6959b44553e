// Small RAII layer over the HDF5 C API for the run writer and its tests: an owning handle for any
// hid_t, error checks that turn HDF5 failures into OutputError with HDF5's own reason attached, the
// variable-length UTF-8 string type, typed attribute helpers and the native/file type of each
// C++ element type. Assumes the serial HDF5 1.10 C library; callers use it from one thread.
// The writer switches HDF5's automatic error printing off (silence_errors) before its first call.
#pragma once

#include "io/hdf5_run_writer.hpp"

#if __has_include(<hdf5.h>)
#include <hdf5.h>
#include <hdf5_hl.h>
#else
#include <hdf5/serial/hdf5.h>
#include <hdf5/serial/hdf5_hl.h>
#endif

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace convivia::hdf5 {

using CloseFunction = herr_t (*)(hid_t);

// Owns one HDF5 identifier and closes it with the matching H5?close function.
class Handle {
 public:
  Handle() = default;
  Handle(hid_t id, CloseFunction close) : id_(id), close_(close) {}
  ~Handle() { reset(); }
  Handle(Handle&& other) noexcept : id_(other.id_), close_(other.close_) { other.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = other.id_;
      close_ = other.close_;
      other.id_ = H5I_INVALID_HID;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  // Closes without reporting failure (destructors, cleanup after an error).
  void reset() noexcept {
    if (id_ >= 0 && close_ != nullptr) close_(id_);
    id_ = H5I_INVALID_HID;
  }
  // Closes and throws OutputError if HDF5 reports a failure (the file close flushes everything).
  void close(std::string_view what);

 private:
  hid_t id_ = H5I_INVALID_HID;
  CloseFunction close_ = nullptr;
};

// Switches off HDF5's printing of error stacks to stderr for the calling thread (idempotent).
void silence_errors();
// The most specific messages of the current HDF5 error stack, then clears it.
std::string error_detail();

// Throw OutputError("<what>: <HDF5 detail>") when an HDF5 call failed.
hid_t check_id(hid_t id, std::string_view what);
herr_t check_status(herr_t status, std::string_view what);

Handle file(hid_t id, std::string_view what);
Handle group(hid_t id, std::string_view what);
Handle dataset(hid_t id, std::string_view what);
Handle dataspace(hid_t id, std::string_view what);
Handle datatype(hid_t id, std::string_view what);
Handle plist(hid_t id, std::string_view what);
Handle attribute(hid_t id, std::string_view what);

// Variable-length, UTF-8 C string type (h5py reads it as str).
Handle utf8_string_type();

// Memory (native) and file (explicit little-endian) types of each element type we store.
template <class T> struct Types;
template <> struct Types<std::uint8_t> {
  static hid_t memory() { return H5T_NATIVE_UINT8; }
  static hid_t file() { return H5T_STD_U8LE; }
};
template <> struct Types<std::uint16_t> {
  static hid_t memory() { return H5T_NATIVE_UINT16; }
  static hid_t file() { return H5T_STD_U16LE; }
};
template <> struct Types<std::int32_t> {
  static hid_t memory() { return H5T_NATIVE_INT32; }
  static hid_t file() { return H5T_STD_I32LE; }
};
template <> struct Types<std::uint32_t> {
  static hid_t memory() { return H5T_NATIVE_UINT32; }
  static hid_t file() { return H5T_STD_U32LE; }
};
template <> struct Types<std::int64_t> {
  static hid_t memory() { return H5T_NATIVE_INT64; }
  static hid_t file() { return H5T_STD_I64LE; }
};
template <> struct Types<float> {
  static hid_t memory() { return H5T_NATIVE_FLOAT; }
  static hid_t file() { return H5T_IEEE_F32LE; }
};
template <> struct Types<double> {
  static hid_t memory() { return H5T_NATIVE_DOUBLE; }
  static hid_t file() { return H5T_IEEE_F64LE; }
};

// Attributes on a group or dataset; each replaces no existing attribute (names must be new).
void write_string_attribute(hid_t object, const char* name, std::string_view value);
void write_string_array_attribute(hid_t object, const char* name, std::span<const std::string_view> values);
void write_double_attribute(hid_t object, const char* name, double value);
void write_int_attribute(hid_t object, const char* name, std::int64_t value);

}  // namespace convivia::hdf5
