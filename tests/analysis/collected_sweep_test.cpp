// The collected-sweep reader on small hand-made files: a consistent file is read, and columns the
// analysis indexes by (design points, Saltelli base rows, factor names) are refused with an error
// naming the column when they do not fit the run count (inputs found by tests/fuzz/fuzz_collected_sweep).
#include "analysis/collected_sweep.hpp"
#include "io/hdf5_datasets.hpp"
#include "io/hdf5_output_file.hpp"
#include "io/input_error.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace convivia::sweep {
namespace {

// A saltelli sweep of one factor x and one base row: runs at A, AB^x and B, one outcome y.
struct SweepColumns {
  std::vector<std::string> factors = {"x"};
  std::vector<int> point = {0, 1, 2};
  std::vector<int> saltelli_row = {0, 0, 0};
};

std::string write_collected(const SweepColumns& c) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("collected-sweep-test-" + std::to_string(::getpid()) + ".h5")).string();
  hdf5::Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  const hid_t root = file.get();
  const std::size_t runs = c.point.size();
  const hdf5::Axis run{"run", H5I_INVALID_HID, runs};
  hdf5::write_string_attribute(root, "conventions", "convivia-sweep-1");
  hdf5::write_string_attribute(root, "design", "saltelli");
  hdf5::write_strings(root, "factor", c.factors, hdf5::Axis{"factor", H5I_INVALID_HID, c.factors.size()}, "factor");
  hdf5::Handle design = hdf5::create_group(root, "design");
  const std::vector<int> zeros(runs, 0);
  hdf5::write_fixed<int>(design.get(), "point", c.point, {run}, "1", "point");
  hdf5::write_fixed<int>(design.get(), "replicate", zeros, {run}, "1", "replicate");
  hdf5::write_fixed<int>(design.get(), "seed_point", zeros, {run}, "1", "seed point");
  hdf5::write_strings(design.get(), "status", std::vector<std::string>(runs, "done"), run, "status");
  hdf5::write_strings(design.get(), "label", std::vector<std::string>(runs, "x=1"), run, "label");
  hdf5::write_fixed<int>(design.get(), "saltelli_row", c.saltelli_row, {run}, "1", "row");
  std::vector<std::string> matrix = {"A", "AB", "B"}, factor = {"", "x", ""};
  matrix.resize(runs, "A");
  factor.resize(runs, "");
  hdf5::write_strings(design.get(), "saltelli_matrix", matrix, run, "matrix");
  hdf5::write_strings(design.get(), "saltelli_factor", factor, run, "factor");
  hdf5::Handle outcomes = hdf5::create_group(root, "outcomes");
  hdf5::write_fixed<double>(outcomes.get(), "y", std::vector<double>(runs, 1.0), {run}, nullptr, "y");
  return path;
}

std::string error_reading(const SweepColumns& columns) {
  const std::string path = write_collected(columns);
  std::string message;
  try {
    (void)read_collected_sweep(path);
  } catch (const InputError& error) {
    message = error.what();
  }
  std::filesystem::remove(path);
  return message;
}

TEST(CollectedSweep, ConsistentFileIsRead) {
  const std::string path = write_collected(SweepColumns{});
  const CollectedSweep sweep = read_collected_sweep(path);
  std::filesystem::remove(path);
  EXPECT_EQ(sweep.run_count(), 3u);
  EXPECT_EQ(sweep.point_count(), 3);
  EXPECT_EQ(sweep.saltelli_factor, (std::vector<int>{-1, 0, -1}));
  ASSERT_EQ(sweep.outcomes.size(), 1u);
  EXPECT_EQ(sweep.outcomes[0].name, "y");
}

TEST(CollectedSweep, PointOutsideTheRunCountIsRefused) {
  SweepColumns columns;
  columns.point = {0, 1, -1};
  EXPECT_NE(error_reading(columns).find("design/point: values from 0 to 2 (every design point has a run); run 2 has -1"),
            std::string::npos)
      << error_reading(columns);
  columns.point = {0, 1, 2147483647};
  EXPECT_NE(error_reading(columns).find("run 2 has 2147483647"), std::string::npos) << error_reading(columns);
}

TEST(CollectedSweep, SaltelliRowBeyondTheRunsIsRefused) {
  SweepColumns columns;
  columns.saltelli_row = {0, 0, 1};  // a second base row would need three more runs
  EXPECT_NE(error_reading(columns).find("design/saltelli_row: values from 0 to 0"), std::string::npos) << error_reading(columns);
  columns.saltelli_row = {0, -1, 0};
  EXPECT_NE(error_reading(columns).find("run 1 has -1"), std::string::npos) << error_reading(columns);
}

TEST(CollectedSweep, RepeatedOrEmptyFactorNamesAreRefused) {
  SweepColumns columns;
  columns.factors = {"x", "x"};
  columns.point = {0, 1, 2, 3};
  columns.saltelli_row = {0, 0, 0, 0};
  EXPECT_NE(error_reading(columns).find("factor: distinct factor names; \"x\" appears twice"), std::string::npos)
      << error_reading(columns);
  columns.factors = {"x", ""};
  EXPECT_NE(error_reading(columns).find("factor 1 has none"), std::string::npos) << error_reading(columns);
}

}  // namespace
}  // namespace convivia::sweep
