// Tests of the HDF5 run output: a tiny hand-built world (3x2 cells, 2 districts, 4 venues, 5
// residents, 2 groups) and made-up indicators go through the writer, and the file is read back with
// the HDF5 C API: names, shapes, values, attributes, dimension scales, no time stamps, byte-identical
// repeats, and no file left behind by a run that fails or cannot start.
#include "io/hdf5_handles.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/sha256.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace convivia {
namespace {

namespace fs = std::filesystem;
using hdf5::Handle;

constexpr int test_days = 70;  // more than one 64-day write block, three months

World tiny_world() {
  World world;
  City& city = world.city;
  city.width = 3;
  city.height = 2;
  city.cell_size_m = 100.0;
  city.origin_lon = 13.4;
  city.origin_lat = 52.5;
  city.cell_district = {0, 0, 1, 0, 1, 1};
  city.cell_capacity = {10, 20, 30, 40, 50, 60};
  city.cell_social_housing = {0, 1, 0, 0, 0, 1};
  District north;
  north.id = "D1";
  north.name = "Nordviertel";
  north.cell_count = 3;
  north.outline_m = {{{0, 0}, {200, 0}, {200, 100}, {100, 100}, {100, 200}, {0, 200}}};
  District south;
  south.id = "D2";
  south.name = "Südstadt";
  south.cell_count = 3;
  south.outline_m = {{{200, 0}, {300, 0}, {300, 200}, {100, 200}}, {{250, 50}, {260, 50}, {260, 60}}};
  city.districts = {north, south};

  Venues& venues = world.venues;
  venues.kind = {VenueKind::home_block, VenueKind::home_block, VenueKind::school, VenueKind::park};
  venues.cell = {0, 4, 1, 5};
  venues.district = {0, 1, 0, 1};
  venues.capacity = {10, 50, 300, 100};
  venues.slot_mask = {7, 7, 1, 3};
  venues.weekday_mask = {127, 127, 31, 127};
  venues.cooperation = {0.1f, 0.1f, 0.6f, 0.3f};
  venues.attractiveness = {0.0f, 0.0f, 0.0f, 1.0f};
  venues.rounds = {1, 1, 2, 1};
  venues.x_m = {50, 150, 150, 250};
  venues.y_m = {50, 150, 50, 150};

  Population& residents = world.residents;
  residents.group_count = 2;
  residents.group = {0, 1, 0, 1, 1};
  residents.home_venue = {0, 1, 0, 1, 1};
  world.group_names = {"majority", "newcomers"};
  return world;
}

ScenarioConfig tiny_config() {
  ScenarioConfig config;
  config.name = "tiny";
  config.run.days = test_days;
  GroupConfig majority;
  majority.name = "majority";
  majority.colour = "#1f77b4";
  majority.share = 0.6;
  GroupConfig newcomers;
  newcomers.name = "newcomers";
  newcomers.colour = "#ff7f0e";
  newcomers.share = 0.4;
  newcomers.speaks_language = false;
  config.groups = {majority, newcomers};
  return config;
}

Provenance tiny_provenance() {
  Provenance provenance;
  provenance.model_version = "0.1.0";
  provenance.git_commit = "abcdef123456";
  provenance.scenario_text = "name = \"tiny\"\n# ünïcode\n";
  provenance.scenario_sha256 = sha256_hex(provenance.scenario_text);
  provenance.seed = "42";
  provenance.created_utc = "2024-01-02T03:04:05Z";
  return provenance;
}

DailyIndicators fake_daily(int day) {
  DailyIndicators daily;
  daily.day = day;
  daily.diversity_resource_share = 0.5 + 0.001 * day;
  daily.generalised_trust = 5.0 + 0.01 * day;
  daily.mean_outgroup_trust = 0.4;
  daily.intergroup_encounter_share = 0.25;
  daily.encounters = 1000 + day;
  daily.intergroup_encounters = 250;
  daily.positive_contacts = 200;
  daily.negative_contacts = 50;
  daily.discrimination_events = day % 3;
  daily.cross_group_tie_share = 0.1;
  daily.perceived_discrimination_share = 0.05;
  daily.diversity_resource_share_by_group = {0.6, 0.4};
  daily.generalised_trust_by_group = {5.5, 4.5 + day};
  daily.mean_outgroup_trust_by_group = {0.45, 0.35};
  daily.cross_group_tie_share_by_group = {0.1, 0.2};
  daily.perceived_discrimination_share_by_group = {0.01, 0.09};
  daily.positive_contacts_by_group = {200, 200};
  daily.negative_contacts_by_group = {50, 50};
  daily.discrimination_events_by_group = {0, day % 3};
  daily.trust_matrix = {0.7, 0.4 + 0.001 * day, 0.3, 0.8};
  return daily;
}

MonthlyIndicators fake_monthly(int day) {
  MonthlyIndicators monthly;
  monthly.day = day;
  monthly.month = day / 30;
  for (SegregationIndices* indices : {&monthly.city_by_cell, &monthly.city_by_district}) {
    indices->dissimilarity = {0.3, 0.3};
    indices->multigroup_dissimilarity = 0.3;
    indices->theil_h = 0.1 + 0.01 * monthly.month;
    indices->isolation = {0.7, 0.5};
    indices->exposure = {0.7, 0.3, 0.5, 0.5};
  }
  monthly.district_residents_by_group = {2, 0, 0, 3 + monthly.month};
  monthly.district_diversity_resource_share = {0.5, 0.6};
  monthly.district_mean_outgroup_trust = {0.4, 0.45};
  monthly.district_generalised_trust = {5.0, 5.5};
  // district_multigroup_dissimilarity left empty on purpose: stored as NaN.
  monthly.district_theil_h = {0.05, 0.07};
  return monthly;
}

// Drives a writer through a whole run of `days` days, as the simulation would.
void run_days(Hdf5RunWriter& writer, const World& world, int days) {
  const std::vector<std::uint32_t> sample = {1, 3};
  writer.on_start(tiny_config(), world, sample);
  for (int day = 0; day < days; ++day) {
    if (day % 30 == 0) writer.on_month(fake_monthly(day));
    for (int slot = 0; slot < 3; ++slot) {
      const int tick = day * 3 + slot;
      const std::vector<std::uint32_t> venues = {static_cast<std::uint32_t>(tick % 4), 1};
      writer.on_slot(tick, venues);
    }
    const std::vector<float> trust = {0.5f + 0.001f * static_cast<float>(day), 0.25f};
    writer.on_day(fake_daily(day), trust);
  }
}

class Hdf5RunWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("convivia-hdf5-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  std::string path(const std::string& name) const { return (directory_ / name).string(); }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory_)) names.push_back(entry.path().filename().string());
    return names;
  }

  fs::path directory_;
};

// Reading helpers.
Handle open_file(const std::string& path) {
  hdf5::silence_errors();
  return hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open " + path);
}

Handle open_dataset(hid_t file, const std::string& name) {
  return hdf5::dataset(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "open " + name);
}

std::vector<hsize_t> shape_of(hid_t dataset) {
  Handle space = hdf5::dataspace(H5Dget_space(dataset), "space");
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.get())));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

template <class T>
std::vector<T> read_values(hid_t file, const std::string& name, std::vector<hsize_t>* shape = nullptr) {
  Handle dataset = open_dataset(file, name);
  const std::vector<hsize_t> dims = shape_of(dataset.get());
  hsize_t count = 1;
  for (hsize_t d : dims) count *= d;
  std::vector<T> values(count);
  if (count > 0) {
    hdf5::check_status(H5Dread(dataset.get(), hdf5::Types<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                       name);
  }
  if (shape != nullptr) *shape = dims;
  return values;
}

std::vector<std::string> read_strings(hid_t file, const std::string& name) {
  Handle dataset = open_dataset(file, name);
  const std::vector<hsize_t> dims = shape_of(dataset.get());
  std::vector<char*> pointers(dims.at(0));
  Handle type = hdf5::utf8_string_type();
  hdf5::check_status(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), name);
  std::vector<std::string> values(pointers.begin(), pointers.end());
  Handle space = hdf5::dataspace(H5Dget_space(dataset.get()), name);
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
  return values;
}

bool has_attribute(hid_t object, const char* name) { return H5Aexists(object, name) > 0; }

std::string string_attribute(hid_t object, const char* name) {
  Handle attr = hdf5::attribute(H5Aopen(object, name, H5P_DEFAULT), name);
  Handle stored = hdf5::datatype(H5Aget_type(attr.get()), name);
  EXPECT_EQ(H5Tget_class(stored.get()), H5T_STRING);
  EXPECT_TRUE(H5Tis_variable_str(stored.get()) > 0) << name;
  EXPECT_EQ(H5Tget_cset(stored.get()), H5T_CSET_UTF8) << name;
  Handle type = hdf5::utf8_string_type();
  char* pointer = nullptr;
  hdf5::check_status(H5Aread(attr.get(), type.get(), &pointer), name);
  std::string value = pointer != nullptr ? pointer : "";
  H5free_memory(pointer);
  return value;
}

double double_attribute(hid_t object, const char* name) {
  Handle attr = hdf5::attribute(H5Aopen(object, name, H5P_DEFAULT), name);
  double value = 0;
  hdf5::check_status(H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value), name);
  return value;
}

std::string scale_name(hid_t dataset) {
  char name[64] = {};
  H5DSget_scale_name(dataset, name, sizeof name);
  return name;
}

// Checks that dimension `index` of `dataset_name` carries the scale `scale_path` and label `label`.
void expect_scale(hid_t file, const std::string& dataset_name, unsigned index, const std::string& scale_path,
                  const std::string& label) {
  Handle dataset = open_dataset(file, dataset_name);
  Handle scale = open_dataset(file, scale_path);
  EXPECT_GT(H5DSis_scale(scale.get()), 0) << scale_path;
  EXPECT_GT(H5DSis_attached(dataset.get(), scale.get(), index), 0) << dataset_name << " dim " << index;
  char text[64] = {};
  H5DSget_label(dataset.get(), index, text, sizeof text);
  EXPECT_EQ(std::string(text), label) << dataset_name << " dim " << index;
}

struct VisitState {
  std::vector<std::string> datasets;
  std::vector<std::string> objects_with_times;
  std::vector<std::string> groups;
};

herr_t visit_object(hid_t root, const char* name, const H5O_info_t* info, void* data) {
  auto* state = static_cast<VisitState*>(data);
  H5O_info_t times{};
  H5Oget_info_by_name2(root, name, &times, H5O_INFO_TIME, H5P_DEFAULT);
  if (times.atime != 0 || times.mtime != 0 || times.ctime != 0 || times.btime != 0) {
    state->objects_with_times.push_back(name);
  }
  if (info->type == H5O_TYPE_DATASET) state->datasets.push_back(name);
  if (info->type == H5O_TYPE_GROUP) state->groups.push_back(name);
  return 0;
}

VisitState visit(hid_t file) {
  VisitState state;
  H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, visit_object, &state, H5O_INFO_BASIC);
  return state;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(Hdf5Sha256, KnownDigests) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Hdf5Provenance, FillsEveryField) {
  const Provenance provenance = make_provenance("a = 1\n", 7);
  EXPECT_FALSE(provenance.model_version.empty());
  EXPECT_FALSE(provenance.git_commit.empty());
  EXPECT_EQ(provenance.scenario_text, "a = 1\n");
  EXPECT_EQ(provenance.scenario_sha256, sha256_hex("a = 1\n"));
  EXPECT_EQ(provenance.seed, "7");
  ASSERT_EQ(provenance.created_utc.size(), 20u);
  EXPECT_EQ(provenance.created_utc[10], 'T');
  EXPECT_EQ(provenance.created_utc.back(), 'Z');
}

TEST_F(Hdf5RunWriterTest, WritesUnderTemporaryNameUntilFinished) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  Hdf5RunWriter writer(target, tiny_provenance());
  EXPECT_EQ(writer.temporary_path(), target + ".tmp-" + std::to_string(::getpid()));
  EXPECT_TRUE(fs::exists(writer.temporary_path()));
  run_days(writer, world, 3);
  EXPECT_FALSE(fs::exists(target));
  writer.on_finish(3);
  EXPECT_TRUE(fs::exists(target));
  EXPECT_EQ(files(), std::vector<std::string>{"run.h5"});
}

TEST_F(Hdf5RunWriterTest, ProvenanceAttributes) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  {
    Hdf5RunWriter writer(target, tiny_provenance());
    run_days(writer, world, test_days);
    writer.on_finish(test_days);
  }
  Handle file = open_file(target);
  const Provenance expected = tiny_provenance();
  EXPECT_EQ(string_attribute(file.get(), "model_version"), expected.model_version);
  EXPECT_EQ(string_attribute(file.get(), "git_commit"), expected.git_commit);
  EXPECT_EQ(string_attribute(file.get(), "scenario"), expected.scenario_text);
  EXPECT_EQ(string_attribute(file.get(), "scenario_sha256"), expected.scenario_sha256);
  EXPECT_EQ(string_attribute(file.get(), "seed"), "42");
  EXPECT_EQ(string_attribute(file.get(), "created_utc"), expected.created_utc);
  EXPECT_EQ(string_attribute(file.get(), "scenario_name"), "tiny");
  EXPECT_TRUE(has_attribute(file.get(), "title"));
  EXPECT_TRUE(has_attribute(file.get(), "conventions"));
  EXPECT_TRUE(has_attribute(file.get(), "days_run"));
}

TEST_F(Hdf5RunWriterTest, TimeScalesAndSeries) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  {
    Hdf5RunWriter writer(target, tiny_provenance());
    run_days(writer, world, test_days);
    writer.on_finish(test_days);
  }
  Handle file = open_file(target);
  std::vector<hsize_t> shape;

  const auto day = read_values<std::int32_t>(file.get(), "day", &shape);
  ASSERT_EQ(shape, std::vector<hsize_t>{test_days});
  for (int d = 0; d < test_days; ++d) EXPECT_EQ(day[static_cast<std::size_t>(d)], d);
  const auto tick = read_values<std::int32_t>(file.get(), "tick", &shape);
  ASSERT_EQ(shape, std::vector<hsize_t>{3 * test_days});
  EXPECT_EQ(tick.back(), 3 * test_days - 1);
  EXPECT_EQ(read_values<std::int32_t>(file.get(), "month_day"), (std::vector<std::int32_t>{0, 30, 60}));
  EXPECT_EQ(read_values<std::int32_t>(file.get(), "monthly/month"), (std::vector<std::int32_t>{0, 1, 2}));

  const auto trust = read_values<double>(file.get(), "daily/generalised_trust", &shape);
  ASSERT_EQ(shape, std::vector<hsize_t>{test_days});
  EXPECT_DOUBLE_EQ(trust[69], 5.69);
  const auto encounters = read_values<std::int64_t>(file.get(), "daily/encounters");
  EXPECT_EQ(encounters[65], 1065);
  const auto by_group = read_values<double>(file.get(), "daily/generalised_trust_by_group", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{test_days, 2}));
  EXPECT_DOUBLE_EQ(by_group[2 * 66 + 1], 4.5 + 66);
  const auto matrix = read_values<double>(file.get(), "daily/trust_matrix", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{test_days, 2, 2}));
  EXPECT_DOUBLE_EQ(matrix[4 * 10 + 1], 0.4 + 0.001 * 10);
  EXPECT_DOUBLE_EQ(matrix[4 * 10 + 2], 0.3);

  const auto exposure = read_values<double>(file.get(), "monthly/city_by_cell/exposure", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{3, 2, 2}));
  EXPECT_DOUBLE_EQ(exposure[4 + 1], 0.3);
  const auto theil = read_values<double>(file.get(), "monthly/city_by_district/theil_h", &shape);
  ASSERT_EQ(shape, std::vector<hsize_t>{3});
  EXPECT_DOUBLE_EQ(theil[2], 0.12);
  const auto residents = read_values<std::int64_t>(file.get(), "monthly/district_residents_by_group", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{3, 2, 2}));
  EXPECT_EQ(residents[4 * 2 + 3], 5);
  const auto district_trust = read_values<double>(file.get(), "monthly/district_generalised_trust", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{3, 2}));
  const auto missing = read_values<double>(file.get(), "monthly/district_multigroup_dissimilarity");
  ASSERT_EQ(missing.size(), 6u);
  EXPECT_TRUE(std::isnan(missing[0]));

  const auto venue = read_values<std::uint32_t>(file.get(), "samples/venue", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{3 * test_days, 2}));
  EXPECT_EQ(venue[2 * 201], 201u % 4);
  EXPECT_EQ(venue[2 * 201 + 1], 1u);
  const auto sample_trust = read_values<float>(file.get(), "samples/outgroup_trust", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{test_days, 2}));
  EXPECT_FLOAT_EQ(sample_trust[2 * 67], 0.5f + 0.001f * 67);
  EXPECT_EQ(read_values<std::uint32_t>(file.get(), "sample"), (std::vector<std::uint32_t>{1, 3}));
  EXPECT_EQ(read_values<std::uint8_t>(file.get(), "samples/group"), (std::vector<std::uint8_t>{1, 1}));
  EXPECT_EQ(read_values<std::uint32_t>(file.get(), "samples/home_venue"), (std::vector<std::uint32_t>{1, 1}));
}

TEST_F(Hdf5RunWriterTest, WorldDescription) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  {
    Hdf5RunWriter writer(target, tiny_provenance());
    run_days(writer, world, 1);
    writer.on_finish(1);
  }
  Handle file = open_file(target);
  std::vector<hsize_t> shape;
  EXPECT_EQ(read_strings(file.get(), "group"), (std::vector<std::string>{"majority", "newcomers"}));
  EXPECT_EQ(read_strings(file.get(), "target_group"), (std::vector<std::string>{"majority", "newcomers"}));
  EXPECT_EQ(read_strings(file.get(), "district"), (std::vector<std::string>{"D1", "D2"}));
  EXPECT_EQ(read_strings(file.get(), "groups/colour"), (std::vector<std::string>{"#1f77b4", "#ff7f0e"}));
  EXPECT_EQ(read_values<std::uint8_t>(file.get(), "groups/speaks_language"), (std::vector<std::uint8_t>{1, 0}));
  EXPECT_EQ(read_values<std::int64_t>(file.get(), "groups/initial_residents"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(read_strings(file.get(), "districts/name"), (std::vector<std::string>{"Nordviertel", "Südstadt"}));
  EXPECT_EQ(read_values<std::int32_t>(file.get(), "districts/cell_count"), (std::vector<std::int32_t>{3, 3}));
  EXPECT_EQ(read_values<std::int32_t>(file.get(), "districts/ring_district"), (std::vector<std::int32_t>{0, 1, 1}));
  EXPECT_EQ(read_values<std::int64_t>(file.get(), "districts/ring_start"), (std::vector<std::int64_t>{0, 6, 10}));
  EXPECT_EQ(read_values<std::int32_t>(file.get(), "districts/ring_vertex_count"), (std::vector<std::int32_t>{6, 4, 3}));
  const auto vertex_x = read_values<double>(file.get(), "districts/vertex_x_m");
  ASSERT_EQ(vertex_x.size(), 13u);
  EXPECT_DOUBLE_EQ(vertex_x[11], 260.0);

  const auto cell_district = read_values<std::int32_t>(file.get(), "city/cell_district", &shape);
  ASSERT_EQ(shape, (std::vector<hsize_t>{2, 3}));
  EXPECT_EQ(cell_district, world.city.cell_district);
  EXPECT_EQ(read_values<std::uint16_t>(file.get(), "city/cell_capacity"), world.city.cell_capacity);
  EXPECT_EQ(read_values<double>(file.get(), "x"), (std::vector<double>{50, 150, 250}));
  EXPECT_EQ(read_values<double>(file.get(), "y"), (std::vector<double>{50, 150}));
  {
    Handle raster = open_dataset(file.get(), "city/cell_district");
    EXPECT_DOUBLE_EQ(double_attribute(raster.get(), "cell_size_m"), 100.0);
    EXPECT_DOUBLE_EQ(double_attribute(raster.get(), "origin_lon"), 13.4);
    EXPECT_DOUBLE_EQ(double_attribute(raster.get(), "origin_lat"), 52.5);
    EXPECT_TRUE(has_attribute(raster.get(), "origin_x_m"));
    EXPECT_TRUE(has_attribute(raster.get(), "origin_y_m"));
  }

  EXPECT_EQ(read_values<std::uint8_t>(file.get(), "venues/kind"), (std::vector<std::uint8_t>{0, 0, 1, 3}));
  EXPECT_EQ(read_values<std::uint32_t>(file.get(), "venue"), (std::vector<std::uint32_t>{0, 1, 2, 3}));
  EXPECT_EQ(read_values<float>(file.get(), "venues/y_m"), world.venues.y_m);
  EXPECT_EQ(read_values<float>(file.get(), "venues/cooperation"), world.venues.cooperation);
  {
    Handle kind = open_dataset(file.get(), "venues/kind");
    Handle attr = hdf5::attribute(H5Aopen(kind.get(), "kind_names", H5P_DEFAULT), "kind_names");
    Handle space = hdf5::dataspace(H5Aget_space(attr.get()), "kind_names");
    ASSERT_EQ(H5Sget_simple_extent_npoints(space.get()), venue_kind_count);
    std::vector<char*> names(venue_kind_count);
    Handle type = hdf5::utf8_string_type();
    H5Aread(attr.get(), type.get(), names.data());
    EXPECT_EQ(std::string(names[3]), "park");
    EXPECT_EQ(std::string(names[8]), "civic_forum");
    H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, names.data());
  }
}

TEST_F(Hdf5RunWriterTest, DimensionScalesAttached) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  {
    Hdf5RunWriter writer(target, tiny_provenance());
    run_days(writer, world, 31);
    writer.on_finish(31);
  }
  Handle file = open_file(target);
  for (const char* scale :
       {"day", "tick", "month_day", "group", "target_group", "district", "sample", "venue", "x", "y"}) {
    Handle dataset = open_dataset(file.get(), scale);
    EXPECT_GT(H5DSis_scale(dataset.get()), 0) << scale;
    EXPECT_EQ(scale_name(dataset.get()), scale);
  }
  expect_scale(file.get(), "daily/encounters", 0, "day", "day");
  expect_scale(file.get(), "daily/trust_matrix", 0, "day", "day");
  expect_scale(file.get(), "daily/trust_matrix", 1, "group", "group");
  expect_scale(file.get(), "daily/trust_matrix", 2, "target_group", "target_group");
  expect_scale(file.get(), "daily/mean_outgroup_trust_by_group", 1, "group", "group");
  expect_scale(file.get(), "monthly/city_by_cell/dissimilarity", 0, "month_day", "month_day");
  expect_scale(file.get(), "monthly/city_by_district/exposure", 2, "target_group", "target_group");
  expect_scale(file.get(), "monthly/district_residents_by_group", 1, "district", "district");
  expect_scale(file.get(), "monthly/district_residents_by_group", 2, "group", "group");
  expect_scale(file.get(), "samples/venue", 0, "tick", "tick");
  expect_scale(file.get(), "samples/venue", 1, "sample", "sample");
  expect_scale(file.get(), "samples/outgroup_trust", 0, "day", "day");
  expect_scale(file.get(), "city/cell_district", 0, "y", "y");
  expect_scale(file.get(), "city/cell_district", 1, "x", "x");
  expect_scale(file.get(), "venues/capacity", 0, "venue", "venue");
  expect_scale(file.get(), "groups/colour", 0, "group", "group");
  expect_scale(file.get(), "districts/name", 0, "district", "district");
  expect_scale(file.get(), "districts/ring_start", 0, "districts/ring", "ring");
  expect_scale(file.get(), "districts/vertex_y_m", 0, "districts/vertex", "vertex");
}

TEST_F(Hdf5RunWriterTest, EveryDatasetDescribedAndCompressed) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  {
    Hdf5RunWriter writer(target, tiny_provenance());
    run_days(writer, world, 2);
    writer.on_finish(2);
  }
  Handle file = open_file(target);
  const VisitState state = visit(file.get());
  EXPECT_GT(state.datasets.size(), 50u);
  for (const std::string& name : state.datasets) {
    Handle dataset = open_dataset(file.get(), name);
    EXPECT_TRUE(has_attribute(dataset.get(), "long_name")) << name;
    Handle type = hdf5::datatype(H5Dget_type(dataset.get()), name);
    if (H5Tget_class(type.get()) == H5T_STRING) continue;
    EXPECT_TRUE(has_attribute(dataset.get(), "units")) << name;
    Handle dcpl = hdf5::plist(H5Dget_create_plist(dataset.get()), name);
    EXPECT_EQ(H5Pget_layout(dcpl.get()), H5D_CHUNKED) << name;
    EXPECT_EQ(H5Pget_nfilters(dcpl.get()), 2) << name;  // shuffle + deflate
  }
  EXPECT_EQ(string_attribute(open_dataset(file.get(), "daily/generalised_trust").get(), "units"), "0-10 scale");
  EXPECT_EQ(string_attribute(open_dataset(file.get(), "day").get(), "units"), "day");
}

TEST_F(Hdf5RunWriterTest, NoObjectTimeStamps) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  {
    Hdf5RunWriter writer(target, tiny_provenance());
    run_days(writer, world, 2);
    writer.on_finish(2);
  }
  Handle file = open_file(target);
  const VisitState state = visit(file.get());
  EXPECT_GE(state.groups.size(), 8u);  // includes the root group "."
  EXPECT_TRUE(state.objects_with_times.empty()) << state.objects_with_times.front();
}

TEST_F(Hdf5RunWriterTest, SameRunSameBytes) {
  const World world = tiny_world();
  for (const char* name : {"a.h5", "b.h5"}) {
    Hdf5RunWriter writer(path(name), tiny_provenance());
    run_days(writer, world, test_days);
    writer.on_finish(test_days);
  }
  const std::string a = file_bytes(path("a.h5"));
  EXPECT_GT(a.size(), 1000u);
  EXPECT_TRUE(a == file_bytes(path("b.h5")));
}

TEST_F(Hdf5RunWriterTest, DestroyedWithoutFinishLeavesNothing) {
  const World world = tiny_world();
  {
    Hdf5RunWriter writer(path("run.h5"), tiny_provenance());
    run_days(writer, world, 40);
  }
  EXPECT_TRUE(files().empty());
  { Hdf5RunWriter writer(path("run.h5"), tiny_provenance()); }
  EXPECT_TRUE(files().empty());
}

TEST_F(Hdf5RunWriterTest, FailedWriteThrowsAndLeavesNothing) {
  const World world = tiny_world();
  {
    Hdf5RunWriter writer(path("run.h5"), tiny_provenance());
    run_days(writer, world, 1);
    const std::vector<std::uint32_t> wrong_size = {1, 2, 3};
    try {
      writer.on_slot(3, wrong_size);
      FAIL() << "expected OutputError";
    } catch (const OutputError& error) {
      EXPECT_NE(std::string(error.what()).find(path("run.h5")), std::string::npos) << error.what();
    }
  }
  EXPECT_TRUE(files().empty());
}

TEST_F(Hdf5RunWriterTest, UnwritableDirectoryThrowsAtConstruction) {
  const std::string missing = path("no-such-directory/run.h5");
  try {
    Hdf5RunWriter writer(missing, tiny_provenance());
    FAIL() << "expected OutputError";
  } catch (const OutputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(missing), std::string::npos) << message;
    EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  }
  try {
    Hdf5RunWriter writer("/proc/run.h5", tiny_provenance());
    FAIL() << "expected OutputError";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("/proc/run.h5"), std::string::npos) << error.what();
  }
  EXPECT_THROW(Hdf5RunWriter(directory_.string(), tiny_provenance()), OutputError);
  EXPECT_TRUE(files().empty());
}

TEST_F(Hdf5RunWriterTest, ReplacesAnExistingFile) {
  const World world = tiny_world();
  const std::string target = path("run.h5");
  std::ofstream(target) << "old";
  Hdf5RunWriter writer(target, tiny_provenance());
  run_days(writer, world, 1);
  writer.on_finish(1);
  EXPECT_GT(H5Fis_hdf5(target.c_str()), 0);
}

}  // namespace
}  // namespace convivia
