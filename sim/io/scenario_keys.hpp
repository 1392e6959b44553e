// The table of scenario keys: for every key its dotted name, type, allowed range, meaning, where
// its default comes from, and how to read and write it in a ScenarioConfig. The parser validates
// against it, suggestions for misspelt keys come from it, the resolved scenario is printed from it
// and docs/scenario-reference.md is generated from it, so nothing is written twice.
// Defaults are not stored here: they are read from a default-constructed ScenarioConfig.
#pragma once

#include "world/scenario_config.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace convivia::scenario_schema {

inline constexpr std::array<std::string_view, 7> weekday_names = {"monday", "tuesday", "wednesday", "thursday",
                                                                   "friday", "saturday", "sunday"};
inline constexpr std::array<std::string_view, 3> slot_names = {"daytime", "leisure", "evening"};

enum class KeyType {
  text,       // string; may be required non-empty
  path,       // string naming a data file, resolved against the scenario's directory
  integer,    // TOML integer in [int_min, int_max]
  real,       // TOML float or integer, finite, within the bounds
  boolean,
  choice,     // one string out of names
  colour,     // "#rrggbb"
  name_list,  // array of distinct strings out of names, stored as a bit mask
};

// Values as they appear in TOML: strings for choices, name arrays for masks.
using KeyValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

struct Bounds {
  double min = 0.0;
  double max = 0.0;
  bool min_open = false;
  bool max_open = false;
  bool has_max = true;
};

template <class Target>
struct KeySpec {
  std::string key;  // dotted key; for group keys, the key inside one [[groups]] entry
  KeyType type = KeyType::text;
  Bounds bounds;                      // real
  std::int64_t int_min = 0;           // integer
  std::int64_t int_max = 0;
  bool non_empty = false;             // text
  std::vector<std::string_view> names;  // choice, name_list
  std::string meaning;
  std::string origin;  // where the default comes from, in a few words
  std::function<KeyValue(const Target&)> get;
  std::function<void(Target&, const KeyValue&)> set;
};

using ScenarioKey = KeySpec<ScenarioConfig>;
using GroupKey = KeySpec<GroupConfig>;
using EventKey = KeySpec<EventConfig>;
using PolicyKey = KeySpec<PolicyConfig>;

// All keys outside [[groups]], in the order of the reference and the resolved scenario.
const std::vector<ScenarioKey>& scenario_keys();
// Keys of one [[groups]] entry.
const std::vector<GroupKey>& group_keys();
// Keys of one [[events]] entry.
const std::vector<EventKey>& event_keys();
// Keys of one [[policies]] entry; `kind` allows the modelled kinds (policy/policy_kinds.hpp).
const std::vector<PolicyKey>& policy_keys();
// Names of the event kinds, in EventKind order.
inline constexpr std::array<std::string_view, 2> event_kind_names = {"negative_media", "positive_media"};
// Dotted names of the tables that hold keys ("run", "city", "city.synthetic", "venues.school", ...).
const std::vector<std::string>& scenario_sections();

// "a number in (0, 1]", "an integer in [1, 36500]", "one of \"synthetic\", \"import\"", ...
template <class Target>
std::string expected_text(const KeySpec<Target>& spec);
// A value as a TOML literal; numbers in their shortest form that reads back to the same value.
std::string toml_literal(const KeyValue& value);
// Shortest decimal text of a double that reads back to the same double (finite values).
std::string shortest_number(double value);

// The generated part of docs/scenario-reference.md: one table per section, venue defaults per kind.
std::string reference_tables_markdown();

}  // namespace convivia::scenario_schema
