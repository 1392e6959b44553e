// Helpers for the sweep tests: a sweep file from text (relative paths start at the project's
// scenarios/tests directory, so `base = "tiny.toml"` names the tiny test city), and its error.
#pragma once

#include "analysis/sweep_file.hpp"
#include "io/input_error.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace convivia::sweep::testing {

inline std::string tests_directory() { return convivia::testing::source_dir() + "/scenarios/tests"; }

inline SweepFile sweep_from(const std::string& text) { return parse_sweep_text(text, "sweep.toml", tests_directory()); }

// The tiny city, one outcome, and the given design and factors.
inline std::string tiny_sweep(const std::string& body, int seed = 7) {
  return "base = \"tiny.toml\"\nseed = " + std::to_string(seed) + "\n" + body +
         "\n[[outcomes]]\nname = \"trust\"\nseries = \"daily/mean_outgroup_trust\"\n";
}

template <class Action>
std::optional<InputError> error_of(Action action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

// The sweep text is refused with an error at line `line` naming `key`, whose message contains `expected`.
inline void expect_sweep_error(const std::string& text, int line, const std::string& key, const std::string& expected) {
  const std::optional<InputError> error = error_of([&] { sweep_from(text); });
  ASSERT_TRUE(error.has_value()) << "no error for:\n" << text;
  EXPECT_EQ(error->file(), "sweep.toml");
  EXPECT_EQ(error->line(), line) << error->what();
  EXPECT_EQ(error->key(), key) << error->what();
  EXPECT_NE(std::string(error->what()).find(expected), std::string::npos) << error->what();
}

}  // namespace convivia::sweep::testing
