// Writing analysis.h5 (see analysis_file.hpp).
#include "analysis/analysis_file.hpp"

#include "io/atomic_file.hpp"
#include "io/hdf5_datasets.hpp"
#include "io/hdf5_output_file.hpp"
#include "io/hdf5_reading.hpp"

#include <hdf5_hl.h>

#include <filesystem>

namespace convivia::sweep {
namespace {

void delete_attribute_if_present(hid_t object, const char* name) {
  if (H5Aexists(object, name) > 0) hdf5::check_status(H5Adelete(object, name), std::string("delete attribute ") + name);
}

// Copies from another file lose the dimension-scale references (they point into the source), so
// they are removed and every dataset of `group` is attached again to the copied scale.
void reattach_scale(hid_t root, const char* group, const char* scale_name) {
  if (!hdf5::has_link(root, group) || !hdf5::has_link(root, scale_name)) return;
  hdf5::Handle scale = hdf5::dataset(H5Dopen2(root, scale_name, H5P_DEFAULT), std::string("open /") + scale_name);
  hdf5::Handle handle = hdf5::group(H5Gopen2(root, group, H5P_DEFAULT), std::string("open /") + group);
  H5G_info_t info;
  hdf5::check_status(H5Gget_info(handle.get(), &info), std::string("list /") + group);
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    hdf5::Handle dataset = hdf5::dataset(H5Oopen_by_idx(handle.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT),
                                         std::string("open a dataset of /") + group);
    delete_attribute_if_present(dataset.get(), "DIMENSION_LIST");
    hdf5::check_status(H5DSattach_scale(dataset.get(), scale.get(), 0), std::string("attach /") + scale_name);
  }
}

}  // namespace

void write_analysis_file(const std::string& path, const std::vector<Table>& tables, const std::string& collected_path) {
  const std::string temporary = temporary_path_for(path);
  try {
    hdf5::with_path(path, [&] {
      hdf5::Handle file = hdf5::file(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
      const hid_t root = file.get();
      hdf5::write_string_attribute(root, "conventions", "convivia-analysis-1");
      hdf5::write_string_attribute(root, "title", "Convivia sweep analysis");
      hdf5::write_string_attribute(root, "source_file", std::filesystem::path(collected_path).filename().string());
      {
        hdf5::Handle source = hdf5::file(H5Fopen(collected_path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open " + collected_path);
        for (const char* name : {"run", "factor", "design", "unit", "factors"})
          if (hdf5::has_link(source.get(), name))
            hdf5::check_status(H5Ocopy(source.get(), name, root, name, H5P_DEFAULT, H5P_DEFAULT), std::string("copy /") + name);
      }
      for (const char* scale : {"run", "factor"})
        if (hdf5::has_link(root, scale)) {
          hdf5::Handle d = hdf5::dataset(H5Dopen2(root, scale, H5P_DEFAULT), std::string("open /") + scale);
          delete_attribute_if_present(d.get(), "REFERENCE_LIST");
        }
      reattach_scale(root, "design", "run");
      reattach_scale(root, "unit", "run");
      reattach_scale(root, "factors", "factor");
      hdf5::Handle analysis = hdf5::create_group(root, "analysis");
      for (const Table& table : tables) {
        hdf5::Handle group = hdf5::create_group(analysis.get(), table.name.c_str());
        hdf5::write_string_attribute(group.get(), "long_name", table.long_name);
        for (const TableColumn& column : table.columns) {
          const std::size_t rows = column.is_text ? column.text.size() : column.numbers.size();
          const hdf5::Axis axis{"row", H5I_INVALID_HID, rows};
          if (column.is_text) hdf5::write_strings(group.get(), column.name.c_str(), column.text, axis, column.long_name.c_str());
          else hdf5::write_fixed<double>(group.get(), column.name.c_str(), column.numbers, {axis}, nullptr, column.long_name.c_str());
        }
      }
      hdf5::commit_output_file(file, path, temporary);
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace convivia::sweep
