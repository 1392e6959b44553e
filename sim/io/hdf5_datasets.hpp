// Fixed-size and extendible datasets with labelled dimensions, as every Convivia output file lays
// them out (docs/output-format.md): chunked (about 1 MiB at most), shuffle + deflate, object time
// stamps off, dimension scales attached and each dimension labelled with its name, `units` and
// `long_name` attributes. Shared by the run writer and the sweep's collected file.
#pragma once

#include "io/hdf5_handles.hpp"

#include <span>
#include <string>
#include <vector>

namespace convivia::hdf5 {

inline constexpr unsigned deflate_level = 4;
inline constexpr hsize_t chunk_target_bytes = hsize_t{1} << 20;

// One dimension of a dataset: its label, its dimension scale (or H5I_INVALID_HID) and its length.
struct Axis {
  const char* name;
  hid_t scale;  // H5I_INVALID_HID: none
  hsize_t size;
};

// Chunks of at most about 1 MiB: halve the longest side until the chunk fits.
std::vector<hsize_t> choose_chunk(std::vector<hsize_t> chunk, std::size_t element_size);

// `units` may be null (strings); long_name is required.
void describe(hid_t object, const char* units, const char* long_name);
void make_scale(hid_t dataset, const char* dimension_name);

// Creates a chunked dataset; if extendible, the first dimension starts at 0 and is unlimited.
// Scales are attached and every dimension labelled with its name.
Handle create_dataset(hid_t parent, const char* name, hid_t file_type, std::size_t element_size,
                      const std::vector<Axis>& axes, bool extendible, hsize_t time_chunk, bool compress);

hsize_t element_count(const std::vector<Axis>& axes);

// A fixed-size, compressed dataset holding all of data; a one-dimensional one can be made the scale
// of its own dimension.
template <class T>
Handle write_fixed(hid_t parent, const char* name, std::span<const T> data, const std::vector<Axis>& axes,
                   const char* units, const char* long_name, bool is_scale = false) {
  const std::string what = std::string("write dataset ") + name;
  if (element_count(axes) != data.size()) throw OutputError(what + ": data size does not match its dimensions");
  Handle dataset = create_dataset(parent, name, Types<T>::file(), sizeof(T), axes, false, 0, true);
  if (!data.empty()) {
    check_status(H5Dwrite(dataset.get(), Types<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), what);
  }
  describe(dataset.get(), units, long_name);
  if (is_scale) make_scale(dataset.get(), axes[0].name);
  return dataset;
}

// Variable-length UTF-8 strings along one axis (not compressed: only heap references would be).
Handle write_strings(hid_t parent, const char* name, const std::vector<std::string>& values, const Axis& axis,
                     const char* long_name, bool is_scale = false);

}  // namespace convivia::hdf5
