// Rasterisation of district polygons: exact counts on small squares near (0, 0) where the grid
// lines fall between cell centres, holes, tiny districts, and the plausibility of Berlin at 100 m.
#include "world/rasterize.hpp"

#include "io/district_table_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <numbers>

namespace convivia {
namespace {

// A square of side 0.01 degrees spans 1111.95 m north-south; with this cell size it is 10 cells.
const double ten_cells_m = 6371008.8 * (0.01 * std::numbers::pi / 180.0) / 10.0;

LonLatRing box_ring(double lon_min, double lat_min, double lon_max, double lat_max) {
  return {{lon_min, lat_min}, {lon_max, lat_min}, {lon_max, lat_max}, {lon_min, lat_max}, {lon_min, lat_min}};
}

DistrictRecord district(const std::string& id, std::vector<LonLatPolygon> polygons, std::int64_t residents = 100) {
  return DistrictRecord{id, "district " + id, {residents}, std::move(polygons)};
}

DistrictTable table_of(std::vector<DistrictRecord> districts) {
  return DistrictTable{{"everyone"}, std::move(districts)};
}

std::int64_t assigned_cells(const City& city) {
  std::int64_t count = 0;
  for (const std::int32_t d : city.cell_district) count += d != no_district ? 1 : 0;
  return count;
}

std::int64_t sum_of_cell_counts(const City& city) {
  std::int64_t count = 0;
  for (const District& d : city.districts) count += d.cell_count;
  return count;
}

TEST(Rasterize, SquareSplitInTwo) {
  const City city = rasterize_districts(
      table_of({district("west", {{box_ring(0.0, 0.0, 0.005, 0.01), {}}}),
                district("east", {{box_ring(0.005, 0.0, 0.01, 0.01), {}}})}),
      ten_cells_m);
  EXPECT_EQ(city.width, 10);
  EXPECT_EQ(city.height, 10);
  ASSERT_EQ(city.districts.size(), 2u);
  EXPECT_EQ(city.districts[0].id, "west");
  EXPECT_EQ(city.districts[0].cell_count, 50);
  EXPECT_EQ(city.districts[1].cell_count, 50);
  EXPECT_EQ(city.cell_district[0], 0);      // south-west corner
  EXPECT_EQ(city.cell_district[4], 0);
  EXPECT_EQ(city.cell_district[5], 1);
  EXPECT_EQ(city.cell_district[99], 1);     // north-east corner
  EXPECT_EQ(sum_of_cell_counts(city), assigned_cells(city));

  EXPECT_DOUBLE_EQ(city.origin_lon, 0.005);
  EXPECT_DOUBLE_EQ(city.origin_lat, 0.005);
  EXPECT_NEAR(city.origin_x_m, 5 * ten_cells_m, 1e-3);
  EXPECT_NEAR(city.origin_y_m, 5 * ten_cells_m, 1e-9);
  ASSERT_EQ(city.districts[1].outline_m.size(), 1u);
  for (const PointM& p : city.districts[1].outline_m[0]) {
    EXPECT_GE(p[0], 5 * ten_cells_m - 1e-3);
    EXPECT_LE(p[0], 10 * ten_cells_m + 1e-6);
    EXPECT_GE(p[1], -1e-9);
  }
}

TEST(Rasterize, RespectsHoles) {
  const LonLatPolygon with_hole{box_ring(0.0, 0.0, 0.01, 0.01), {box_ring(0.003, 0.003, 0.007, 0.007)}};
  const City alone = rasterize_districts(table_of({district("ring", {with_hole})}), ten_cells_m);
  EXPECT_EQ(alone.districts[0].cell_count, 100 - 16);
  EXPECT_EQ(alone.cell_district[4 * 10 + 4], no_district);
  ASSERT_EQ(alone.districts[0].outline_m.size(), 2u);  // outer ring and hole

  const City filled = rasterize_districts(
      table_of({district("ring", {with_hole}), district("core", {{box_ring(0.003, 0.003, 0.007, 0.007), {}}})}),
      ten_cells_m);
  EXPECT_EQ(filled.districts[0].cell_count, 84);
  EXPECT_EQ(filled.districts[1].cell_count, 16);
  EXPECT_EQ(filled.cell_district[4 * 10 + 4], 1);
}

TEST(Rasterize, TinyDistrictGetsTheNearestFreeCell) {
  const LonLatPolygon with_hole{box_ring(0.0, 0.0, 0.01, 0.01), {box_ring(0.003, 0.003, 0.007, 0.007)}};
  const LonLatPolygon tiny{box_ring(0.0041, 0.0041, 0.0042, 0.0042), {}};  // holds no cell centre
  const City city = rasterize_districts(
      table_of({district("ring", {with_hole}), district("tiny", {tiny}), district("empty", {tiny}, 0)}), ten_cells_m);
  EXPECT_EQ(city.districts[0].cell_count, 84);
  EXPECT_EQ(city.districts[1].cell_count, 1);
  EXPECT_EQ(city.cell_district[4 * 10 + 4], 1);
  EXPECT_EQ(city.districts[2].cell_count, 0);  // no residents, no cell needed
  EXPECT_EQ(sum_of_cell_counts(city), assigned_cells(city));
}

TEST(Rasterize, TinyDistrictTakesACellWhenNoneIsFree) {
  const LonLatPolygon tiny{box_ring(0.0041, 0.0041, 0.0042, 0.0042), {}};
  const City city = rasterize_districts(
      table_of({district("all", {{box_ring(0.0, 0.0, 0.01, 0.01), {}}}), district("tiny", {tiny})}), ten_cells_m);
  EXPECT_EQ(city.districts[0].cell_count, 99);
  EXPECT_EQ(city.districts[1].cell_count, 1);
  EXPECT_EQ(city.cell_district[4 * 10 + 4], 1);
  EXPECT_EQ(sum_of_cell_counts(city), assigned_cells(city));
}

TEST(Rasterize, BerlinAtOneHundredMetres) {
  const char* source_dir = std::getenv("CONVIVIA_SOURCE_DIR");
  ASSERT_NE(source_dir, nullptr) << "CONVIVIA_SOURCE_DIR must name the source tree (ctest sets it)";
  ImportedCityConfig config;
  config.district_table = std::string(source_dir) + "/scenarios/data/berlin/districts.csv";
  config.district_polygons = std::string(source_dir) + "/scenarios/data/berlin/districts.geojson";
  const DistrictTable table = read_district_table(config);

  const City city = rasterize_districts(table, 100.0);
  // Berlin covers about 891 km^2 and spans about 45 km east-west and 38 km north-south.
  EXPECT_NEAR(static_cast<double>(assigned_cells(city)), 89100.0, 0.02 * 89100.0);
  EXPECT_NEAR(city.width, 450, 10);
  EXPECT_NEAR(city.height, 380, 10);
  EXPECT_EQ(sum_of_cell_counts(city), assigned_cells(city));
  ASSERT_EQ(city.districts.size(), 448u);
  for (const District& district : city.districts) EXPECT_GE(district.cell_count, 1) << district.id << " " << district.name;
  EXPECT_NEAR(city.origin_lon, 13.4, 0.1);
  EXPECT_NEAR(city.origin_lat, 52.5, 0.1);
}

}  // namespace
}  // namespace convivia
