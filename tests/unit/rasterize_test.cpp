// Rasterisation of district polygons: exact counts on small squares near (0, 0) where the grid
// lines fall between cell centres, holes, tiny districts, and the plausibility of Berlin at 100 m.
#include "world/rasterize.hpp"

#include "io/district_table_reader.hpp"

// Boost 1.74's Geometry includes one of Boost's own deprecated headers, which prints a note on every
// build; the deprecation is Boost's, not ours.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/ring.hpp>
#include <boost/geometry/strategies/strategies.hpp>
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

TEST(Rasterize, CentreOnASharedBorderGoesToExactlyOneDistrict) {
  // The border at 0.0045 degrees runs through (or within rounding of) the centres of column 4.
  const City city = rasterize_districts(
      table_of({district("west", {{box_ring(0.0, 0.0, 0.0045, 0.01), {}}}),
                district("east", {{box_ring(0.0045, 0.0, 0.01, 0.01), {}}})}),
      ten_cells_m);
  EXPECT_EQ(city.districts[0].cell_count + city.districts[1].cell_count, 100);
  EXPECT_EQ(assigned_cells(city), 100);
  for (std::int32_t row = 0; row < 10; ++row) EXPECT_EQ(city.cell_district[static_cast<std::size_t>(row * 10 + 3)], 0);
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

DistrictTable read_berlin() {
  const char* source_dir = std::getenv("CONVIVIA_SOURCE_DIR");
  EXPECT_NE(source_dir, nullptr) << "CONVIVIA_SOURCE_DIR must name the source tree (ctest sets it)";
  ImportedCityConfig config;
  config.district_table = std::string(source_dir != nullptr ? source_dir : ".") + "/scenarios/data/berlin/districts.csv";
  config.district_polygons = std::string(source_dir != nullptr ? source_dir : ".") + "/scenarios/data/berlin/districts.geojson";
  return read_district_table(config);
}

TEST(Rasterize, BerlinAtOneHundredMetres) {
  const City city = rasterize_districts(read_berlin(), 100.0);
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

// Every cell of Berlin at 100 m against Boost.Geometry's point-in-ring test on the district
// outlines: a centre covered by an odd number of a district's rings (outer rings and holes) is inside
// it. At 100 m every district holds a cell centre, so no cell comes from the tiny-district rule.
TEST(Rasterize, BerlinAgreesWithBoostPointInPolygon) {
  namespace bg = boost::geometry;
  using Point = bg::model::d2::point_xy<double>;
  using Ring = bg::model::ring<Point>;
  const City city = rasterize_districts(read_berlin(), 100.0);

  struct Outline {
    std::vector<Ring> rings;
    double x_min = 1e300, y_min = 1e300, x_max = -1e300, y_max = -1e300;
  };
  std::vector<Outline> outlines(city.districts.size());
  for (std::size_t d = 0; d < city.districts.size(); ++d) {
    for (const RingM& ring_m : city.districts[d].outline_m) {
      Ring ring;
      for (const PointM& p : ring_m) {
        ring.push_back(Point(p[0], p[1]));
        outlines[d].x_min = std::min(outlines[d].x_min, p[0]);
        outlines[d].x_max = std::max(outlines[d].x_max, p[0]);
        outlines[d].y_min = std::min(outlines[d].y_min, p[1]);
        outlines[d].y_max = std::max(outlines[d].y_max, p[1]);
      }
      bg::correct(ring);  // holes are stored clockwise; the ring type wants clockwise everywhere
      outlines[d].rings.push_back(std::move(ring));
    }
  }

  std::int64_t mismatches = 0;
  for (std::uint32_t cell = 0; cell < city.cell_count(); ++cell) {
    const auto centre = city.cell_centre_m(cell);
    const Point point(centre[0], centre[1]);
    std::vector<std::int32_t> containing;
    for (std::size_t d = 0; d < outlines.size(); ++d) {
      const Outline& o = outlines[d];
      if (centre[0] < o.x_min || centre[0] > o.x_max || centre[1] < o.y_min || centre[1] > o.y_max) continue;
      int covering = 0;
      for (const Ring& ring : o.rings) covering += bg::covered_by(point, ring) ? 1 : 0;
      if (covering % 2 == 1) containing.push_back(static_cast<std::int32_t>(d));
    }
    const std::int32_t raster = city.cell_district[cell];
    const bool agrees = raster == no_district ? containing.empty()
                                              : std::find(containing.begin(), containing.end(), raster) != containing.end();
    if (!agrees) ++mismatches;
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace convivia
