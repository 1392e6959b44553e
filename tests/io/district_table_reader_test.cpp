// Import of a real city's district table and polygons: the small fixture in tests/io/data/city,
// one test per kind of input error (each made by editing the fixture text), the groups derived from
// the table, and the Berlin data shipped in scenarios/data/berlin.
#include "io/district_table_reader.hpp"

#include "io/input_error.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>

namespace convivia {
namespace {

std::string source_dir() {
  const char* dir = std::getenv("CONVIVIA_SOURCE_DIR");
  EXPECT_NE(dir, nullptr) << "CONVIVIA_SOURCE_DIR must name the source tree (ctest sets it)";
  return dir != nullptr ? dir : ".";
}

std::string fixture(const std::string& name) { return source_dir() + "/tests/io/data/city/" + name; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ImportedCityConfig fixture_config() {
  ImportedCityConfig config;
  config.district_table = fixture("small.csv");
  config.district_polygons = fixture("small.geojson");
  return config;
}

// Writes the given CSV and GeoJSON texts to a scratch folder and returns a config pointing at them.
ImportedCityConfig config_for(const std::string& csv, const std::string& geojson) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / (std::string("convivia_city_") + test->name());
  std::filesystem::create_directories(dir);
  ImportedCityConfig config;
  config.district_table = (dir / "table.csv").string();
  config.district_polygons = (dir / "polygons.geojson").string();
  std::ofstream(config.district_table, std::ios::binary) << csv;
  std::ofstream(config.district_polygons, std::ios::binary) << geojson;
  return config;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

const std::string small_csv = read_file(fixture("small.csv"));
const std::string small_geojson = read_file(fixture("small.geojson"));

// Runs read_district_table on the fixture with one edit in the table or in the polygons and returns
// the error it must throw.
InputError error_for(const std::string& csv, const std::string& geojson) {
  const ImportedCityConfig config = config_for(csv, geojson);
  try {
    read_district_table(config);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "expected an InputError";
  return InputError("", 0, "", "");
}

InputError table_error(const std::string& from, const std::string& to) {
  return error_for(replaced(small_csv, from, to), small_geojson);
}

InputError polygon_error(const std::string& from, const std::string& to) {
  return error_for(small_csv, replaced(small_geojson, from, to));
}

bool mentions(const InputError& error, const std::string& text) {
  return std::string(error.what()).find(text) != std::string::npos;
}

TEST(DistrictTableReader, ReadsTheFixture) {
  const DistrictTable table = read_district_table(fixture_config());
  EXPECT_EQ(table.group_names, (std::vector<std::string>{"group_a", "group, b"}));
  ASSERT_EQ(table.districts.size(), 3u);
  EXPECT_EQ(table.districts[0].id, "001");
  EXPECT_EQ(table.districts[0].name, "Mitte, \"Nord\"");
  EXPECT_EQ(table.districts[0].residents_by_group, (std::vector<std::int64_t>{10, 5}));
  EXPECT_EQ(table.districts[1].name, "Köpenick-Süd");
  EXPECT_EQ(table.districts[2].id, "010");

  ASSERT_EQ(table.districts[0].polygons.size(), 1u);
  EXPECT_EQ(table.districts[0].polygons[0].outer.size(), 5u);
  ASSERT_EQ(table.districts[0].polygons[0].holes.size(), 1u);
  EXPECT_DOUBLE_EQ(table.districts[0].polygons[0].holes[0][0].lon, 13.405);
  EXPECT_DOUBLE_EQ(table.districts[0].polygons[0].holes[0][0].lat, 52.505);
  EXPECT_EQ(table.districts[1].polygons.size(), 2u);  // MultiPolygon
  EXPECT_EQ(table.districts[2].polygons.size(), 1u);
}

TEST(DistrictTableReader, TotalColumnIsOptional) {
  ImportedCityConfig config = fixture_config();
  config.total_column = "";
  const DistrictTable with_total_as_group = read_district_table(config);
  EXPECT_EQ(with_total_as_group.group_names, (std::vector<std::string>{"group_a", "total", "group, b"}));

  // A configured total column that the table does not have is not an error.
  const std::string csv = "district_id,district_name,a\n001,x,1\n002,y,2\n010,z,3\n";
  EXPECT_NO_THROW(read_district_table(config_for(csv, small_geojson)));
}

TEST(DistrictTableReader, SeveralFeaturesWithOneIdMakeOneMultipolygon) {
  const std::string geojson = replaced(small_geojson, "\"district_id\": \"010\"", "\"district_id\": \"002\"");
  const std::string csv = replaced(small_csv, "010,3,Große Allee,6,3\n", "");
  const DistrictTable table = read_district_table(config_for(csv, geojson));
  ASSERT_EQ(table.districts.size(), 2u);
  EXPECT_EQ(table.districts[1].polygons.size(), 3u);
}

TEST(DistrictTableReader, MissingFile) {
  ImportedCityConfig config = fixture_config();
  config.district_table = fixture("missing.csv");
  try {
    read_district_table(config);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), config.district_table);
  }
  config = fixture_config();
  config.district_polygons = fixture("missing.geojson");
  EXPECT_THROW(read_district_table(config), InputError);
}

TEST(DistrictTableReader, EmptyTable) {
  EXPECT_THROW(read_district_table(config_for("", small_geojson)), InputError);
  const InputError header_only = error_for("district_id,district_name,a\n", small_geojson);
  EXPECT_EQ(header_only.line(), 1);
}

TEST(DistrictTableReader, MissingIdOrNameColumn) {
  const InputError no_id = table_error("district_id,", "code,");
  EXPECT_EQ(no_id.key(), "district_id");
  EXPECT_EQ(no_id.line(), 1);
  const InputError no_name = table_error("district_name", "label");
  EXPECT_EQ(no_name.key(), "district_name");
  EXPECT_TRUE(mentions(no_name, "\"label\""));  // lists the columns that are there
}

TEST(DistrictTableReader, NoGroupColumns) {
  EXPECT_THROW(read_district_table(config_for("district_id,district_name\n001,x\n", small_geojson)), InputError);
}

TEST(DistrictTableReader, BadCounts) {
  const InputError non_numeric = table_error("002,0,", "002,none,");
  EXPECT_EQ(non_numeric.line(), 3);
  EXPECT_EQ(non_numeric.key(), "group_a");
  EXPECT_TRUE(mentions(non_numeric, "\"none\""));

  const InputError negative = table_error("002,0,Köpenick-Süd,7,7", "002,-1,Köpenick-Süd,6,7");
  EXPECT_EQ(negative.key(), "group_a");
  EXPECT_TRUE(mentions(negative, "non-negative"));

  const InputError fraction = table_error("010,3,", "010,2.5,");
  EXPECT_EQ(fraction.line(), 4);
  EXPECT_TRUE(mentions(fraction, "whole number"));

  const InputError absurd = table_error("002,0,Köpenick-Süd,7,7", "002,0,Köpenick-Süd,7,7000000000");
  EXPECT_EQ(absurd.key(), "group, b");
  EXPECT_TRUE(mentions(absurd, "10^9"));

  EXPECT_EQ(table_error("002,0,", "002,,").key(), "group_a");
}

TEST(DistrictTableReader, TotalMustBeTheSumOfTheGroups) {
  const InputError error = table_error("001,10,\"Mitte, \"\"Nord\"\"\",15,5", "001,10,\"Mitte, \"\"Nord\"\"\",16,5");
  EXPECT_EQ(error.line(), 2);
  EXPECT_EQ(error.key(), "total");
  EXPECT_TRUE(mentions(error, "15"));
}

TEST(DistrictTableReader, DuplicateIds) {
  const InputError error = table_error("010,", "002,");
  EXPECT_EQ(error.line(), 4);
  EXPECT_EQ(error.key(), "district_id");
  EXPECT_TRUE(mentions(error, "line 3"));
}

TEST(DistrictTableReader, WrongNumberOfFields) {
  const InputError error = table_error("002,0,Köpenick-Süd,7,7", "002,0,Köpenick, Süd,7,7");
  EXPECT_EQ(error.line(), 3);
  EXPECT_TRUE(mentions(error, "5 fields"));
}

TEST(DistrictTableReader, InvalidJsonNamesTheLine) {
  const InputError error = polygon_error("[13.42, 52.50], [13.44, 52.50]", "[13.42, 52.50] [13.44, 52.50]");
  EXPECT_TRUE(error.file().ends_with("polygons.geojson"));
  EXPECT_EQ(error.line(), 8);
  EXPECT_TRUE(mentions(error, "valid JSON"));
}

TEST(DistrictTableReader, NotAFeatureCollection) {
  EXPECT_EQ(error_for(small_csv, "{\"type\": \"Feature\"}").key(), "type");
  EXPECT_EQ(error_for(small_csv, "[]").key(), "type");
}

TEST(DistrictTableReader, FeatureWithoutId) {
  const InputError error = polygon_error("\"district_id\": \"002\"", "\"code\": \"002\"");
  EXPECT_EQ(error.key(), "features[1].properties.district_id");
}

TEST(DistrictTableReader, NonPolygonGeometry) {
  const InputError error = polygon_error("\"type\": \"MultiPolygon\"", "\"type\": \"LineString\"");
  EXPECT_EQ(error.key(), "features[1].geometry");
  EXPECT_TRUE(mentions(error, "LineString"));
  EXPECT_EQ(polygon_error("\"geometry\": {\"type\": \"MultiPolygon\",", "\"geometry\": null, \"g\": {").key(),
            "features[1].geometry");
}

TEST(DistrictTableReader, ShortRing) {
  const InputError error = polygon_error("[[13.40, 52.52], [13.44, 52.52], [13.44, 52.53], [13.40, 52.53], [13.40, 52.52]]",
                                         "[[13.40, 52.52], [13.44, 52.52], [13.40, 52.52]]");
  EXPECT_EQ(error.key(), "features[2].geometry.coordinates[0]");
  EXPECT_TRUE(mentions(error, "at least 4 positions"));
}

TEST(DistrictTableReader, CoordinatesOutOfRange) {
  const InputError longitude = polygon_error("[13.42, 52.50], [13.44, 52.50]", "[13.42, 52.50], [213.44, 52.50]");
  EXPECT_EQ(longitude.key(), "features[1].geometry.coordinates[0][0][1]");
  EXPECT_TRUE(mentions(longitude, "longitude"));
  const InputError latitude = polygon_error("[13.405, 52.505], [13.405, 52.515]", "[13.405, 52.505], [13.405, 95.0]");
  EXPECT_EQ(latitude.key(), "features[0].geometry.coordinates[1][1]");
  // Projected coordinates (metres) are the usual cause.
  EXPECT_TRUE(mentions(polygon_error("[13.40, 52.50], [13.42, 52.50]", "[390000.0, 5820000.0], [13.42, 52.50]"),
                       "projected"));
}

TEST(DistrictTableReader, TableIdWithoutPolygon) {
  const InputError error = polygon_error("\"district_id\": \"010\"", "\"district_id\": \"002\"");
  EXPECT_EQ(error.key(), "district_id");
  EXPECT_TRUE(mentions(error, "010 Große Allee"));
}

TEST(DistrictTableReader, PolygonWithoutTableRow) {
  const InputError error = table_error("010,3,Große Allee,6,3\n", "");
  EXPECT_TRUE(mentions(error, "\"010\""));
  EXPECT_TRUE(mentions(error, "1 ids"));
}

TEST(DistrictTableReader, ListsAtMostFiveMissingPolygons) {
  std::string csv = "district_id,district_name,a\n001,x,1\n002,y,2\n010,z,3\n";
  for (int i = 0; i < 7; ++i) csv.append("9").append(std::to_string(i)).append(",extra ").append(std::to_string(i)).append(",1\n");
  const InputError error = error_for(csv, small_geojson);
  EXPECT_TRUE(mentions(error, "7 have none"));
  EXPECT_TRUE(mentions(error, "94 extra 4"));
  EXPECT_FALSE(mentions(error, "95 extra 5"));
  EXPECT_TRUE(mentions(error, "and 2 more"));
}

TEST(DistrictTableGroups, DefaultGroupsFollowTheTable) {
  ScenarioConfig config;
  config.city.imported = fixture_config();
  apply_district_table_groups(config, read_district_table(config.city.imported));
  ASSERT_EQ(config.groups.size(), 2u);
  EXPECT_EQ(config.groups[0].name, "group_a");
  EXPECT_EQ(config.groups[1].name, "group, b");
  EXPECT_EQ(config.groups[0].colour, default_group_colours()[0]);
  EXPECT_NE(config.groups[0].colour, config.groups[1].colour);
  EXPECT_TRUE(config.groups[1].speaks_language);
  EXPECT_DOUBLE_EQ(config.groups[0].share, 13.0 / 28.0);
  EXPECT_DOUBLE_EQ(config.groups[1].share, 15.0 / 28.0);
}

TEST(DistrictTableGroups, PaletteHasEnoughDistinctColours) {
  const auto& colours = default_group_colours();
  ASSERT_GE(colours.size(), static_cast<std::size_t>(max_group_count));
  for (std::size_t i = 0; i < colours.size(); ++i) {
    EXPECT_EQ(colours[i].size(), 7u);
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(colours[i], colours[j]);
  }
}

TEST(DistrictTableGroups, ConfiguredGroupsAreReorderedToTableOrder) {
  ScenarioConfig config;
  config.city.imported = fixture_config();
  config.groups.resize(2);
  config.groups[0].name = "group, b";
  config.groups[0].speaks_language = false;
  config.groups[0].colour = "#123456";
  config.groups[1].name = "group_a";
  apply_district_table_groups(config, read_district_table(config.city.imported));
  EXPECT_EQ(config.groups[0].name, "group_a");
  EXPECT_EQ(config.groups[1].name, "group, b");
  EXPECT_FALSE(config.groups[1].speaks_language);
  EXPECT_EQ(config.groups[1].colour, "#123456");
  EXPECT_DOUBLE_EQ(config.groups[1].share, 15.0 / 28.0);
}

TEST(DistrictTableGroups, ConfiguredNamesMustMatchTheColumns) {
  ScenarioConfig config;
  config.city.imported = fixture_config();
  config.groups.resize(2);
  config.groups[0].name = "group_a";
  config.groups[1].name = "group_c";
  const DistrictTable table = read_district_table(config.city.imported);
  try {
    apply_district_table_groups(config, table);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.key(), "groups");
    EXPECT_TRUE(mentions(error, "\"group_a\", \"group, b\""));
  }
  config.groups.resize(1);
  config.groups[0].name = "group_a";
  EXPECT_THROW(apply_district_table_groups(config, table), InputError);
}

TEST(DistrictTableReader, ReadsBerlin) {
  ImportedCityConfig config;
  config.district_table = source_dir() + "/scenarios/data/berlin/districts.csv";
  config.district_polygons = source_dir() + "/scenarios/data/berlin/districts.geojson";
  const DistrictTable table = read_district_table(config);
  EXPECT_EQ(table.districts.size(), 448u);
  EXPECT_EQ(table.group_names.size(), 10u);
  EXPECT_EQ(table.group_names.front(), "no_migration_background");
  std::int64_t residents = 0;
  for (const DistrictRecord& district : table.districts) {
    residents += std::accumulate(district.residents_by_group.begin(), district.residents_by_group.end(), std::int64_t{0});
    EXPECT_FALSE(district.polygons.empty()) << district.id;
  }
  EXPECT_EQ(residents, 3769495);
  EXPECT_EQ(table.districts.front().id, "01011101");  // leading zero kept
}

}  // namespace
}  // namespace convivia
