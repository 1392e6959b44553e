// The census count table reader of the segregation command: a good table, the --ignore and
// --id-column choices, and one test per kind of bad table, each checking that the message names the
// file, the line and the column where there is one, and says what was wrong.
#include "io/count_table_reader.hpp"

#include "io/input_error.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace convivia {
namespace {

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

constexpr const char* file = "counts.csv";

// The InputError message of parsing text, or "" if it parsed.
std::string error_of(const std::string& text, const CountTableOptions& options = {}) {
  try {
    parse_count_table(text, file, options);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

CountTableOptions ignoring(std::vector<std::string> columns) {
  CountTableOptions options;
  options.ignored_columns = std::move(columns);
  return options;
}

// A file in a fresh temporary directory, removed with the fixture.
class CountTableFile : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("convivia-count-table-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = (directory_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path directory_;
};

TEST(CountTableReader, ReadsUnitsGroupsAndCounts) {
  const CountTable table = parse_count_table("id,a,b\r\n01,3,0\n02, 1 ,1e1\n", file);
  EXPECT_EQ(table.unit_ids, (std::vector<std::string>{"01", "02"}));
  EXPECT_EQ(table.group_names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(table.counts, (std::vector<std::int64_t>{3, 0, 1, 10}));
  EXPECT_EQ(table.group_totals, (std::vector<std::int64_t>{4, 10}));
}

TEST(CountTableReader, IgnoredColumnsAreNotGroups) {
  const CountTable table = parse_count_table("id,name,a,b,c,total\n1,North,1,2,3,6\n2,South,4,0,1,5\n", file,
                                             ignoring({"name", "total"}));
  EXPECT_EQ(table.group_names, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(table.counts, (std::vector<std::int64_t>{1, 2, 3, 4, 0, 1}));
}

TEST(CountTableReader, IdColumnCanBeNamed) {
  CountTableOptions options;
  options.id_column = "code";
  const CountTable table = parse_count_table("a,code,b\n5,x,1\n0,y,2\n", file, options);
  EXPECT_EQ(table.unit_ids, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(table.group_names, (std::vector<std::string>{"a", "b"}));
}

TEST(CountTableReader, UnknownIdOrIgnoredColumnListsTheHeader) {
  CountTableOptions options;
  options.id_column = "kode";
  EXPECT_TRUE(contains(error_of("code,a,b\nx,1,2\n", options), "--id-column: the name of a column in the header, got \"kode\""));
  const std::string message = error_of("code,a,b,c\nx,1,2,3\n", ignoring({"totl"}));
  EXPECT_TRUE(contains(message, "counts.csv:1: --ignore"));
  EXPECT_TRUE(contains(message, "\"code\", \"a\", \"b\", \"c\""));
}

TEST(CountTableReader, NonNumericCountNamesColumnLineValueAndSuggestsIgnore) {
  const std::string message = error_of("id,name,a,b\n1,Mitte,1,2\n");
  EXPECT_TRUE(contains(message, "counts.csv:2: column \"name\": a whole number of residents, got \"Mitte\""));
  EXPECT_TRUE(contains(message, "--ignore name"));
}

TEST(CountTableReader, SuggestionQuotesColumnNamesWithSpaces) {
  EXPECT_TRUE(contains(error_of("id,district name,a,b\n1,Mitte,1,2\n"), "--ignore 'district name'"));
}

TEST(CountTableReader, ThousandsSeparatorsAreNamedAsSuch) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,\"1,234\",2\n"), "without thousands separators"));
}

TEST(CountTableReader, NegativeCountIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1,2\n2,-3,2\n"), "counts.csv:3: column \"a\": a non-negative number of residents, got \"-3\""));
}

TEST(CountTableReader, FractionalCountIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1,2.5\n"), "counts.csv:2: column \"b\": a whole number of residents, got \"2.5\""));
}

TEST(CountTableReader, NonFiniteCountsAreRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1,inf\n"), "column \"b\": a finite whole number of residents, got \"inf\""));
  EXPECT_TRUE(contains(error_of("id,a,b\n1,nan,1\n"), "column \"a\": a finite whole number of residents, got \"nan\""));
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1e400,1\n"), "column \"a\": at most 10^9 residents in one unit"));
}

TEST(CountTableReader, HugeCountIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,2000000000,1\n"), "at most 10^9 residents in one unit, got \"2000000000\""));
}

TEST(CountTableReader, EmptyCountIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,,1\n"), "counts.csv:2: column \"a\": a whole number of residents, got an empty field"));
}

TEST(CountTableReader, EmptyGroupIsRefused) {
  const std::string message = error_of("id,a,b,c\n1,1,0,2\n2,3,0,0\n");
  EXPECT_TRUE(contains(message, "counts.csv:1: column \"b\": a group with residents in at least one unit"));
  EXPECT_TRUE(contains(message, "--ignore b"));
}

TEST(CountTableReader, TotalColumnIsRefused) {
  const std::string message = error_of("id,a,b,total\n1,1,2,3\n2,4,0,4\n");
  EXPECT_TRUE(contains(message, "column \"total\": a group of residents, but on every row it equals the sum"));
  EXPECT_TRUE(contains(message, "--ignore total"));
}

TEST(CountTableReader, TwoEqualGroupsAreNotMistakenForATotal) {
  EXPECT_NO_THROW(parse_count_table("id,a,b\n1,3,3\n2,4,4\n", file));
}

TEST(CountTableReader, FewerThanTwoGroupsIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a\n1,5\n"), "counts.csv:1: at least two group columns besides the id column \"id\""));
  EXPECT_TRUE(contains(error_of("id,name,a\n1,x,5\n", ignoring({"name"})), "found 1: \"a\""));
}

TEST(CountTableReader, TooManyGroupsIsRefusedBeforeReadingRows) {
  CountTableOptions options;
  options.limits.max_group_count = 3;
  EXPECT_TRUE(contains(error_of("id,a,b,c,d\n1,x,y,z,w\n", options), "counts.csv:1: at most 3 group columns, got 4"));
}

TEST(CountTableReader, TooManyUnitsIsRefused) {
  CountTableOptions options;
  options.limits.max_unit_count = 2;
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1,1\n2,1,1\n3,1,1\n", options), "at most 2 unit rows, got 3"));
}

TEST(CountTableReader, HeaderOnlyIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n\n"), "counts.csv:1: at least one unit row after the header"));
}

TEST(CountTableReader, EmptyTextIsRefused) {
  EXPECT_TRUE(contains(error_of(""), "counts.csv: a header row and at least one unit row; the file is empty"));
}

TEST(CountTableReader, DuplicateUnitIdIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n07,1,1\n08,1,1\n07,2,2\n"),
                       "counts.csv:4: column \"id\": a unique unit id; \"07\" is already on line 2"));
}

TEST(CountTableReader, EmptyUnitIdIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n ,1,1\n"), "counts.csv:2: column \"id\": a unit id"));
}

TEST(CountTableReader, WrongNumberOfFieldsIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1,1\n2,1\n"), "counts.csv:3: 3 fields as in the header, got 2"));
  EXPECT_TRUE(contains(error_of("id,a,b\n1,1,1,\n"), "counts.csv:2: 3 fields as in the header, got 4"));
}

TEST(CountTableReader, DuplicateColumnNameIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,a\n1,1,1\n"), "counts.csv:1: column \"a\": each column name only once"));
}

TEST(CountTableReader, UnnamedGroupColumnIsRefused) {
  EXPECT_TRUE(contains(error_of("id,a,\n1,1,1\n"), "counts.csv:1: column 3: a name in the header for every group column"));
}

TEST(CountTableReader, UnnamedIdColumnIsFine) {
  // As written by data-frame libraries that export their row index without a name.
  EXPECT_EQ(parse_count_table(",a,b\n0,1,2\n1,2,1\n", file).unit_ids, (std::vector<std::string>{"0", "1"}));
}

TEST_F(CountTableFile, EmptyFileIsRefused) {
  const std::string path = write("empty.csv", "");
  try {
    read_count_table(path);
    FAIL() << "an empty file was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), path);
    EXPECT_TRUE(contains(error.what(), "the file is empty"));
  }
}

TEST_F(CountTableFile, OversizedFileIsRefusedBeforeReading) {
  const std::string path = write("big.csv", "id,a,b\n1,1,1\n2,1,2\n");
  CountTableOptions options;
  options.limits.max_file_bytes = 10;
  try {
    read_count_table(path, options);
    FAIL() << "a file over the size limit was accepted";
  } catch (const InputError& error) {
    EXPECT_TRUE(contains(error.what(), "a table of at most 10 bytes, got 19 bytes"));
  }
}

TEST_F(CountTableFile, MissingFileIsNamed) {
  const std::string path = (directory_ / "missing.csv").string();
  try {
    read_count_table(path);
    FAIL() << "a missing file was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), path);
    EXPECT_TRUE(contains(error.what(), "cannot open the file"));
  }
}

TEST_F(CountTableFile, ReadsAGoodFile) {
  const std::string path = write("good.csv", "\xEF\xBB\xBFunit,x,y\nA,1,0\nB,0,2\n");
  const CountTable table = read_count_table(path);
  EXPECT_EQ(table.group_names, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(table.group_totals, (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace convivia
