// Tests of scenario parsing and validation: defaults, each kind of bad input (with file, line and
// key in the message), --set overrides, the resolved scenario round trip, weekday and slot masks,
// and that docs/scenario-reference.md matches the key table it is generated from.
#include "io/input_error.hpp"
#include "io/scenario_keys.hpp"
#include "io/scenario_parser.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace convivia {
namespace {

namespace fs = std::filesystem;

const std::string one_group = "[[groups]]\nname = \"locals\"\nshare = 1.0\n";

ScenarioConfig parse(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return parse_scenario_text(text, "default.toml", overrides, ".");
}

std::optional<InputError> error_of(const std::string& text, const std::vector<std::string>& overrides = {}) {
  try {
    parse(text, overrides);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

// The error names the file, line and key, and its message contains `expected`.
void expect_error(const std::string& text, int line, const std::string& key, const std::string& expected,
                  const std::vector<std::string>& overrides = {}, const std::string& file = "default.toml") {
  const std::optional<InputError> error = error_of(text, overrides);
  ASSERT_TRUE(error.has_value()) << "no error for:\n" << text;
  EXPECT_EQ(error->file(), file);
  EXPECT_EQ(error->line(), line);
  EXPECT_EQ(error->key(), key);
  const std::string prefix = line > 0 ? file + ":" + std::to_string(line) + ": " + key : file + ": " + key;
  const std::string message = error->what();
  EXPECT_EQ(message.rfind(prefix, 0), 0u) << message;
  EXPECT_NE(message.find(expected), std::string::npos) << message;
}

// A fresh directory for files of one test, removed afterwards.
class ScenarioFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("convivia_scenario_" + std::string(info->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_ / "data");
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = directory_ / name;
    std::ofstream(path) << text;
    return path.string();
  }
  fs::path directory_;
};

TEST(ScenarioParser, MinimalFileGivesAllDefaults) {
  const ScenarioConfig config = parse(one_group);
  ScenarioConfig expected;
  expected.groups.push_back(GroupConfig{"locals", "#888888", 1.0, true, 0.0});
  EXPECT_EQ(resolved_scenario_toml(config), resolved_scenario_toml(expected));
  EXPECT_EQ(config.run.days, 365);
  EXPECT_EQ(config.city.source, CitySource::synthetic);
  EXPECT_DOUBLE_EQ(config.population.child_share, 0.16);
  EXPECT_FLOAT_EQ(config.encounters.rate_negative, 0.03f);
  EXPECT_EQ(config.venues.kinds[static_cast<int>(VenueKind::school)].capacity, 600u);
  EXPECT_EQ(config.source_path, ".");
}

TEST(ScenarioParser, ValuesAreRead) {
  const ScenarioConfig config = parse(
      "name = \"test\"\n[run]\ndays = 30\nseed = 42\n[city]\nscale = 0.25\n[city.synthetic]\nresidents = 5000\n"
      "[encounters]\nculture_exchange = false\n" + one_group);
  EXPECT_EQ(config.name, "test");
  EXPECT_EQ(config.run.days, 30);
  EXPECT_EQ(config.run.seed, 42u);
  EXPECT_DOUBLE_EQ(config.city.scale, 0.25);
  EXPECT_EQ(config.city.synthetic.residents, 5000);
  EXPECT_FALSE(config.encounters.culture_exchange);
}

TEST(ScenarioParser, SyntaxErrorNamesLine) {
  expect_error("[run]\ndays = 3\nseed = = 4\n", 3, "", "TOML syntax error");
}

TEST(ScenarioParser, UnknownKeySuggestsNearest) {
  expect_error(one_group + "[city]\nscael = 0.5\n", 5, "city.scael", "did you mean 'city.scale'?");
}

TEST(ScenarioParser, UnknownSectionSuggestsNearest) {
  expect_error("[ctiy]\nscale = 0.5\n" + one_group, 1, "ctiy", "did you mean 'city'?");
}

TEST(ScenarioParser, UnknownTopLevelKeyFindsItsSection) {
  expect_error("scale = 0.5\n" + one_group, 1, "scale", "did you mean 'city.scale'?");
}

TEST(ScenarioParser, UnknownKeyWithoutNearMatchListsSectionKeys) {
  expect_error(one_group + "[culture]\nzzz = 1\n", 5, "culture.zzz",
               "known keys in [culture]: features, traits, group_trait_bias");
}

TEST(ScenarioParser, UnknownKeyInGroupIsAnError) {
  expect_error("[[groups]]\nname = \"a\"\nshare = 1\ncolor = \"#112233\"\n", 4, "groups[0].color",
               "did you mean 'groups[0].colour'?");
}

TEST(ScenarioParser, UnknownVenueKindIsAnError) {
  expect_error(one_group + "[venues.shcool]\ncapacity = 10\n", 4, "venues.shcool",
               "unknown venue kind; did you mean 'venues.school'?");
}

TEST(ScenarioParser, UnknownKeyInVenueIsAnError) {
  expect_error(one_group + "[venues.park]\ncooperaton = 0.2\n", 5, "venues.park.cooperaton",
               "did you mean 'venues.park.cooperation'?");
}

TEST(ScenarioParser, WrongTypeSaysWhatWasExpected) {
  expect_error(one_group + "[run]\ndays = \"ten\"\n", 5, "run.days", "expected an integer in [1, 36500], got a string");
}

TEST(ScenarioParser, FloatIsNotAcceptedForInteger) {
  expect_error(one_group + "[run]\ndays = 10.0\n", 5, "run.days", "got a float");
}

TEST(ScenarioParser, IntegerIsAcceptedForNumber) {
  const ScenarioConfig config = parse(one_group + "[city]\nscale = 1\ncell_size_m = 50\n");
  EXPECT_DOUBLE_EQ(config.city.scale, 1.0);
  EXPECT_DOUBLE_EQ(config.city.cell_size_m, 50.0);
}

TEST(ScenarioParser, OutOfRangeNamesRange) {
  expect_error(one_group + "[city]\nscale = 1.5\n", 5, "city.scale", "city.scale: expected a number in (0, 1], got 1.5");
}

TEST(ScenarioParser, OpenLowerBoundExcludesZero) {
  expect_error(one_group + "[city]\nscale = 0\n", 5, "city.scale", "got 0");
}

TEST(ScenarioParser, NanIsRejected) {
  expect_error(one_group + "[encounters]\nrate_positive = nan\n", 5, "encounters.rate_positive", "got nan");
}

TEST(ScenarioParser, InfinityIsRejected) {
  expect_error(one_group + "[activity]\ncomfort_weight = +inf\n", 5, "activity.comfort_weight", "got inf");
}

TEST(ScenarioParser, InfiniteGroupShareIsRejected) {
  expect_error("[[groups]]\nname = \"a\"\nshare = inf\n", 3, "groups[0].share", "expected a number in [0, 1e+09], got inf");
}

TEST(ScenarioParser, TrillionResidentsAreRejected) {
  expect_error(one_group + "[city.synthetic]\nresidents = 1_000_000_000_000\n", 5, "city.synthetic.residents",
               "expected an integer in [1, 50000000], got 1000000000000");
}

TEST(ScenarioParser, TooManyGridCellsAreRejected) {
  expect_error(one_group + "[city.synthetic]\ndistricts_x = 1000\ndistricts_y = 1000\ndistrict_cells = 10\n", 7,
               "city.synthetic.district_cells", "at most 25000000 grid cells");
}

TEST(ScenarioParser, DaysOutOfRangeAreRejected) {
  expect_error(one_group + "[run]\ndays = 0\n", 5, "run.days", "expected an integer in [1, 36500], got 0");
}

TEST(ScenarioParser, CultureLimitsAreChecked) {
  expect_error(one_group + "[culture]\ntraits = 1\n", 5, "culture.traits", "expected an integer in [2, 255]");
  expect_error(one_group + "[culture]\nfeatures = 33\n", 5, "culture.features", "expected an integer in [1, 32]");
}

TEST(ScenarioParser, RoundsAreLimited) {
  expect_error(one_group + "[venues.sports]\nrounds = 17\n", 5, "venues.sports.rounds", "expected an integer in [1, 16]");
}

TEST(ScenarioParser, SchoolNeedsCapacity) {
  expect_error(one_group + "[venues.school]\ncapacity = 0\n", 5, "venues.school.capacity", "[1, 1000000]");
  EXPECT_EQ(parse(one_group + "[venues.park]\ncapacity = 0\n").venues.kinds[static_cast<int>(VenueKind::park)].capacity,
            0u);
}

TEST(ScenarioParser, NegativeRateIsRejected) {
  expect_error(one_group + "[encounters]\nrate_negative = -0.1\n", 5, "encounters.rate_negative",
               "expected a number in [0, 1], got -0.1");
}

TEST(ScenarioParser, SampleResidentsAreLimited) {
  expect_error(one_group + "[output]\nsample_residents = 100001\n", 5, "output.sample_residents", "[0, 100000]");
}

TEST(ScenarioParser, AgeSharesMustFit) {
  expect_error(one_group + "[population]\nchild_share = 0.6\nsenior_share = 0.5\n", 6, "population.senior_share",
               "child_share + senior_share <= 1");
}

TEST(ScenarioParser, SectionMustBeATable) {
  expect_error("city = 3\n" + one_group, 1, "city", "expected a table, got an integer");
}

TEST(ScenarioParser, SyntheticCityNeedsAGroup) {
  expect_error("[run]\ndays = 3\n", 0, "groups", "at least one [[groups]] entry");
}

TEST(ScenarioParser, GroupNamesMustBeUnique) {
  expect_error("[[groups]]\nname = \"a\"\nshare = 1\n[[groups]]\nname = \"a\"\nshare = 1\n", 4, "groups[1].name",
               "expected a unique name");
}

TEST(ScenarioParser, GroupNameIsRequired) {
  expect_error("[[groups]]\nname = \"a\"\nshare = 1\n[[groups]]\nshare = 1\n", 4, "groups[1].name",
               "non-empty string");
}

TEST(ScenarioParser, GroupColourMustBeHex) {
  expect_error("[[groups]]\nname = \"a\"\nshare = 1\ncolour = \"red\"\n", 4, "groups[0].colour",
               "expected a colour string \"#rrggbb\", got \"red\"");
}

TEST(ScenarioParser, GroupSharesNeedPositiveSum) {
  expect_error("[[groups]]\nname = \"a\"\nshare = 0\n", 1, "groups.share", "positive sum");
}

TEST(ScenarioParser, TooManyGroupsAreRejected) {
  std::string text;
  for (int i = 0; i < max_group_count + 1; ++i) text += "[[groups]]\nname = \"g" + std::to_string(i) + "\"\nshare = 1\n";
  expect_error(text, 1, "groups", "expected at most 32 groups, got 33");
}

TEST(ScenarioParser, GroupSharesAreNormalised) {
  const ScenarioConfig config = parse("[[groups]]\nname = \"a\"\nshare = 3\n[[groups]]\nname = \"b\"\nshare = 1\n");
  ASSERT_EQ(config.groups.size(), 2u);
  EXPECT_DOUBLE_EQ(config.groups[0].share, 0.75);
  EXPECT_DOUBLE_EQ(config.groups[1].share, 0.25);
}

TEST(ScenarioParser, WeekdayAndSlotNamesMapToMasks) {
  const ScenarioConfig config = parse(one_group +
                                      "[run]\nstart_weekday = \"wednesday\"\n"
                                      "[venues.library]\nslots = [\"leisure\", \"evening\"]\n"
                                      "weekdays = [\"monday\", \"sunday\"]\n");
  EXPECT_EQ(config.run.start_weekday, 2);
  const VenueKindConfig& library = config.venues.kinds[static_cast<int>(VenueKind::library)];
  EXPECT_EQ(library.slot_mask, 0b110);
  EXPECT_EQ(library.weekday_mask, 0b1000001);
}

TEST(ScenarioParser, UnknownWeekdayIsRejected) {
  expect_error(one_group + "[venues.market]\nweekdays = [\"monday\", \"funday\"]\n", 5, "venues.market.weekdays",
               "got \"funday\"");
}

TEST(ScenarioParser, RepeatedSlotIsRejected) {
  expect_error(one_group + "[venues.market]\nslots = [\"daytime\", \"daytime\"]\n", 5, "venues.market.slots",
               "got \"daytime\" twice");
}

TEST(ScenarioParser, ImportNeedsDataPaths) {
  expect_error("[city]\nsource = \"import\"\n", 2, "city.import.district_table", "required when city.source");
}

TEST_F(ScenarioFileTest, ImportResolvesPathsAgainstTheScenarioDirectory) {
  write("data/districts.csv", "district_id,district_name,total\n");
  write("data/districts.geojson", "{}");
  const std::string path = write("city.toml",
                                 "[city]\nsource = \"import\"\n[city.import]\ndistrict_table = \"data/districts.csv\"\n"
                                 "district_polygons = \"data/districts.geojson\"\n");
  const ScenarioFile file = load_scenario_file(path);
  EXPECT_TRUE(file.config.groups.empty());
  EXPECT_EQ(fs::path(file.config.city.imported.district_table), (directory_ / "data/districts.csv").lexically_normal());
  EXPECT_EQ(fs::path(file.config.source_path), directory_.lexically_normal());
}

TEST_F(ScenarioFileTest, ImportWithMissingFileNamesTheKey) {
  write("data/districts.csv", "district_id,district_name,total\n");
  const std::string path = write("city.toml",
                                 "[city]\nsource = \"import\"\n[city.import]\ndistrict_table = \"data/districts.csv\"\n"
                                 "district_polygons = \"data/missing.geojson\"\n");
  try {
    load_scenario_file(path);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.key(), "city.import.district_polygons");
    EXPECT_EQ(error.line(), 5);
    EXPECT_NE(std::string(error.what()).find("missing.geojson"), std::string::npos) << error.what();
  }
}

TEST_F(ScenarioFileTest, LoadKeepsTextAndPath) {
  const std::string text = "# a comment\nname = \"kept\"\n" + one_group;
  const std::string path = write("kept.toml", text);
  const ScenarioFile file = load_scenario_file(path);
  EXPECT_EQ(file.text, text);
  EXPECT_EQ(file.path, path);
  EXPECT_EQ(file.config.name, "kept");
}

TEST_F(ScenarioFileTest, ErrorsNameTheFileAsGiven) {
  const std::string path = write("bad.toml", one_group + "[city]\nscale = 2\n");
  try {
    load_scenario_file(path);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind(path + ":5: city.scale: ", 0), 0u) << error.what();
  }
}

TEST_F(ScenarioFileTest, MissingFileIsAnInputError) {
  EXPECT_THROW(load_scenario_file((directory_ / "absent.toml").string()), InputError);
}

TEST(ScenarioOverrides, OverrideReplacesFileValue) {
  const ScenarioConfig config = parse(one_group + "[city]\nscale = 0.5\n", {"city.scale=0.1", "venues.school.cooperation = 0.9"});
  EXPECT_DOUBLE_EQ(config.city.scale, 0.1);
  EXPECT_FLOAT_EQ(config.venues.kinds[static_cast<int>(VenueKind::school)].cooperation, 0.9f);
}

TEST(ScenarioOverrides, BareWordIsAString) {
  const ScenarioConfig config = parse(one_group, {"name=berlin", "run.start_weekday=friday"});
  EXPECT_EQ(config.name, "berlin");
  EXPECT_EQ(config.run.start_weekday, 4);
}

TEST(ScenarioOverrides, ArrayValueIsParsedAsToml) {
  const ScenarioConfig config = parse(one_group, {"venues.park.weekdays=[\"saturday\",\"sunday\"]"});
  EXPECT_EQ(config.venues.kinds[static_cast<int>(VenueKind::park)].weekday_mask, 0b1100000);
}

TEST(ScenarioOverrides, WithoutEqualsIsRejected) {
  expect_error(one_group, 0, "foo", "expected key=value", {"foo"}, "--set");
}

TEST(ScenarioOverrides, UnknownKeyIsRejected) {
  expect_error(one_group, 0, "city.scael", "did you mean 'city.scale'?", {"city.scael=0.5"}, "--set");
}

TEST(ScenarioOverrides, WrongTypeIsRejected) {
  expect_error(one_group, 0, "run.days", "expected an integer in [1, 36500], got a string", {"run.days=many"}, "--set");
}

TEST(ScenarioOverrides, OutOfRangeIsRejected) {
  expect_error(one_group, 0, "city.scale", "expected a number in (0, 1], got 3", {"city.scale=3"}, "--set");
}

// One key of one entry of an array of tables: the rest of the entry stays, the usual checks apply.
const std::string two_policies =
    one_group +
    "[[policies]]\nkind = \"intercultural_mediators\"\nintensity = 1.0\nstart_day = 0\nannual_cost = 100\n"
    "[[policies]]\nkind = \"mixing_events\"\nintensity = 0.5\nstart_day = 10\nend_day = 20\nannual_cost = 200\n";

TEST(ScenarioOverrides, OneKeyOfAnEntryCanBeSet) {
  const ScenarioConfig config = parse(two_policies, {"policies[1].intensity=0.25", "policies[1].start_day=5", "groups[0].share=3"});
  ASSERT_EQ(config.policies.size(), 2u);
  EXPECT_DOUBLE_EQ(config.policies[1].intensity, 0.25);
  EXPECT_EQ(config.policies[1].start_day, 5);
  EXPECT_EQ(config.policies[1].end_day, 20);
  EXPECT_DOUBLE_EQ(config.policies[1].annual_cost_eur, 200.0);
  EXPECT_DOUBLE_EQ(config.policies[0].intensity, 1.0);
  EXPECT_EQ(config.groups[0].name, "locals");
}

TEST(ScenarioOverrides, EntryOverrideIsChecked) {
  expect_error(two_policies, 0, "policies[0].intensity", "expected a number in [0, 1], got 2", {"policies[0].intensity=2"}, "--set");
  expect_error(two_policies, 0, "policies[1].end_day", "expected end_day >= start_day", {"policies[1].start_day=30"}, "--set");
  expect_error(two_policies, 0, "policies[0].intensty", "did you mean 'policies[0].intensity'?", {"policies[0].intensty=1"}, "--set");
}

TEST(ScenarioOverrides, EntryIndexMustExist) {
  expect_error(two_policies, 0, "policies[2].intensity", "expected an entry index from 0 to 1", {"policies[2].intensity=1"}, "--set");
  expect_error(one_group, 0, "events[0].strength", "has no [[events]] entries", {"events[0].strength=0.1"}, "--set");
  expect_error(one_group, 0, "groups.share", "expected one key of one entry, e.g. groups[0].share=0.5", {"groups.share=0.5"}, "--set");
}

TEST(ScenarioOverrides, WholeGroupsArrayCanBeSet) {
  const ScenarioConfig config = parse(one_group, {"groups=[{name=\"x\", share=1}, {name=\"y\", share=3}]"});
  ASSERT_EQ(config.groups.size(), 2u);
  EXPECT_EQ(config.groups[1].name, "y");
  EXPECT_DOUBLE_EQ(config.groups[1].share, 0.75);
}

TEST(ScenarioOverrides, TableKeyIsRejected) {
  expect_error(one_group, 0, "city", "is a table", {"city=1"}, "--set");
}

TEST(ScenarioResolved, RoundTripsToTheSameText) {
  const ScenarioConfig config = parse(
      "name = \"round \\\"trip\\\"\"\ndescription = \"two\\nlines\"\n[run]\nstart_weekday = \"sunday\"\n"
      "[population]\ninitial_trust_spread = 0.123\n[venues.park]\nslots = []\n"
      "[[groups]]\nname = \"a\"\nshare = 2\ncolour = \"#aabbcc\"\n[[groups]]\nname = \"b\"\nshare = 1\n"
      "speaks_language = false\n");
  const std::string resolved = resolved_scenario_toml(config);
  const ScenarioConfig again = parse(resolved);
  EXPECT_EQ(resolved_scenario_toml(again), resolved);
  EXPECT_EQ(again.name, "round \"trip\"");
  EXPECT_EQ(again.groups[1].speaks_language, false);
  EXPECT_FLOAT_EQ(again.population.initial_trust_spread, 0.123f);
}

TEST(ScenarioResolved, ListsEveryKey) {
  const std::string resolved = resolved_scenario_toml(parse(one_group));
  EXPECT_NE(resolved.find("[venues.civic_forum]\nper_1000_residents = 0.0\n"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("\n[[groups]]\nname = \"locals\"\n"), std::string::npos);
  EXPECT_NE(resolved.find("initial_trust_in_group = 0.7\n"), std::string::npos) << "floats print short";
}

TEST(ScenarioVenueDefaults, MatchTheirDocumentedSchedules) {
  const auto kinds = VenueConfig::default_venue_kind_configs();
  auto at = [&](VenueKind k) { return kinds[static_cast<int>(k)]; };
  EXPECT_EQ(at(VenueKind::home_block).slot_mask, 0b100);
  EXPECT_EQ(at(VenueKind::school).weekday_mask, 0b0011111);
  EXPECT_EQ(at(VenueKind::civic_forum).weekday_mask, 0b0000100);
  EXPECT_EQ(at(VenueKind::civic_forum).per_1000_residents, 0.0);
  for (VenueKind k : leisure_venue_kinds) {
    EXPECT_GE(at(k).attractiveness, 0.2f);
    EXPECT_LE(at(k).attractiveness, 0.8f);
  }
}

fs::path source_directory() {
  if (const char* dir = std::getenv("CONVIVIA_SOURCE_DIR")) return dir;
  return fs::path(__FILE__).parent_path().parent_path().parent_path();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The key tables in the reference are generated from the key table; set
// CONVIVIA_UPDATE_SCENARIO_REFERENCE=1 to rewrite them after changing a key.
TEST(ScenarioReference, DocumentMatchesKeyTable) {
  const fs::path path = source_directory() / "docs" / "scenario-reference.md";
  std::string text = read_text(path);
  const std::string begin = "<!-- BEGIN GENERATED KEY TABLES -->\n";
  const std::string end = "<!-- END GENERATED KEY TABLES -->";
  const std::size_t first = text.find(begin);
  const std::size_t last = text.find(end);
  ASSERT_NE(first, std::string::npos) << path;
  ASSERT_NE(last, std::string::npos) << path;
  const std::string generated = scenario_schema::reference_tables_markdown();
  const std::string current = text.substr(first + begin.size(), last - first - begin.size());
  if (current != generated && std::getenv("CONVIVIA_UPDATE_SCENARIO_REFERENCE") != nullptr) {
    text.replace(first + begin.size(), current.size(), generated);
    std::ofstream(path) << text;
    return;
  }
  EXPECT_EQ(current, generated) << "regenerate with CONVIVIA_UPDATE_SCENARIO_REFERENCE=1";
}

TEST(ScenarioReference, ExampleParses) {
  const std::string text = read_text(source_directory() / "docs" / "scenario-reference.md");
  const std::size_t start = text.find("```toml\n");
  ASSERT_NE(start, std::string::npos);
  const std::size_t stop = text.find("```", start + 8);
  const ScenarioConfig config = parse(text.substr(start + 8, stop - start - 8));
  EXPECT_FALSE(config.groups.empty());
}

}  // namespace
}  // namespace convivia
