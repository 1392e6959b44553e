// Tests of reading ICC Index profiles (io/icc_profile_reader): a valid table with and without the
// annual_cost column, each kind of bad input (naming the file, line and column), and the scenario key
// policy_import.icc_profile (relative path, order before [[policies]], the resolved scenario).
#include "io/icc_profile_reader.hpp"
#include "io/input_error.hpp"
#include "io/scenario_parser.hpp"
#include "policy/policy_kinds.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

namespace convivia {
namespace {

namespace fs = std::filesystem;

std::optional<InputError> error_of(const std::string& text) {
  try {
    parse_icc_profile(text, "profile.csv");
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

// The error names profile.csv, the line and the column, and its message contains `expected`.
void expect_error(const std::string& text, int line, const std::string& column, const std::string& expected) {
  const std::optional<InputError> error = error_of(text);
  ASSERT_TRUE(error.has_value()) << "no error for:\n" << text;
  EXPECT_EQ(error->file(), "profile.csv");
  EXPECT_EQ(error->line(), line);
  EXPECT_EQ(error->key(), column);
  EXPECT_NE(std::string(error->what()).find(expected), std::string::npos) << error->what();
}

TEST(IccProfileReader, ReadsAreasScoresAndOptionalCosts) {
  const std::vector<IccAreaScore> rows =
      parse_icc_profile("Area,Score,annual_cost\nlanguage,62.5,900000\n\"Public space\", 40 ,\n", "profile.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].area, IccArea::language);
  EXPECT_EQ(rows[0].score, 62.5);
  EXPECT_EQ(rows[0].annual_cost_eur, 900000.0);
  EXPECT_EQ(rows[1].area, IccArea::public_space);
  EXPECT_EQ(rows[1].score, 40.0);
  EXPECT_FALSE(rows[1].annual_cost_eur.has_value());
}

TEST(IccProfileReader, ColumnsMayComeInAnyOrderAndCostIsOptional) {
  const std::vector<IccAreaScore> rows = parse_icc_profile("score,area\n55,Education\n", "profile.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].area, IccArea::education);
  EXPECT_EQ(rows[0].score, 55.0);
  EXPECT_FALSE(rows[0].annual_cost_eur.has_value());
}

TEST(IccProfileReader, EmptyFile) { expect_error("", 0, "", "the file is empty"); }

TEST(IccProfileReader, HeaderWithoutRows) { expect_error("area,score\n", 1, "", "at least one area row"); }

TEST(IccProfileReader, MissingColumn) { expect_error("area,annual_cost\nLanguage,5\n", 1, "score", "this column is missing"); }

TEST(IccProfileReader, UnknownColumn) { expect_error("area,score,year\nLanguage,50,2020\n", 1, "column 3", "\"year\""); }

TEST(IccProfileReader, RepeatedColumn) { expect_error("area,score,Score\nLanguage,50,60\n", 1, "score", "only once"); }

TEST(IccProfileReader, UnknownArea) {
  expect_error("area,score\nLanguage,50\nHousing,40\n", 3, "area", "an area of the ICC Index");
  expect_error("area,score\nLanguage,50\nHousing,40\n", 3, "area", "\"Housing\"");
}

TEST(IccProfileReader, DuplicateAreaNamesTheFirstLine) {
  expect_error("area,score\nLanguage,50\nInteraction,40\nLANGUAGE,60\n", 4, "area", "also on line 2");
}

TEST(IccProfileReader, ScoreOutsideZeroToHundred) {
  expect_error("area,score\nLanguage,100.5\n", 2, "score", "a number from 0 to 100, got \"100.5\"");
  expect_error("area,score\nLanguage,-1\n", 2, "score", "a number from 0 to 100");
}

TEST(IccProfileReader, ScoreNotANumber) {
  expect_error("area,score\nLanguage,high\n", 2, "score", "a number from 0 to 100, got \"high\"");
  expect_error("area,score\nLanguage,\n", 2, "score", "a number from 0 to 100");
  expect_error("area,score\nLanguage,50%\n", 2, "score", "a number from 0 to 100");
  expect_error("area,score\nLanguage,nan\n", 2, "score", "a number from 0 to 100");
}

TEST(IccProfileReader, BadAnnualCost) {
  expect_error("area,score,annual_cost\nLanguage,50,-5\n", 2, "annual_cost", "0 or more");
  expect_error("area,score,annual_cost\nLanguage,50,1.2.3\n", 2, "annual_cost", "0 or more");
}

TEST(IccProfileReader, WrongNumberOfFields) { expect_error("area,score\nLanguage,50,7\n", 2, "", "2 fields"); }

TEST(IccProfileReader, MissingFileIsAnInputError) {
  EXPECT_THROW(read_icc_profile((fs::temp_directory_path() / "convivia_no_such_profile.csv").string()), InputError);
}

// The scenario key, with files in a fresh directory.
class IccProfileKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("convivia_icc_" + std::string(info->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_ / "profiles");
  }
  void TearDown() override { fs::remove_all(directory_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(directory_ / name) << text; }
  ScenarioConfig parse(const std::string& text) {
    return parse_scenario_text(text, "scenario.toml", {}, directory_.string());
  }
  fs::path directory_;
};

const std::string town = "[[groups]]\nname = \"locals\"\nshare = 1.0\n";

TEST_F(IccProfileKeyTest, ProfilePoliciesComeBeforeTheFilesPolicies) {
  write("profiles/p.csv", "area,score,annual_cost\nMediation and conflict resolution,30,1000\n");
  const ScenarioConfig config = parse(town + "[policy_import]\nicc_profile = \"profiles/p.csv\"\n" +
                                      "[[policies]]\nkind = \"commitment\"\nintensity = 1.0\nstart_day = 5\nannual_cost = 0\n");
  ASSERT_EQ(config.policies.size(), 2u);
  EXPECT_EQ(config.policies[0].kind, PolicyKind::intercultural_mediators);
  EXPECT_FLOAT_EQ(config.policies[0].intensity, 0.3f);
  EXPECT_EQ(config.policies[0].annual_cost_eur, 1000.0);
  EXPECT_EQ(config.policies[0].name, "ICC profile: Mediation and conflict resolution");
  EXPECT_EQ(config.policies[1].kind, PolicyKind::commitment);
  EXPECT_EQ(config.policies[1].start_day, 5);
}

TEST_F(IccProfileKeyTest, ResolvedScenarioListsTheImportedPoliciesAndReadsBackTheSame) {
  write("p.csv", "area,score\nInteraction,60\n");
  const ScenarioConfig config = parse(town + "[policy_import]\nicc_profile = \"p.csv\"\n");
  EXPECT_TRUE(config.policy_import.icc_profile.empty());
  const std::string resolved = resolved_scenario_toml(config);
  EXPECT_NE(resolved.find("[[policies]]\nkind = \"mixing_events\"\nintensity = 0.6\n"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("name = \"ICC profile: Interaction\""), std::string::npos) << resolved;
  const ScenarioConfig again = parse(resolved);
  EXPECT_EQ(again.policies.size(), 1u);
  EXPECT_EQ(resolved_scenario_toml(again), resolved);
}

TEST_F(IccProfileKeyTest, MissingProfileFileNamesTheKeyAndLine) {
  try {
    parse(town + "[policy_import]\nicc_profile = \"nowhere.csv\"\n");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "scenario.toml");
    EXPECT_EQ(error.line(), 5);
    EXPECT_EQ(error.key(), "policy_import.icc_profile");
    EXPECT_NE(std::string(error.what()).find("nowhere.csv"), std::string::npos);
  }
}

TEST_F(IccProfileKeyTest, ErrorInTheProfileNamesTheProfileFile) {
  write("p.csv", "area,score\nInteraction,160\n");
  try {
    parse(town + "[policy_import]\nicc_profile = \"p.csv\"\n");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(fs::path(error.file()).filename(), "p.csv");
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.key(), "score");
  }
}

}  // namespace
}  // namespace convivia
