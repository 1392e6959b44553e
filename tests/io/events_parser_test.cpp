// Tests of the [[events]] entries of a scenario: valid entries are read, bad ones name the file,
// line and key and say what was expected, and the resolved scenario reads back the same.
#include "io/input_error.hpp"
#include "io/scenario_parser.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace convivia {
namespace {

const std::string two_groups = "[[groups]]\nname = \"locals\"\nshare = 0.7\n[[groups]]\nname = \"newcomers\"\nshare = 0.3\n";

ScenarioConfig parse(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return parse_scenario_text(text, "events.toml", overrides, ".");
}

InputError error_of(const std::string& text, const std::vector<std::string>& overrides = {}) {
  try {
    parse(text, overrides);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return InputError("", 0, "", "");
}

void expect_error(const std::string& text, int line, const std::string& key, const std::string& expected) {
  const InputError error = error_of(text);
  EXPECT_EQ(error.file(), "events.toml");
  EXPECT_EQ(error.line(), line) << error.what();
  EXPECT_EQ(error.key(), key) << error.what();
  EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
}

TEST(EventsParser, ReadsEntriesInOrder) {
  const ScenarioConfig config = parse(two_groups +
                                      "[[events]]\nday = 10\nkind = \"negative_media\"\ngroup = \"newcomers\"\nstrength = 0.3\n"
                                      "[[events]]\nday = 40\nkind = \"positive_media\"\ngroup = \"locals\"\nstrength = 0.1\n");
  ASSERT_EQ(config.events.size(), 2u);
  EXPECT_EQ(config.events[0].day, 10);
  EXPECT_EQ(config.events[0].kind, EventKind::negative_media);
  EXPECT_EQ(config.events[0].group, "newcomers");
  EXPECT_FLOAT_EQ(config.events[0].strength, 0.3f);
  EXPECT_EQ(config.events[1].kind, EventKind::positive_media);
  EXPECT_EQ(config.events[1].group, "locals");
}

TEST(EventsParser, KindDefaultsToNegativeMedia) {
  const ScenarioConfig config = parse(two_groups + "[[events]]\nday = 3\ngroup = \"locals\"\nstrength = 0.5\n");
  ASSERT_EQ(config.events.size(), 1u);
  EXPECT_EQ(config.events[0].kind, EventKind::negative_media);
}

TEST(EventsParser, UnknownGroupNamesTheGroupsThatExist) {
  expect_error(two_groups + "[[events]]\nday = 10\ngroup = \"newcomer\"\nstrength = 0.3\n", 9, "events[0].group",
               "expected the name of a group (\"locals\", \"newcomers\"), got \"newcomer\"");
}

TEST(EventsParser, StrengthOutOfRange) {
  expect_error(two_groups + "[[events]]\nday = 10\ngroup = \"locals\"\nstrength = 1.5\n", 10, "events[0].strength",
               "expected a number in [0, 1], got 1.5");
}

TEST(EventsParser, NegativeDay) {
  expect_error(two_groups + "[[events]]\nday = -1\ngroup = \"locals\"\nstrength = 0.5\n", 8, "events[0].day",
               "expected an integer in [0, 36500], got -1");
}

TEST(EventsParser, UnknownKind) {
  expect_error(two_groups + "[[events]]\nday = 1\nkind = \"rumour\"\ngroup = \"locals\"\nstrength = 0.5\n", 9,
               "events[0].kind", "one of \"negative_media\", \"positive_media\"");
}

TEST(EventsParser, MissingKeyIsNamed) {
  expect_error(two_groups + "[[events]]\nday = 1\ngroup = \"locals\"\n", 7, "events[0].strength", "but the key is missing");
}

TEST(EventsParser, MisspeltKeyGetsASuggestion) {
  expect_error(two_groups + "[[events]]\nday = 1\ngroup = \"locals\"\nstrenght = 0.2\n", 10, "events[0].strenght",
               "did you mean 'events[0].strength'?");
}

TEST(EventsParser, EventsMustBeAnArrayOfTables) {
  expect_error("events = 3\n" + two_groups, 1, "events", "expected an array of tables ([[events]]), got an integer");
}

TEST(EventsParser, OverrideReplacesTheWholeArray) {
  const ScenarioConfig config =
      parse(two_groups + "[[events]]\nday = 1\ngroup = \"locals\"\nstrength = 0.5\n", {"events=[]"});
  EXPECT_TRUE(config.events.empty());
  const InputError error = error_of(two_groups, {"events[0].day=3"});
  EXPECT_EQ(error.key(), "events[0].day");
}

TEST(EventsParser, ResolvedScenarioReadsBackTheSame) {
  const ScenarioConfig config =
      parse(two_groups + "[[events]]\nday = 12\nkind = \"positive_media\"\ngroup = \"newcomers\"\nstrength = 0.25\n");
  const std::string resolved = resolved_scenario_toml(config);
  EXPECT_NE(resolved.find("[[events]]\nday = 12\nkind = \"positive_media\"\ngroup = \"newcomers\"\nstrength = 0.25\n"),
            std::string::npos)
      << resolved;
  EXPECT_EQ(resolved_scenario_toml(parse(resolved)), resolved);
}

}  // namespace
}  // namespace convivia
