// Tests of scenario inheritance (`base = "..."`): the file's values override its base's, tables merge
// key by key, arrays such as [[policies]] are replaced wholesale, data paths in a base stay relative to
// the base, errors in a base name that file and line, and cycles or missing bases are refused.
#include "io/input_error.hpp"
#include "io/scenario_parser.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

namespace convivia {
namespace {

namespace fs = std::filesystem;

const std::string base_text =
    "name = \"base\"\n"
    "[run]\n"
    "days = 100\n"
    "seed = 5\n"
    "[[groups]]\n"
    "name = \"locals\"\n"
    "share = 1.0\n"
    "[[policies]]\n"
    "kind = \"intercultural_mediators\"\n"
    "intensity = 1.0\n"
    "start_day = 0\n"
    "annual_cost = 100.0\n"
    "[[policies]]\n"
    "kind = \"language_courses\"\n"
    "intensity = 0.5\n"
    "start_day = 10\n"
    "annual_cost = 200.0\n";

// A fresh directory for the files of one test, removed afterwards.
class ScenarioInheritance : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("convivia_inheritance_" + std::string(info->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_ / "library");
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = directory_ / name;
    std::ofstream(path) << text;
    return path.string();
  }
  std::optional<InputError> error_of(const std::string& path) {
    try {
      load_scenario_file(path);
    } catch (const InputError& error) {
      return error;
    }
    return std::nullopt;
  }
  fs::path directory_;
};

TEST_F(ScenarioInheritance, FileValueOverridesBaseAndTablesMergeKeyByKey) {
  write("base.toml", base_text);
  const ScenarioConfig config = load_scenario_file(write("library/child.toml", "base = \"../base.toml\"\n[run]\ndays = 7\n")).config;
  EXPECT_EQ(config.run.days, 7);
  EXPECT_EQ(config.run.seed, 5u);
  EXPECT_EQ(config.name, "base");
  ASSERT_EQ(config.groups.size(), 1u);
  EXPECT_EQ(config.groups[0].name, "locals");
}

TEST_F(ScenarioInheritance, PoliciesOfTheFileReplaceTheBaseList) {
  write("base.toml", base_text);
  const ScenarioConfig config = load_scenario_file(write("library/child.toml",
                                                         "base = \"../base.toml\"\n"
                                                         "[[policies]]\n"
                                                         "kind = \"welcome_programme\"\n"
                                                         "intensity = 0.25\n"
                                                         "start_day = 3\n"
                                                         "annual_cost = 50.0\n"))
                                    .config;
  ASSERT_EQ(config.policies.size(), 1u);
  EXPECT_DOUBLE_EQ(config.policies[0].intensity, 0.25);
  EXPECT_EQ(config.policies[0].start_day, 3);
}

TEST_F(ScenarioInheritance, BaseOfABaseIsReadFirst) {
  write("grand.toml", base_text);
  write("library/middle.toml", "base = \"../grand.toml\"\n[run]\nseed = 9\n");
  const ScenarioConfig config = load_scenario_file(write("library/child.toml", "base = \"middle.toml\"\n[run]\ndays = 7\n")).config;
  EXPECT_EQ(config.run.days, 7);
  EXPECT_EQ(config.run.seed, 9u);
}

TEST_F(ScenarioInheritance, DataPathInBaseIsRelativeToTheBase) {
  write("base.toml", base_text + "[city.import]\ndistrict_table = \"data/districts.csv\"\n");
  const ScenarioConfig config = load_scenario_file(write("library/child.toml", "base = \"../base.toml\"\n")).config;
  EXPECT_EQ(fs::path(config.city.imported.district_table), (fs::absolute(directory_) / "data/districts.csv").lexically_normal());
}

TEST_F(ScenarioInheritance, DataPathInFileIsRelativeToTheFile) {
  write("base.toml", base_text + "[city.import]\ndistrict_table = \"data/districts.csv\"\n");
  const ScenarioConfig config =
      load_scenario_file(write("library/child.toml", "base = \"../base.toml\"\n[city.import]\ndistrict_table = \"mine.csv\"\n")).config;
  EXPECT_EQ(fs::path(config.city.imported.district_table), (fs::absolute(directory_) / "library/mine.csv").lexically_normal());
}

TEST_F(ScenarioInheritance, ErrorInBaseNamesTheBaseFileAndLine) {
  const std::string base = write("base.toml", "[run]\nseed = 5\ndays = -3\n[[groups]]\nname = \"locals\"\n");
  const std::optional<InputError> error = error_of(write("library/child.toml", "base = \"../base.toml\"\n"));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(fs::path(error->file()), fs::path(base).lexically_normal());
  EXPECT_EQ(error->line(), 3);
  EXPECT_EQ(error->key(), "run.days");
}

TEST_F(ScenarioInheritance, SyntaxErrorInBaseNamesTheBaseFileAndLine) {
  const std::string base = write("base.toml", "[run]\nseed = 5\ndays = = 3\n");
  const std::optional<InputError> error = error_of(write("library/child.toml", "base = \"../base.toml\"\n"));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(fs::path(error->file()), fs::path(base).lexically_normal());
  EXPECT_EQ(error->line(), 3);
}

TEST_F(ScenarioInheritance, CycleIsAnError) {
  write("library/a.toml", "base = \"b.toml\"\n");
  const std::string b = write("library/b.toml", "\n\nbase = \"a.toml\"\n");
  const std::optional<InputError> error = error_of((directory_ / "library/a.toml").string());
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(fs::path(error->file()), fs::path(b));
  EXPECT_EQ(error->line(), 3);
  EXPECT_EQ(error->key(), "base");
  EXPECT_NE(std::string(error->what()).find("cycle"), std::string::npos) << error->what();
}

TEST_F(ScenarioInheritance, MissingBaseNamesTheFileLineAndKey) {
  const std::string child = write("library/child.toml", "name = \"x\"\nbase = \"../nowhere.toml\"\n");
  const std::optional<InputError> error = error_of(child);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->file(), child);
  EXPECT_EQ(error->line(), 2);
  EXPECT_EQ(error->key(), "base");
  EXPECT_NE(std::string(error->what()).find("nowhere.toml"), std::string::npos) << error->what();
}

TEST_F(ScenarioInheritance, OverridesApplyAfterTheFileAndItsBase) {
  write("base.toml", base_text);
  const ScenarioConfig config =
      load_scenario_file(write("library/child.toml", "base = \"../base.toml\"\n[run]\ndays = 7\n"), {"run.days=3"}).config;
  EXPECT_EQ(config.run.days, 3);
}

TEST_F(ScenarioInheritance, RecordedTextIsTheMergedScenario) {
  write("base.toml", base_text);
  const ScenarioFile file = load_scenario_file(write("library/child.toml", "base = \"../base.toml\"\nname = \"child\"\n"));
  const ScenarioConfig reread = parse_scenario_text(file.text, "recorded.toml", {}, directory_.string());
  EXPECT_EQ(reread.name, "child");
  EXPECT_EQ(reread.run.days, 100);
  EXPECT_EQ(reread.policies.size(), 2u);
}

}  // namespace
}  // namespace convivia
