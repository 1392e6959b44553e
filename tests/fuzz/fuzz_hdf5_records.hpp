// Shared by the fuzz targets of HDF5 readers (fuzz_run_file, fuzz_collected_sweep): a file of valid
// HDF5 built from the input, whose content the input chooses: which of the root attributes and
// datasets a reader looks for exist, with which type, rank, shape and values. That is what a
// damaged, truncated, hand-edited or foreign file presents to a reader. (Random bytes in the HDF5
// format itself would test the HDF5 library rather than our readers; the library is not ours to fix.)
//
// Input: a sequence of records, read from the front (make_seeds.py writes real files in this form):
//   u8 kind (even: root attribute, odd: dataset), u8 name index (into the target's name tables),
//   [u8 length + bytes: the rest of the name, for a dataset name ending in '/'], u8 type, u8 rank,
//   rank x u16 dimension (little-endian), then the values: numbers as raw little-endian bytes of the
//   type, strings as u8 length + bytes. Missing bytes read as zero. A dataset of more than 65,536
//   elements is created (chunked) but not written, as a file that declares a large shape would be.
#pragma once

#include "fuzz_support.hpp"
#include "io/hdf5_handles.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace convivia::fuzz {

struct RecordNames {
  std::span<const char* const> attributes;
  std::span<const char* const> datasets;  // "group/" takes the rest of its name from the input
};

class RecordReader {
 public:
  RecordReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_; }
  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
  void bytes(void* out, std::size_t n) {
    auto* target = static_cast<std::uint8_t*>(out);
    for (std::size_t i = 0; i < n; ++i) target[i] = byte();
  }
  std::string text() {
    std::string value(byte(), '\0');
    for (char& c : value) c = static_cast<char>(byte());
    return value;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

enum class ValueType : std::uint8_t { f64, i32, i64, u8, vlen_string, fixed_string, count };

inline hid_t file_type(ValueType type, hid_t fixed_string) {
  switch (type) {
    case ValueType::f64: return H5T_IEEE_F64LE;
    case ValueType::i32: return H5T_STD_I32LE;
    case ValueType::i64: return H5T_STD_I64LE;
    case ValueType::u8: return H5T_STD_U8LE;
    case ValueType::fixed_string: return fixed_string;
    default: return H5I_INVALID_HID;
  }
}

inline std::size_t element_size(ValueType type) {
  switch (type) {
    case ValueType::f64:
    case ValueType::i64: return 8;
    case ValueType::i32: return 4;
    case ValueType::u8: return 1;
    case ValueType::fixed_string: return 8;
    default: return 0;
  }
}

// Creates the groups on the way to `path` (e.g. "daily" for "daily/x"); false if one is a dataset.
inline bool make_parents(hid_t file, const std::string& path) {
  for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    const std::string parent = path.substr(0, slash);
    if (parent.empty()) return false;
    if (H5Lexists(file, parent.c_str(), H5P_DEFAULT) > 0) {
      H5O_info_t info;
      if (H5Oget_info_by_name(file, parent.c_str(), &info, H5P_DEFAULT) < 0 || info.type != H5O_TYPE_GROUP) return false;
      continue;
    }
    hdf5::Handle group(H5Gcreate2(file, parent.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
    if (!group.valid()) return false;
  }
  return H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0;
}

inline void add_record(hid_t file, RecordReader& in, const RecordNames& names) {
  const bool dataset = (in.byte() & 1) != 0;
  const std::uint8_t name_index = in.byte();
  std::string name = dataset ? names.datasets[name_index % names.datasets.size()]
                             : names.attributes[name_index % names.attributes.size()];
  if (dataset && name.back() == '/') name += in.text();
  const auto type = static_cast<ValueType>(in.byte() % static_cast<std::uint8_t>(ValueType::count));
  const int rank = dataset ? in.byte() % 4 : in.byte() % 2;
  std::array<hsize_t, 3> dims{};
  hsize_t elements = 1;
  for (int d = 0; d < rank; ++d) {
    std::uint16_t dim = 0;
    in.bytes(&dim, sizeof dim);
    dims[static_cast<std::size_t>(d)] = dim;
    elements *= dim;
  }
  hdf5::Handle space(rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims.data(), nullptr), H5Sclose);
  hdf5::Handle vlen = hdf5::utf8_string_type();
  hdf5::Handle fixed(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(fixed.get(), 8);
  const bool strings = type == ValueType::vlen_string;
  const hid_t stored = strings ? vlen.get() : file_type(type, fixed.get());
  const bool written = elements <= 65536;

  hdf5::Handle object;
  if (dataset) {
    if (!make_parents(file, name)) return;
    hdf5::Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    if (!written) {
      std::array<hsize_t, 3> chunk{};
      for (int d = 0; d < rank; ++d)
        chunk[static_cast<std::size_t>(d)] = std::max<hsize_t>(1, std::min<hsize_t>(dims[static_cast<std::size_t>(d)], 16));
      H5Pset_chunk(properties.get(), rank, chunk.data());
    }
    object = hdf5::Handle(H5Dcreate2(file, name.c_str(), stored, space.get(), H5P_DEFAULT, properties.get(), H5P_DEFAULT), H5Dclose);
  } else {
    if (H5Aexists(file, name.c_str()) > 0 || !written) return;
    object = hdf5::Handle(H5Acreate2(file, name.c_str(), stored, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  }
  if (!object.valid() || !written || elements == 0) return;

  const auto write = [&](hid_t memory_type, const void* buffer) {
    if (dataset) H5Dwrite(object.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
    else H5Awrite(object.get(), memory_type, buffer);
  };
  if (strings) {
    std::vector<std::string> texts(elements);
    std::vector<const char*> pointers;
    for (std::string& text : texts) {
      text = in.text();
      pointers.push_back(text.c_str());
    }
    write(vlen.get(), pointers.data());
    return;
  }
  std::vector<std::uint8_t> buffer(elements * element_size(type));
  in.bytes(buffer.data(), buffer.size());
  write(file_type(type, fixed.get()), buffer.data());
}

// Writes the file at `path` from the input's records (at most 200, so an input cannot take long).
inline void write_record_file(const std::string& path, const std::uint8_t* data, std::size_t size, const RecordNames& names) {
  hdf5::Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!file.valid()) finding("cannot create the scratch file", path);
  RecordReader in(data, size);
  for (int records = 0; !in.done() && records < 200; ++records) add_record(file.get(), in, names);
}

}  // namespace convivia::fuzz
