// Scenario parsing and validation: TOML text (plus --set overrides) into a ScenarioConfig, and the
// resolved scenario back as TOML. Each value is checked against the key table (scenario_keys.hpp)
// as it is read; checks that span several keys (grid size, groups, imported data files) run once
// after the overrides. Nothing is allocated from a value before it has passed its range check.
#include "io/scenario_parser.hpp"

#include "io/csv_reader.hpp"
#include "io/icc_profile_reader.hpp"
#include "io/input_error.hpp"
#include "io/scenario_inheritance.hpp"
#include "io/scenario_keys.hpp"
#include "io/toml_node_type.hpp"
#include "io/world_limits.hpp"
#include "policy/policy_kinds.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace convivia {
namespace {

using namespace scenario_schema;
namespace fs = std::filesystem;

// Where a value was given: file and line, or "--set" and line 0 for overrides.
struct Where {
  std::string file;
  int line = 0;
};

struct Origin {
  std::string file;
  bool has_lines = true;
  std::string directory;  // of the file (empty for --set): relative data paths given there start here
  Where at(const toml::source_region& region) const {
    return Where{file, has_lines ? static_cast<int>(region.begin.line) : 0};
  }
};

[[noreturn]] void fail(const Where& where, const std::string& key, const std::string& message) {
  throw InputError(where.file, where.line, key, message);
}

std::string type_of(const toml::node& node) { return toml_node_type(node); }

// Optimal string alignment distance: Levenshtein plus transposition of neighbours ("scael").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

bool close_enough(std::string_view typed, std::size_t distance) {
  return distance <= std::max<std::size_t>(2, typed.size() / 3);
}

// The hint for an unknown key in an entry of an array of tables ([[groups]], [[events]], ...): the
// closest known key if it is close, else the list of known keys.
template <typename Keys>
std::string unknown_entry_key_hint(std::string_view typed, const Keys& keys, const std::string& entry, std::string_view table) {
  std::string best, known;
  std::size_t best_distance = std::string::npos;
  for (const auto& k : keys) {
    const std::size_t distance = edit_distance(typed, k.key);
    if (distance < best_distance) best_distance = distance, best = k.key;
    known += (known.empty() ? "" : ", ") + std::string(k.key);
  }
  if (close_enough(typed, best_distance)) return "did you mean '" + entry + "." + best + "'?";
  return "known keys in [[" + std::string(table) + "]]: " + known;
}

std::pair<std::string, std::string> split_last(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  if (dot == std::string::npos) return {"", key};
  return {key.substr(0, dot), key.substr(dot + 1)};
}

std::string join(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : parent + "." + child;
}

// The arrays of tables of a scenario: [[groups]], [[events]], [[policies]].
bool is_array_of_tables(std::string_view key) { return key == "groups" || key == "events" || key == "policies"; }

// One key of one entry of an array of tables, as --set addresses it: "policies[2].intensity".
struct EntryKey {
  std::string array;
  std::size_t index = 0;
  std::string field;
};

std::optional<EntryKey> entry_key(const std::string& key) {
  const std::size_t open = key.find('[');
  const std::size_t close = key.find("].");
  if (open == std::string::npos || close == std::string::npos || close <= open + 1) return std::nullopt;
  const std::string digits = key.substr(open + 1, close - open - 1);
  const std::string field = key.substr(close + 2);
  if (!is_array_of_tables(key.substr(0, open)) || digits.size() > 6 || field.empty() || field.find_first_of(".[]") != std::string::npos ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return EntryKey{key.substr(0, open), static_cast<std::size_t>(std::stoul(digits)), field};
}

// How to set a whole array of tables with --set, and how to set one key of one entry.
std::string whole_array_example(std::string_view array) {
  if (array == "groups") return "groups=[{name=\"a\", share=1}]";
  if (array == "events") return "events=[{day=10, kind=\"negative_media\", group=\"a\", strength=0.2}]";
  return "policies=[{kind=\"intercultural_mediators\", intensity=1, start_day=0, annual_cost=0}]";
}

std::string entry_override_example(std::string_view array) {
  const char* entry = array == "groups" ? "groups[0].share=0.5" : array == "events" ? "events[0].strength=0.2" : "policies[0].intensity=0.5";
  return std::string(entry) + " (entries count from 0), or the whole array, e.g. " + whole_array_example(array);
}

// The names the parser knows, indexed for look-up and suggestions.
struct KeyIndex {
  std::map<std::string, const ScenarioKey*, std::less<>> leaves;
  std::set<std::string, std::less<>> sections;
  std::map<std::string, std::vector<std::string>> children;  // parent -> child names, in table order

  KeyIndex() {
    auto add_child = [this](const std::string& full) {
      auto [parent, child] = split_last(full);
      auto& list = children[parent];
      if (std::find(list.begin(), list.end(), child) == list.end()) list.push_back(child);
    };
    for (const ScenarioKey& spec : scenario_keys()) {
      leaves.emplace(spec.key, &spec);
      add_child(spec.key);
    }
    for (const std::string& section : scenario_sections()) {
      sections.insert(section);
      add_child(section);
    }
    add_child("groups");
    add_child("events");
    add_child("policies");
  }

  bool known_parent(const std::string& parent) const { return parent.empty() || sections.count(parent) > 0; }

  // "did you mean 'city.scale'?", or the keys that are allowed at that place.
  std::string suggestion(const std::string& key) const {
    auto [parent, leaf] = split_last(key);
    if (known_parent(parent)) {
      const auto it = children.find(parent);
      if (it != children.end()) {
        std::string best;
        std::size_t best_distance = std::string::npos;
        for (const std::string& child : it->second) {
          const std::size_t distance = edit_distance(leaf, child);
          if (distance < best_distance) best_distance = distance, best = child;
        }
        if (close_enough(leaf, best_distance)) return "did you mean '" + join(parent, best) + "'?";
      }
    }
    // A misspelt section on the command line ("citty.scale"): compare whole dotted keys.
    if (!known_parent(parent)) {
      std::string best;
      std::size_t best_distance = std::string::npos;
      auto consider = [&](const std::string& name) {
        const std::size_t distance = edit_distance(key, name);
        if (distance < best_distance) best_distance = distance, best = name;
      };
      for (const auto& [name, spec] : leaves) consider(name);
      for (const std::string& name : sections) consider(name);
      if (close_enough(key, best_distance)) return "did you mean '" + best + "'?";
    }
    // A key put in the wrong section.
    for (const auto& [name, spec] : leaves) {
      if (split_last(name).second == leaf) return "did you mean '" + name + "'?";
    }
    if (known_parent(parent)) {
      std::string list;
      for (const std::string& child : children.at(parent)) list += (list.empty() ? "" : ", ") + child;
      return "known keys " + (parent.empty() ? std::string("at the top level") : "in [" + parent + "]") + ": " + list;
    }
    return "see docs/scenario-reference.md for the known keys";
  }
};

const KeyIndex& key_index() {
  static const KeyIndex index;
  return index;
}

bool is_colour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// One value checked against its key's type and range.
template <class Target>
KeyValue validated(const KeySpec<Target>& spec, const std::string& key, const toml::node& node, const Where& where) {
  const std::string expected = "expected " + expected_text(spec) + ", got ";
  switch (spec.type) {
    case KeyType::real: {
      double value = 0.0;
      if (const auto* integer = node.as_integer()) {
        value = static_cast<double>(integer->get());
      } else if (const auto* real = node.as_floating_point()) {
        value = real->get();
      } else {
        fail(where, key, expected + type_of(node));
      }
      const Bounds& b = spec.bounds;
      const bool below = b.min_open ? value <= b.min : value < b.min;
      const bool above = b.has_max && (b.max_open ? value >= b.max : value > b.max);
      if (!std::isfinite(value) || below || above) fail(where, key, expected + shortest_number(value));
      return value;
    }
    case KeyType::integer: {
      const auto* integer = node.as_integer();
      if (integer == nullptr) fail(where, key, expected + type_of(node));
      const std::int64_t value = integer->get();
      if (value < spec.int_min || value > spec.int_max) fail(where, key, expected + std::to_string(value));
      return value;
    }
    case KeyType::boolean: {
      const auto* boolean = node.as_boolean();
      if (boolean == nullptr) fail(where, key, expected + type_of(node));
      return boolean->get();
    }
    case KeyType::text:
    case KeyType::path:
    case KeyType::colour:
    case KeyType::choice: {
      const auto* string = node.as_string();
      if (string == nullptr) fail(where, key, expected + type_of(node));
      const std::string& value = string->get();
      if (spec.non_empty && value.empty()) fail(where, key, expected + "an empty string");
      if (spec.type == KeyType::colour && !is_colour(value)) fail(where, key, expected + toml_literal(value));
      if (spec.type == KeyType::choice &&
          std::find(spec.names.begin(), spec.names.end(), value) == spec.names.end()) {
        fail(where, key, expected + toml_literal(value));
      }
      return value;
    }
    case KeyType::name_list: {
      const auto* array = node.as_array();
      if (array == nullptr) fail(where, key, expected + type_of(node));
      std::vector<std::string> names;
      for (const toml::node& element : *array) {
        const auto* string = element.as_string();
        if (string == nullptr) fail(where, key, expected + "an array containing " + type_of(element));
        const std::string& name = string->get();
        if (std::find(spec.names.begin(), spec.names.end(), name) == spec.names.end()) {
          fail(where, key, expected + toml_literal(name));
        }
        if (std::find(names.begin(), names.end(), name) != names.end()) {
          fail(where, key, expected + toml_literal(name) + " twice");
        }
        names.push_back(name);
      }
      return names;
    }
  }
  fail(where, key, "unsupported key type");
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// Reads tables and overrides into one config, remembering where each key was set so that the
// checks across keys can point at the right line.
class ScenarioReader {
 public:
  ScenarioReader(std::string display_path, std::string base_directory)
      : display_path_(std::move(display_path)), base_directory_(std::move(base_directory)) {
    config_.source_path = base_directory_;
  }

  // One file of the chain of base files (scenario_inheritance.hpp), read over the ones before it.
  void read_file(const ScenarioLayer& layer) { read_table(layer.root, "", Origin{layer.display_path, true, layer.directory}); }

  void apply_override(const std::string& text) {
    const Origin origin{"--set", false, ""};
    const Where where{"--set", 0};
    const std::size_t equals = text.find('=');
    const std::string key = equals == std::string::npos ? "" : trim(std::string_view(text).substr(0, equals));
    if (key.empty()) fail(where, text, "expected key=value with a dotted key, e.g. city.scale=0.5");
    const KeyIndex& index = key_index();
    const std::optional<EntryKey> entry = entry_key(key);
    if (const std::string array = key.substr(0, key.find_first_of(".[")); !entry && array != key && is_array_of_tables(array)) {
      fail(where, key, "expected one key of one entry, e.g. " + entry_override_example(array));
    }
    if (index.sections.count(key) > 0) {
      fail(where, key, "is a table; set one of its keys, e.g. " + join(key, index.children.at(key).front()) + "=...");
    }
    if (!entry && !is_array_of_tables(key) && index.leaves.count(key) == 0) {
      fail(where, key, "unknown key; " + index.suggestion(key));
    }

    // The value in TOML syntax; anything that does not parse as one TOML value is a plain string.
    const std::string value_text = trim(std::string_view(text).substr(equals + 1));
    toml::table holder;
    try {
      const std::string document = "value = " + value_text;
      holder = toml::parse(std::string_view(document), std::string_view("--set"));
    } catch (const toml::parse_error&) {
      holder = toml::table{};
    }
    if (holder.size() != 1 || !holder.contains("value")) {
      holder = toml::table{};
      holder.insert("value", value_text);
    }
    if (entry) {
      apply_entry_override(*entry, *holder.get("value"), where, origin);
    } else {
      apply_key(key, *holder.get("value"), where, origin);
    }
  }

  // One key of one entry ("policies[0].intensity=0.5"): the entry's other keys stay as the file (or an
  // earlier override) gave them, and the whole array is read again with the usual checks.
  void apply_entry_override(const EntryKey& entry, const toml::node& value, const Where& where, const Origin& origin) {
    const std::string key = entry.array + "[" + std::to_string(entry.index) + "]." + entry.field;
    toml::array entries = arrays_read_[entry.array];
    if (entry.index >= entries.size()) {
      fail(where, key,
           entries.empty() ? "the scenario has no [[" + entry.array + "]] entries to change; set the whole array, e.g. " +
                                 whole_array_example(entry.array)
                           : "expected an entry index from 0 to " + std::to_string(entries.size() - 1) + ": the scenario has " +
                                 std::to_string(entries.size()) + " [[" + entry.array + "]] entries");
    }
    toml::table* table = entries.get(entry.index)->as_table();
    value.visit([&](const auto& node) { table->insert_or_assign(entry.field, node); });
    apply_key(entry.array, entries, where, origin);
  }

  ScenarioConfig finish() {
    check_population();
    check_groups();
    check_events();
    check_reference_model();
    check_world_size();
    resolve_data_paths();
    import_icc_profile();
    return std::move(config_);
  }

 private:
  void read_table(const toml::table& table, const std::string& prefix, const Origin& origin) {
    for (const auto& [name, node] : table) {
      const std::string key = join(prefix, std::string(name.str()));
      const Where where = origin.at(name.source());
      // Quoted keys with dots would otherwise alias dotted keys.
      if (name.str().empty() || name.str().find('.') != std::string_view::npos) {
        fail(where, key, "unknown key: a quoted key may not contain dots; write it as a dotted key or in its table");
      }
      apply_key(key, node, where, origin);
    }
  }

  void apply_key(const std::string& key, const toml::node& node, const Where& where, const Origin& origin) {
    const KeyIndex& index = key_index();
    if (key == "groups") {
      read_groups(node, where, origin);
    } else if (key == "events") {
      read_events(node, where, origin);
    } else if (key == "policies") {
      read_policies(node, where, origin);
    } else if (index.sections.count(key) > 0) {
      const auto* table = node.as_table();
      if (table == nullptr) fail(where, key, "expected a table, got " + type_of(node));
      read_table(*table, key, origin);
    } else if (const auto it = index.leaves.find(key); it != index.leaves.end()) {
      const ScenarioKey& spec = *it->second;
      spec.set(config_, validated(spec, key, node, where));
      set_at_[key] = where;
      if (spec.type == KeyType::path) path_directory_[key] = origin.directory;
    } else {
      const std::string what = split_last(key).first == "venues" ? "unknown venue kind; " : "unknown key; ";
      fail(where, key, what + index.suggestion(key));
    }
  }

  void read_groups(const toml::node& node, const Where& where, const Origin& origin) {
    const auto* array = node.as_array();
    if (array == nullptr) fail(where, "groups", "expected an array of tables ([[groups]]), got " + type_of(node));
    arrays_read_["groups"] = *array;
    // Count first: nothing is sized from an unchecked number.
    if (array->size() > static_cast<std::size_t>(max_group_count)) {
      fail(where, "groups",
           "expected at most " + std::to_string(max_group_count) + " groups, got " + std::to_string(array->size()));
    }
    std::vector<GroupConfig> groups(array->size());
    std::vector<Where> group_at(array->size(), where);
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::string entry = "groups[" + std::to_string(i) + "]";
      const toml::node& element = *array->get(i);
      const auto* table = element.as_table();
      if (table == nullptr) fail(where, entry, "expected a table, got " + type_of(element));
      if (origin.has_lines && table->source().begin.line > 0) group_at[i] = origin.at(table->source());
      for (const auto& [name, value] : *table) {
        const std::string key = entry + "." + std::string(name.str());
        const Where value_at = origin.at(name.source());
        const auto& keys = group_keys();
        const auto spec = std::find_if(keys.begin(), keys.end(), [field = name.str()](const GroupKey& k) { return k.key == field; });
        if (spec == keys.end()) {
          fail(value_at, key, "unknown key; " + unknown_entry_key_hint(name.str(), keys, entry, "groups"));
        }
        spec->set(groups[i], validated(*spec, key, value, value_at));
      }
    }
    config_.groups = std::move(groups);
    group_at_ = std::move(group_at);
    set_at_["groups"] = where;
  }

  // [[events]]: each entry checked key by key like [[groups]]; group names are checked once the
  // groups are known (check_events).
  void read_events(const toml::node& node, const Where& where, const Origin& origin) {
    const auto* array = node.as_array();
    if (array == nullptr) fail(where, "events", "expected an array of tables ([[events]]), got " + type_of(node));
    arrays_read_["events"] = *array;
    constexpr std::size_t max_event_count = 100'000;
    if (array->size() > max_event_count) {
      fail(where, "events", "expected at most " + std::to_string(max_event_count) + " events, got " + std::to_string(array->size()));
    }
    std::vector<EventConfig> events(array->size());
    std::vector<Where> event_at(array->size(), where);
    std::vector<Where> event_group_at(array->size(), where);
    const auto& keys = event_keys();
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::string entry = "events[" + std::to_string(i) + "]";
      const toml::node& element = *array->get(i);
      const auto* table = element.as_table();
      if (table == nullptr) fail(where, entry, "expected a table, got " + type_of(element));
      if (origin.has_lines && table->source().begin.line > 0) event_at[i] = origin.at(table->source());
      event_group_at[i] = event_at[i];
      std::set<std::string, std::less<>> given;
      for (const auto& [name, value] : *table) {
        const std::string key = entry + "." + std::string(name.str());
        const Where value_at = origin.at(name.source());
        const auto spec = std::find_if(keys.begin(), keys.end(), [field = name.str()](const EventKey& k) { return k.key == field; });
        if (spec == keys.end()) {
          fail(value_at, key, "unknown key; " + unknown_entry_key_hint(name.str(), keys, entry, "events"));
        }
        spec->set(events[i], validated(*spec, key, value, value_at));
        given.insert(spec->key);
        if (spec->key == "group") event_group_at[i] = value_at;
      }
      for (const EventKey& spec : keys) {
        const bool required = spec.key != "kind";
        if (required && given.count(spec.key) == 0) {
          fail(event_at[i], entry + "." + spec.key, "expected " + expected_text(spec) + ", but the key is missing");
        }
      }
    }
    config_.events = std::move(events);
    event_group_at_ = std::move(event_group_at);
  }

  // [[policies]]: each entry checked key by key like [[events]]. Kinds without a lever yet are
  // rejected with the reason. Target names are checked against the city once it is read
  // (scenario_loader); group targets on kinds that act on venues are refused here.
  // A target list: an array of 1 to 10000 distinct, non-empty strings.
  static std::vector<std::string> target_names(const toml::node& value, const std::string& key, const Where& at) {
    constexpr std::size_t max_targets = 10'000;
    const auto* array = value.as_array();
    if (array == nullptr || array->empty() || array->size() > max_targets)
      fail(at, key,
           "expected an array of 1 to 10000 names, e.g. [\"1\", \"2\"], got " +
               (array == nullptr ? type_of(value) : std::to_string(array->size()) + " names"));
    std::vector<std::string> names;
    for (const toml::node& element : *array) {
      if (!element.is_string() || element.as_string()->get().empty())
        fail(at, key, "expected names as non-empty strings, got " + type_of(element));
      const std::string& name = element.as_string()->get();
      if (std::find(names.begin(), names.end(), name) != names.end()) fail(at, key, "\"" + name + "\" is listed twice");
      names.push_back(name);
    }
    return names;
  }

  void read_policies(const toml::node& node, const Where& where, const Origin& origin) {
    const auto* array = node.as_array();
    if (array == nullptr) fail(where, "policies", "expected an array of tables ([[policies]]), got " + type_of(node));
    arrays_read_["policies"] = *array;
    constexpr std::size_t max_policy_count = 10'000;
    if (array->size() > max_policy_count) {
      fail(where, "policies",
           "expected at most " + std::to_string(max_policy_count) + " policies, got " + std::to_string(array->size()));
    }
    std::vector<PolicyConfig> policies(array->size());
    const auto& keys = policy_keys();
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::string entry = "policies[" + std::to_string(i) + "]";
      const toml::node& element = *array->get(i);
      const auto* table = element.as_table();
      if (table == nullptr) fail(where, entry, "expected a table, got " + type_of(element));
      const Where entry_at = origin.has_lines && table->source().begin.line > 0 ? origin.at(table->source()) : where;
      std::map<std::string, Where, std::less<>> given;
      for (const auto& [name, value] : *table) {
        const std::string key = entry + "." + std::string(name.str());
        const Where value_at = origin.at(name.source());
        if (name.str() == "districts" || name.str() == "groups") {
          auto& names = name.str() == "districts" ? policies[i].districts : policies[i].groups;
          names = target_names(value, key, value_at);
          given.emplace(std::string(name.str()), value_at);
          continue;
        }
        const auto spec = std::find_if(keys.begin(), keys.end(), [field = name.str()](const PolicyKey& k) { return k.key == field; });
        if (spec == keys.end()) {
          fail(value_at, key, "unknown key; " + unknown_entry_key_hint(name.str(), keys, entry, "policies"));
        }
        if (spec->key == "kind" && value.is_string()) {
          const auto kind = find_policy_kind(value.as_string()->get());
          if (kind && !policy_kind_info(*kind).modelled()) {
            fail(value_at, key,
                 "expected " + expected_text(*spec) + ", got " + toml_literal(value.as_string()->get()) +
                     ", which is not yet modelled: " + std::string(policy_kind_info(*kind).not_modelled_reason));
          }
        }
        spec->set(policies[i], validated(*spec, key, value, value_at));
        given.emplace(spec->key, value_at);
      }
      for (const PolicyKey& spec : keys) {
        const bool required = spec.key != "end_day" && spec.key != "name";
        if (required && given.count(spec.key) == 0) {
          fail(entry_at, entry + "." + spec.key, "expected " + expected_text(spec) + ", but the key is missing");
        }
      }
      if (!policies[i].groups.empty() && !policy_kind_can_target_groups(policies[i].kind)) {
        fail(given.at("groups"), entry + ".groups",
             "a " + std::string(policy_kind_info(policies[i].kind).name) +
                 " policy acts on venues (or, for commitment, on the other policies), not on members of a group; "
                 "target districts instead, or remove the key");
      }
      if (policies[i].end_day < policies[i].start_day) {
        fail(given.at("end_day"), entry + ".end_day",
             "expected end_day >= start_day (" + std::to_string(policies[i].start_day) + "), got " +
                 std::to_string(policies[i].end_day));
      }
    }
    config_.policies = std::move(policies);
  }

  // Where a key was set; if none of the keys was set, the file without a line.
  Where where_of(std::initializer_list<const char*> keys) const {
    for (const char* key : keys) {
      if (const auto it = set_at_.find(key); it != set_at_.end()) return it->second;
    }
    return Where{display_path_, 0};
  }

  // Sizes that would not fit (docs/reliability.md, "Limits"), before anything is built. An imported
  // city's size is known only with its district table, so the loader checks it then.
  void check_world_size() {
    if (config_.model == ModelKind::city && config_.city.source == CitySource::import) return;
    const auto problem = world_limit_problem(config_, nullptr, machine_memory_bytes());
    if (!problem) return;
    fail(where_of({problem->key.c_str(), "city.scale", "city.synthetic.districts_x", "city.synthetic.districts_y",
                   "schelling.height", "axelrod.height", "axelrod.max_events"}),
         problem->key, problem->message);
  }

  void check_reference_model() {
    const ReferenceSchellingConfig& s = config_.schelling;
    if (config_.model != ModelKind::schelling) return;
    const std::int64_t cells = static_cast<std::int64_t>(s.width) * s.height;
    if (s.agents >= cells) {
      fail(where_of({"schelling.agents", "schelling.width", "schelling.height"}), "schelling.agents",
           "expected fewer agents than cells (width * height = " + std::to_string(cells) + "), got " +
               std::to_string(s.agents));
    }
    if (s.torus && (2 * s.radius + 1 > s.width || 2 * s.radius + 1 > s.height)) {
      fail(where_of({"schelling.radius", "schelling.torus"}), "schelling.radius",
           "expected 2 * radius + 1 <= width and height on a torus, got radius " + std::to_string(s.radius) +
               " on a " + std::to_string(s.width) + " x " + std::to_string(s.height) + " grid");
    }
  }

  void check_population() {
    const PopulationConfig& p = config_.population;
    if (p.child_share + p.senior_share > 1.0) {
      fail(where_of({"population.senior_share", "population.child_share"}), "population.senior_share",
           "expected child_share + senior_share <= 1, got " + shortest_number(p.child_share + p.senior_share));
    }
  }

  void check_groups() {
    // Reference models have no residents, so they need no groups.
    const bool synthetic = config_.city.source == CitySource::synthetic && config_.model == ModelKind::city;
    std::vector<GroupConfig>& groups = config_.groups;
    if (synthetic && groups.empty()) {
      fail(where_of({"groups", "city.source"}), "groups",
           "expected at least one [[groups]] entry for a synthetic city (with name and share)");
    }
    double share_sum = 0.0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const std::string entry = "groups[" + std::to_string(i) + "]";
      if (groups[i].name.empty()) fail(group_at_[i], entry + ".name", "expected a non-empty string, but the key is missing");
      for (std::size_t j = 0; j < i; ++j) {
        if (groups[j].name == groups[i].name) {
          fail(group_at_[i], entry + ".name",
               "expected a unique name, got " + toml_literal(groups[i].name) + " again (also groups[" + std::to_string(j) + "])");
        }
      }
      share_sum += groups[i].share;
    }
    if (synthetic && !(share_sum > 0.0)) {
      fail(where_of({"groups"}), "groups.share", "expected shares with a positive sum for a synthetic city, got 0");
    }
    // Normalise, but leave shares that already sum to 1 alone so that resolved files read back unchanged.
    if (share_sum > 0.0 && std::abs(share_sum - 1.0) > 1e-12) {
      for (GroupConfig& group : groups) group.share /= share_sum;
    }
  }

  // Event groups must name a configured group. With an imported city and no [[groups]] the groups
  // come from the district table, so the names are checked when the table is read.
  void check_events() {
    if (config_.groups.empty()) return;
    for (std::size_t i = 0; i < config_.events.size(); ++i) {
      const std::string& name = config_.events[i].group;
      const bool known = std::any_of(config_.groups.begin(), config_.groups.end(),
                                     [&](const GroupConfig& group) { return group.name == name; });
      if (!known) {
        std::string names;
        for (const GroupConfig& group : config_.groups) names += (names.empty() ? "" : ", ") + toml_literal(group.name);
        fail(event_group_at_[i], "events[" + std::to_string(i) + "].group",
             "expected the name of a group (" + names + "), got " + toml_literal(name));
      }
    }
  }

  // Relative to the directory of the file that set `key` (a base file's own directory), else of the scenario.
  std::string resolve(const std::string& path, const std::string& key = "") const {
    const auto directory = path_directory_.find(key);
    const bool from_file = directory != path_directory_.end() && !directory->second.empty();
    fs::path resolved(path);
    if (resolved.is_relative()) resolved = fs::path(from_file ? directory->second : base_directory_) / resolved;
    return fs::absolute(resolved).lexically_normal().string();
  }

  void resolve_data_paths() {
    ImportedCityConfig& imported = config_.city.imported;
    const bool import = config_.city.source == CitySource::import;
    const std::pair<const char*, std::string*> paths[] = {{"city.import.district_table", &imported.district_table},
                                                          {"city.import.district_polygons", &imported.district_polygons}};
    for (const auto& [key, path] : paths) {
      if (path->empty()) {
        if (import) fail(where_of({key, "city.source"}), key, "expected a file path: required when city.source = \"import\"");
        continue;
      }
      *path = resolve(*path, key);
      std::error_code error;
      if (import && !fs::is_regular_file(*path, error)) {
        fail(where_of({key}), key, "expected an existing file, got " + toml_literal(*path) + " (not found)");
      }
    }
  }

  // policy_import.icc_profile: the profile's policies go before the file's [[policies]]; the path is
  // cleared so that the resolved scenario, which lists them, does not import them again.
  void import_icc_profile() {
    std::string& path = config_.policy_import.icc_profile;
    if (path.empty()) return;
    const std::string key = "policy_import.icc_profile";
    const std::string file = resolve(path, key);
    std::error_code error;
    if (!fs::is_regular_file(file, error)) {
      fail(where_of({"policy_import.icc_profile"}), key, "expected an existing file, got " + toml_literal(file) + " (not found)");
    }
    std::vector<PolicyConfig> policies = policies_from_icc_profile_file(file);
    policies.insert(policies.end(), config_.policies.begin(), config_.policies.end());
    config_.policies = std::move(policies);
    path.clear();
  }

  ScenarioConfig config_;
  std::map<std::string, Where> set_at_;
  std::map<std::string, std::string> path_directory_;  // path key -> directory of the file that set it
  std::map<std::string, toml::array> arrays_read_;      // the last [[groups]], [[events]], [[policies]] read, for entry overrides
  std::vector<Where> group_at_;
  std::vector<Where> event_group_at_;
  std::string display_path_;
  std::string base_directory_;
};

}  // namespace

ScenarioConfig parse_scenario_text(std::string_view text, const std::string& display_path,
                                   const std::vector<std::string>& overrides, const std::string& base_directory) {
  toml::table root;
  try {
    root = toml::parse(text, display_path);
  } catch (const toml::parse_error& error) {
    throw InputError(display_path, static_cast<int>(error.source().begin.line), "",
                     "TOML syntax error: " + std::string(error.description()));
  }
  ScenarioReader reader(display_path, base_directory);
  for (const ScenarioLayer& layer : scenario_layers(std::move(root), display_path, base_directory)) reader.read_file(layer);
  for (const std::string& override_text : overrides) reader.apply_override(override_text);
  return reader.finish();
}

void check_event_groups(const ScenarioConfig& config, const std::string& file) {
  for (std::size_t i = 0; i < config.events.size(); ++i) {
    const std::string& name = config.events[i].group;
    if (std::any_of(config.groups.begin(), config.groups.end(), [&](const GroupConfig& group) { return group.name == name; })) continue;
    std::string names;
    for (const GroupConfig& group : config.groups) names += (names.empty() ? "" : ", ") + toml_literal(group.name);
    throw InputError(file, 0, "events[" + std::to_string(i) + "].group",
                     "expected the name of a group (" + names + "), got " + toml_literal(name));
  }
}

ScenarioFile load_scenario_file(const std::string& path, const std::vector<std::string>& overrides) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot open the scenario file");
  refuse_oversized_file(path, max_scenario_file_bytes);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError(path, 0, "", "cannot read the scenario file");
  ScenarioFile file;
  file.text = buffer.str();
  file.path = path;
  file.overrides = overrides;
  const std::string directory = fs::absolute(fs::path(path)).parent_path().lexically_normal().string();
  file.config = parse_scenario_text(file.text, path, overrides, directory);
  // A file with a base records the merged scenario, so that a run file holds everything it ran with.
  if (toml::parse(file.text, path).contains("base")) {
    file.text = "# " + path + " merged with its base files (the scenario as run, before --set overrides)\n" +
                resolved_scenario_toml(parse_scenario_text(file.text, path, {}, directory));
  }
  return file;
}

std::string resolved_scenario_toml(const ScenarioConfig& config) {
  std::string out = "# Resolved scenario: every key with its value, defaults filled in.\n";
  std::string section;
  for (const ScenarioKey& spec : scenario_keys()) {
    const auto [parent, leaf] = split_last(spec.key);
    if (parent != section) {
      section = parent;
      out += "\n[" + section + "]\n";
    }
    out += leaf + " = " + toml_literal(spec.get(config)) + "\n";
  }
  for (const GroupConfig& group : config.groups) {
    out += "\n[[groups]]\n";
    for (const GroupKey& spec : group_keys()) out += spec.key + " = " + toml_literal(spec.get(group)) + "\n";
  }
  for (const EventConfig& event : config.events) {
    out += "\n[[events]]\n";
    for (const EventKey& spec : event_keys()) out += spec.key + " = " + toml_literal(spec.get(event)) + "\n";
  }
  for (const PolicyConfig& policy : config.policies) {
    out += "\n[[policies]]\n";
    for (const PolicyKey& spec : policy_keys()) out += spec.key + " = " + toml_literal(spec.get(policy)) + "\n";
    const auto write_targets = [&out](const char* key, const std::vector<std::string>& names) {
      if (names.empty()) return;
      out += std::string(key) + " = [";
      for (std::size_t k = 0; k < names.size(); ++k) out += (k > 0 ? ", " : "") + toml_literal(names[k]);
      out += "]\n";
    };
    write_targets("districts", policy.districts);
    write_targets("groups", policy.groups);
  }
  return out;
}

}  // namespace convivia
