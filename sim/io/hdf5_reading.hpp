// Reading helpers over the HDF5 C API for the readers of run files (compare, the viewer): whether a
// path exists, string and integer attributes, whole numeric and string datasets. Every failure is an
// OutputError saying what is missing or malformed; callers turn it into an InputError on their file.
// Same assumptions as hdf5_handles.hpp (serial HDF5 1.10, one thread, errors silenced).
#pragma once

#include "io/hdf5_handles.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace convivia::hdf5 {

// True if every level of `path` (below `file`) exists.
bool has_link(hid_t file, const std::string& path);

// A variable-length string attribute / an integer attribute of `object`.
std::string read_string_attribute(hid_t object, const char* name);
std::int64_t read_int_attribute(hid_t object, const char* name);
// A floating-point attribute of the object at `path` (a group or dataset).
double read_double_attribute(hid_t file, const std::string& path, const char* name);

// A whole numeric dataset converted to T, and its dimensions.
template <class T>
std::vector<T> read_dataset(hid_t file, const std::string& path, std::vector<hsize_t>& dims);

// A whole one-dimensional dataset of variable-length strings.
std::vector<std::string> read_string_dataset(hid_t file, const std::string& path);

// Throws unless `dims` has `rank` dimensions and the first one is `length` long.
void require_length(const std::string& path, const std::vector<hsize_t>& dims, std::size_t rank, hsize_t length);

}  // namespace convivia::hdf5
