// Fuzzes the HDF5 run-file readers, of `convivia compare` (io/run_file_reader), of the viewer
// (viz/run_data_reader, which reads the same file and more) and of `convivia sweep run` and
// `collect` (analysis/run_outcomes: a kept outcome's series, its axes and summary), through files of valid
// HDF5 whose content is chosen by the input: which of the root attributes and datasets the reader
// looks for exist, with which type, rank, shape and values. That is what a damaged, truncated,
// hand-edited or foreign file presents to the reader. (Random bytes in the HDF5 format itself would
// test the HDF5 library rather than our reader; the library is not ours to fix.)
//
// Input: a sequence of records, read from the front (make_run_file_seeds.py writes real run files
// in this form):
//   u8 kind (even: root attribute, odd: dataset), u8 name index, u8 type, u8 rank,
//   rank x u16 dimension (little-endian), then the values: numbers as raw little-endian bytes of the
//   type, strings as u8 length + bytes. Missing bytes read as zero. A dataset of more than 65,536
//   elements is created (chunked) but not written, as a file that declares a large shape would be.
#include "fuzz_support.hpp"
#include "io/hdf5_handles.hpp"
#include "io/input_error.hpp"
#include "io/run_file_reader.hpp"
#include "run_data_reader.hpp"
#include "analysis/run_outcomes.hpp"

#include <array>
#include <cstring>

using namespace convivia;
using convivia::hdf5::Handle;

namespace {

// New names go at the end, so that the records of existing corpus inputs keep their meaning.
constexpr std::array<const char*, 6> attribute_names = {"conventions", "scenario_name", "seed", "days_run", "resident_count",
                                                        "start_weekday"};
constexpr std::array<const char*, 47> dataset_names = {
    "group", "district", "month_day", "daily/diversity_resource_share", "daily/generalised_trust",
    "daily/mean_outgroup_trust", "daily/intergroup_encounter_share", "daily/cross_group_tie_share",
    "daily/perceived_discrimination_share", "daily/employment_rate", "daily/employment_gap_by_group",
    "daily/mean_institutional_trust", "daily/mean_belonging", "monthly/city_by_cell/multigroup_dissimilarity",
    "monthly/city_by_cell/theil_h", "monthly/city_by_school/multigroup_dissimilarity", "monthly/cohesion_index",
    "daily/policy_annual_cost_eur", "daily/policy_cumulative_cost_eur", "policies/kind", "policies/name",
    "policies/districts", "policies/groups", "policies/intensity", "policies/annual_cost_eur", "policies/start_day",
    "policies/end_day", "day", "policies", "daily", "monthly",
    // What the viewer reads (viz/run_data_reader).
    "city/cell_district", "districts/ring_district", "districts/ring_start", "districts/ring_vertex_count",
    "districts/vertex_x_m", "districts/vertex_y_m", "groups/colour", "monthly/district_residents_by_group",
    "samples/group", "samples/home_venue", "samples/outgroup_trust", "samples/venue", "venues/kind", "venues/x_m",
    // What sweeps keep beside the series above (analysis/run_outcomes).
    "daily/mean_outgroup_trust_by_group", "daily/trust_matrix"};

enum class ValueType : std::uint8_t { f64, i32, i64, u8, vlen_string, fixed_string, count };

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
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

hid_t file_type(ValueType type, hid_t fixed_string) {
  switch (type) {
    case ValueType::f64: return H5T_IEEE_F64LE;
    case ValueType::i32: return H5T_STD_I32LE;
    case ValueType::i64: return H5T_STD_I64LE;
    case ValueType::u8: return H5T_STD_U8LE;
    case ValueType::fixed_string: return fixed_string;
    default: return H5I_INVALID_HID;
  }
}

std::size_t element_size(ValueType type) {
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
bool make_parents(hid_t file, const std::string& path) {
  for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    const std::string parent = path.substr(0, slash);
    if (H5Lexists(file, parent.c_str(), H5P_DEFAULT) > 0) {
      H5O_info_t info;
      if (H5Oget_info_by_name(file, parent.c_str(), &info, H5P_DEFAULT) < 0 || info.type != H5O_TYPE_GROUP) return false;
      continue;
    }
    Handle group(H5Gcreate2(file, parent.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
    if (!group.valid()) return false;
  }
  return H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0;
}

void add_record(hid_t file, Reader& in) {
  const bool dataset = (in.byte() & 1) != 0;
  const std::uint8_t name_index = in.byte();
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
  Handle space(rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims.data(), nullptr), H5Sclose);
  Handle vlen = hdf5::utf8_string_type();
  Handle fixed(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(fixed.get(), 8);
  const bool strings = type == ValueType::vlen_string;
  const hid_t stored = strings ? vlen.get() : file_type(type, fixed.get());
  const bool written = elements <= 65536;

  Handle object;
  std::string name;
  if (dataset) {
    name = dataset_names[name_index % dataset_names.size()];
    if (!make_parents(file, name)) return;
    Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    if (!written) {
      std::array<hsize_t, 3> chunk{};
      for (int d = 0; d < rank; ++d) chunk[static_cast<std::size_t>(d)] = std::max<hsize_t>(1, std::min<hsize_t>(dims[static_cast<std::size_t>(d)], 16));
      H5Pset_chunk(properties.get(), rank, chunk.data());
    }
    object = Handle(H5Dcreate2(file, name.c_str(), stored, space.get(), H5P_DEFAULT, properties.get(), H5P_DEFAULT), H5Dclose);
  } else {
    name = attribute_names[name_index % attribute_names.size()];
    if (H5Aexists(file, name.c_str()) > 0 || !written) return;
    object = Handle(H5Acreate2(file, name.c_str(), stored, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
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

// What a sweep keeps from a run: a final value, a windowed mean, a selected column and whole series,
// with the exceptions the sweep commands turn into a run's recorded failure.
void read_as_sweeps_do(const std::string& path) {
  using namespace convivia::sweep;
  static const std::vector<OutcomeSpec> outcomes = [] {
    std::vector<OutcomeSpec> specs(4);
    specs[0] = {"final", "daily/diversity_resource_share", Summary::final, std::nullopt, {}, 1};
    specs[1] = {"window", "daily/mean_outgroup_trust", Summary::mean, std::make_pair(2.0, 20.0), {}, 2};
    specs[2] = {"column", "daily/mean_outgroup_trust_by_group", Summary::max, std::nullopt, {{"group", "group_b"}}, 3};
    specs[3] = {"matrix", "daily/trust_matrix", Summary::series, std::nullopt, {}, 4};
    return specs;
  }();
  const hid_t id = open_run_file(path);
  if (id < 0) return;
  const Handle file(id, H5Fclose);
  for (const OutcomeSpec& outcome : outcomes) {
    try {
      const RunSeries series = read_outcome_series(file.get(), outcome);
      if (outcome.summary != Summary::series) (void)summarise(series, outcome);
    } catch (const OutcomeError&) {
    } catch (const OutputError&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hdf5::silence_errors();
  const std::string path = (fuzz::scratch_directory() / "run.h5").string();
  {
    Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (!file.valid()) fuzz::finding("cannot create the scratch file", path);
    Reader in(data, size);
    for (int records = 0; !in.done() && records < 200; ++records) add_record(file.get(), in);
  }
  H5Eclear2(H5E_DEFAULT);
  try {
    const RunFile run = read_run_file(path);
    // What compare does with a file it accepted: every indicator on every day, and the policy cost.
    for (std::size_t indicator = 0; indicator < run.series.size(); ++indicator)
      for (std::int64_t day = 0; day < run.days_run; ++day) (void)run.value(indicator, day);
    (void)run.mean_annual_policy_cost_eur();
  } catch (const InputError&) {
  }
  try {
    (void)viz::read_run_data(path);
  } catch (const InputError&) {
  }
  read_as_sweeps_do(path);
  return 0;
}
