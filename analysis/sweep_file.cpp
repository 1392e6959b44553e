// Sweep file parsing (see sweep_file.hpp). Each table is checked key by key against the keys it
// may hold, so a misspelt key is an error with the list of known keys, never silently ignored.
#include "analysis/sweep_file.hpp"

#include "io/input_error.hpp"
#include "io/scenario_keys.hpp"
#include "io/toml_node_type.hpp"
#include "analysis/test_models.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace convivia::sweep {
namespace {

namespace fs = std::filesystem;

// "x1", "x2", "x3" for an error message.
std::string quoted_list(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "\"" : ", \"") + name + "\"";
  return list;
}
using scenario_schema::shortest_number;
using scenario_schema::toml_literal;

// Columns of the design table that factor names may not take.
const std::set<std::string> reserved_columns = {"run", "point", "replicate", "seed", "seed_point", "label", "status",
                                                "error", "days_run", "morris_trajectory", "morris_step", "morris_factor",
                                                "saltelli_row", "saltelli_matrix", "saltelli_factor"};

constexpr int max_replicates = 100'000;
constexpr int max_points = 10'000'000;

class SweepReader {
 public:
  SweepReader(std::string display_path, std::string directory) : file_(std::move(display_path)), directory_(std::move(directory)) {}

  SweepFile read(const std::string& text) {
    toml::table root;
    try {
      root = toml::parse(text, file_);
    } catch (const toml::parse_error& error) {
      throw InputError(file_, static_cast<int>(error.source().begin.line), "", "TOML syntax error: " + std::string(error.description()));
    }
    SweepFile sweep;
    sweep.path = file_;
    sweep.directory = directory_;
    sweep.text = text;
    check_keys(root, "", {"name", "description", "model", "base", "seed", "replicates", "common_random_numbers", "set", "design",
                          "factors", "outcomes"});
    sweep.name = string_or(root, "name", "", fs::path(file_).stem().string());
    sweep.description = string_or(root, "description", "", "");
    sweep.model = read_model(root);
    sweep.seed = static_cast<std::uint64_t>(integer_or(root, "seed", "", 1, 0, std::numeric_limits<std::int64_t>::max()));
    sweep.replicates = static_cast<int>(integer_or(root, "replicates", "", 1, 1, max_replicates));
    sweep.common_random_numbers = boolean_or(root, "common_random_numbers", "", true);
    if (sweep.model == SweepModel::scenario) {
      const std::string base = string_or(root, "base", "", "");
      if (base.empty()) fail(root, "base", "expected the path of the base scenario (relative to the sweep file), e.g. base = \"../default.toml\"");
      fs::path path(base);
      if (path.is_relative()) path = fs::path(directory_) / path;
      sweep.base = fs::absolute(path).lexically_normal().string();
      std::error_code error;
      if (!fs::is_regular_file(sweep.base, error)) fail(root, "base", "expected an existing scenario file, got \"" + sweep.base + "\" (not found)");
    } else if (root.contains("base") || root.contains("set")) {
      fail(root, root.contains("base") ? "base" : "set",
           std::string("the built-in model \"") + model_name(sweep.model) + "\" runs no scenario; remove the key");
    }
    if (const toml::node* set = root.get("set")) read_fixed(*set, "set", sweep.fixed);
    sweep.design = read_design(root);
    sweep.factors = read_factors(root, sweep);
    sweep.outcomes = read_outcomes(root, sweep);
    if (sweep.model != SweepModel::scenario) {
      for (const std::string& input : test_model_inputs(sweep.model))
        if (std::none_of(sweep.factors.begin(), sweep.factors.end(), [&](const FactorSpec& f) { return f.key == input; }))
          fail_at(0, "factors", std::string("the ") + model_name(sweep.model) + " function needs a factor for each of its inputs; " +
                                    "none sets \"" + input + "\"");
    }
    check_design(sweep);
    return sweep;
  }

 private:
  int line_of(const toml::node& node) const { return static_cast<int>(node.source().begin.line); }

  [[noreturn]] void fail_at(int line, const std::string& key, const std::string& message) const {
    throw InputError(file_, line, key, message);
  }
  [[noreturn]] void fail(const toml::table& table, const std::string& key, const std::string& message) const {
    const std::string leaf = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
    const toml::node* node = table.get(leaf);
    fail_at(node != nullptr ? line_of(*node) : line_of(table), key, message);
  }

  static std::string join(const std::string& prefix, const std::string& key) { return prefix.empty() ? key : prefix + "." + key; }

  static std::string type_of(const toml::node& node) { return toml_node_type(node); }

  void check_keys(const toml::table& table, const std::string& prefix, std::initializer_list<const char*> known) const {
    for (const auto& entry : table) {
      const toml::key& name = entry.first;  // not a structured binding: clang 14 cannot capture one
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name.str() == k; })) {
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail_at(static_cast<int>(name.source().begin.line), join(prefix, std::string(name.str())),
                "unknown key; known keys " + (prefix.empty() ? std::string("at the top level") : "in " + prefix) + ": " + list);
      }
    }
  }

  std::string string_or(const toml::table& table, const char* key, const std::string& prefix, const std::string& fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    if (!node->is_string()) fail_at(line_of(*node), join(prefix, key), "expected a string, got " + type_of(*node));
    return node->as_string()->get();
  }

  std::int64_t integer_or(const toml::table& table, const char* key, const std::string& prefix, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    const std::string expected = "expected an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "], got ";
    if (!node->is_integer()) fail_at(line_of(*node), join(prefix, key), expected + type_of(*node));
    const std::int64_t value = node->as_integer()->get();
    if (value < min || value > max) fail_at(line_of(*node), join(prefix, key), expected + std::to_string(value));
    return value;
  }

  bool boolean_or(const toml::table& table, const char* key, const std::string& prefix, bool fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    if (!node->is_boolean()) fail_at(line_of(*node), join(prefix, key), "expected true or false, got " + type_of(*node));
    return node->as_boolean()->get();
  }

  double number(const toml::node& node, const std::string& key) const {
    if (const auto* integer = node.as_integer()) return static_cast<double>(integer->get());
    if (const auto* real = node.as_floating_point()) {
      if (!std::isfinite(real->get())) fail_at(line_of(node), key, "expected a finite number, got " + shortest_number(real->get()));
      return real->get();
    }
    fail_at(line_of(node), key, "expected a number, got " + type_of(node));
  }

  SweepModel read_model(const toml::table& root) const {
    const std::string model = string_or(root, "model", "", "scenario");
    if (const std::optional<SweepModel> known = model_from_name(model)) return *known;
    fail(root, "model",
         "expected one of \"scenario\" (run the base scenario), \"ishigami\" or \"sobol_g\" (built-in test functions), got \"" +
             model + "\"");
  }

  // [set]: nested tables flatten to dotted scenario keys ("run.days = 30" under [set] is run.days=30).
  void read_fixed(const toml::node& node, const std::string& prefix, std::vector<FixedValue>& out) const {
    const auto* table = node.as_table();
    if (table == nullptr) fail_at(line_of(node), prefix, "expected a table of scenario keys, e.g. [set] run.days = 30, got " + type_of(node));
    for (const auto& [name, value] : *table) {
      const std::string key = prefix == "set" ? std::string(name.str()) : join(prefix, std::string(name.str()));
      if (const auto* inner = value.as_table()) {
        read_fixed(*inner, key, out);
      } else {
        if (key == "run.seed") fail_at(line_of(value), "set.run.seed", "the sweep sets each run's seed from its master seed; use seed = ... at the top level");
        out.push_back(FixedValue{key, value_literal(value), line_of(value)});
      }
    }
  }

  DesignSpec read_design(const toml::table& root) const {
    DesignSpec design;
    const toml::node* node = root.get("design");
    if (node == nullptr) return design;
    const auto* table = node->as_table();
    if (table == nullptr) fail_at(line_of(*node), "design", "expected a table ([design]), got " + type_of(*node));
    design.line = line_of(*table);
    check_keys(*table, "design", {"kind", "points", "trajectories", "levels", "base_points"});
    const std::string kind = string_or(*table, "kind", "design", "full_factorial");
    const std::pair<const char*, DesignKind> kinds[] = {{"full_factorial", DesignKind::full_factorial},
                                                        {"latin_hypercube", DesignKind::latin_hypercube},
                                                        {"sobol", DesignKind::sobol},
                                                        {"morris", DesignKind::morris},
                                                        {"saltelli", DesignKind::saltelli}};
    const auto found = std::find_if(std::begin(kinds), std::end(kinds), [&](const auto& k) { return kind == k.first; });
    if (found == std::end(kinds))
      fail(*table, "design.kind",
           "expected one of \"full_factorial\", \"latin_hypercube\", \"sobol\", \"morris\", \"saltelli\", got \"" + kind + "\"");
    design.kind = found->second;
    const auto needs = [&](const char* key, DesignKind kind_needing) {
      const bool given = table->contains(key);
      if (given && design.kind != kind_needing)
        fail(*table, std::string("design.") + key,
             std::string("is used by the ") + design_kind_name(kind_needing) + " design only; remove it for kind = \"" + kind + "\"");
      return given;
    };
    const bool points_given = table->contains("points");
    if (points_given && design.kind != DesignKind::latin_hypercube && design.kind != DesignKind::sobol)
      fail(*table, "design.points", "is used by the latin_hypercube and sobol designs only; remove it for kind = \"" + kind + "\"");
    design.points = static_cast<int>(integer_or(*table, "points", "design", 0, 1, max_points));
    if ((design.kind == DesignKind::latin_hypercube || design.kind == DesignKind::sobol) && !points_given)
      fail_at(design.line, "design.points", "expected the number of design points for kind = \"" + kind + "\", e.g. points = 64");
    if (needs("trajectories", DesignKind::morris) || design.kind == DesignKind::morris) {
      if (!table->contains("trajectories"))
        fail_at(design.line, "design.trajectories", "expected the number of Morris trajectories, e.g. trajectories = 10");
      design.trajectories = static_cast<int>(integer_or(*table, "trajectories", "design", 0, 1, max_points));
    }
    if (needs("levels", DesignKind::morris)) {
      design.levels = static_cast<int>(integer_or(*table, "levels", "design", 4, 2, 1000));
      if (design.levels % 2 != 0)
        fail(*table, "design.levels", "expected an even number of Morris levels (so that every step is half the grid), got " +
                                          std::to_string(design.levels));
    }
    if (needs("base_points", DesignKind::saltelli) || design.kind == DesignKind::saltelli) {
      if (!table->contains("base_points"))
        fail_at(design.line, "design.base_points", "expected the Saltelli base sample size N (a power of 2), e.g. base_points = 256");
      design.base_points = static_cast<int>(integer_or(*table, "base_points", "design", 0, 1, max_points));
    }
    return design;
  }

  std::vector<FactorSpec> read_factors(const toml::table& root, const SweepFile& sweep) const {
    std::vector<FactorSpec> factors;
    const toml::node* node = root.get("factors");
    if (node == nullptr) fail_at(0, "factors", "expected at least one [[factors]] entry (key = \"...\" with values = [...] or range = [min, max])");
    const auto* array = node->as_array();
    if (array == nullptr || array->empty() || !array->is_array_of_tables())
      fail_at(line_of(*node), "factors", "expected an array of tables ([[factors]]) with at least one entry");
    std::set<std::string> names, keys;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::table& table = *array->get(i)->as_table();
      const std::string entry = "factors[" + std::to_string(i) + "]";
      FactorSpec factor = read_factor(table, entry, sweep);
      factor.index = static_cast<int>(i);
      if (!names.insert(factor.name).second) fail(table, entry + ".name", "expected a unique name, got \"" + factor.name + "\" again");
      if (!keys.insert(factor.key).second)
        fail(table, entry + ".key", "the key \"" + factor.key + "\" is already set by another factor; a key can be varied by one factor only");
      factors.push_back(std::move(factor));
    }
    return factors;
  }

  FactorSpec read_factor(const toml::table& table, const std::string& entry, const SweepFile& sweep) const {
    check_keys(table, entry, {"key", "name", "values", "labels", "range", "distribution", "mean", "sd", "levels", "policy"});
    FactorSpec factor;
    factor.line = line_of(table);
    factor.key = string_or(table, "key", entry, "");
    if (factor.key.empty()) fail_at(factor.line, entry + ".key", "expected the scenario key the factor sets, e.g. key = \"encounters.rate_positive\"");
    if (factor.key == "run.seed")
      fail(table, entry + ".key", "the sweep sets each run's seed from its master seed; vary replicates instead");
    if (sweep.model != SweepModel::scenario && !is_test_model_input(sweep.model, factor.key))
      fail(table, entry + ".key", std::string("expected an input of the ") + model_name(sweep.model) + " function (" +
                                      quoted_list(test_model_inputs(sweep.model)) + "), got \"" + factor.key + "\"");
    factor.name = string_or(table, "name", entry, factor.key);
    if (factor.name.empty() || factor.name.find('/') != std::string::npos || reserved_columns.count(factor.name) > 0)
      fail(table, entry + (table.contains("name") ? ".name" : ".key"),
           "expected a column name without '/' that is not one of the design table's own columns (run, point, replicate, seed, "
           "seed_point, label, status, error, ...), got \"" + factor.name + "\"; give the factor a name = \"...\"");
    const bool is_policy_key = factor.key.rfind("policies", 0) == 0 || factor.key.rfind("policy_import.", 0) == 0;
    factor.policy = boolean_or(table, "policy", entry, is_policy_key);

    const bool has_values = table.contains("values");
    const bool has_range = table.contains("range") || table.contains("mean") || table.contains("sd") || table.contains("distribution");
    if (has_values == has_range)
      fail_at(factor.line, entry, has_values ? "give either values = [...] or a range with a distribution, not both"
                                             : "expected values = [...] or range = [min, max] (with an optional distribution)");
    if (has_values) {
      read_values(table, entry, factor);
    } else {
      read_range(table, entry, factor);
    }
    if (table.contains("levels")) {
      if (!factor.is_range) fail(table, entry + ".levels", "levels applies to a range; a list factor's levels are its values");
      factor.levels = static_cast<int>(integer_or(table, "levels", entry, 0, 1, 1'000'000));
    }
    if (table.contains("labels") && factor.is_range) fail(table, entry + ".labels", "labels apply to a list of values");
    if (sweep.model != SweepModel::scenario)
      for (const FactorValue& value : factor.values)
        if (std::isnan(value.number)) fail_at(value.line, entry + ".values", "expected numbers: the inputs of a test function are numbers");
    return factor;
  }

  void read_values(const toml::table& table, const std::string& entry, FactorSpec& factor) const {
    const auto* values = table.get("values")->as_array();
    if (values == nullptr || values->empty())
      fail(table, entry + ".values", "expected a non-empty array of values, e.g. values = [0.1, 0.2]");
    std::vector<std::string> labels;
    if (const toml::node* node = table.get("labels")) {
      const auto* array = node->as_array();
      if (array == nullptr || array->size() != values->size())
        fail(table, entry + ".labels", "expected an array of " + std::to_string(values->size()) + " strings, one per value");
      for (const toml::node& label : *array) {
        if (!label.is_string() || label.as_string()->get().empty())
          fail_at(line_of(label), entry + ".labels", "expected non-empty strings, got " + type_of(label));
        labels.push_back(label.as_string()->get());
      }
    }
    std::set<std::string> seen_literals, seen_labels;
    for (std::size_t j = 0; j < values->size(); ++j) {
      const toml::node& value = *values->get(j);
      const std::string key = entry + ".values[" + std::to_string(j) + "]";
      FactorValue v;
      v.literal = value_literal(value);
      v.label = labels.empty() ? v.literal : labels[j];
      v.line = line_of(value) > 0 ? line_of(value) : line_of(table);
      if (value.is_integer() || value.is_floating_point()) {
        v.number = number(value, key);
      } else if (value.is_boolean()) {
        v.number = value.as_boolean()->get() ? 1.0 : 0.0;
      } else {
        v.number = std::numeric_limits<double>::quiet_NaN();
      }
      if (!seen_literals.insert(v.literal).second) fail_at(v.line, key, "the value " + v.literal + " is listed twice");
      if (!seen_labels.insert(v.label).second) fail_at(v.line, entry + ".labels", "the label \"" + v.label + "\" is given twice");
      factor.values.push_back(std::move(v));
    }
  }

  void read_range(const toml::table& table, const std::string& entry, FactorSpec& factor) const {
    factor.is_range = true;
    const std::string distribution = string_or(table, "distribution", entry, "uniform");
    const std::pair<const char*, Distribution> names[] = {{"uniform", Distribution::uniform},
                                                          {"log_uniform", Distribution::log_uniform},
                                                          {"integer", Distribution::integer},
                                                          {"normal", Distribution::normal}};
    const auto found = std::find_if(std::begin(names), std::end(names), [&](const auto& n) { return distribution == n.first; });
    if (found == std::end(names))
      fail(table, entry + ".distribution",
           "expected one of \"uniform\", \"log_uniform\", \"integer\", \"normal\", got \"" + distribution + "\"");
    factor.distribution = found->second;
    const toml::node* range = table.get("range");
    if (range == nullptr)
      fail_at(factor.line, entry + ".range",
              std::string("expected range = [min, max] for a ") + found->first + " factor" +
                  (factor.distribution == Distribution::normal ? " (the normal distribution is truncated to it)" : ""));
    factor.range_line = line_of(*range);
    const auto* bounds = range->as_array();
    if (bounds == nullptr || bounds->size() != 2) fail_at(factor.range_line, entry + ".range", "expected [min, max], two numbers");
    factor.min = number(*bounds->get(0), entry + ".range");
    factor.max = number(*bounds->get(1), entry + ".range");
    if (!(factor.min < factor.max))
      fail_at(factor.range_line, entry + ".range",
              "expected min < max, got [" + shortest_number(factor.min) + ", " + shortest_number(factor.max) + "]");
    if (factor.distribution == Distribution::log_uniform && !(factor.min > 0.0))
      fail_at(factor.range_line, entry + ".range", "expected min > 0 for a log_uniform factor, got " + shortest_number(factor.min));
    if (factor.distribution == Distribution::integer &&
        (factor.min != std::floor(factor.min) || factor.max != std::floor(factor.max) || std::abs(factor.min) > 1e15 || std::abs(factor.max) > 1e15))
      fail_at(factor.range_line, entry + ".range", "expected whole numbers for an integer factor");
    const bool normal = factor.distribution == Distribution::normal;
    if (normal != (table.contains("mean") || table.contains("sd")) || (normal && !(table.contains("mean") && table.contains("sd"))))
      fail_at(factor.line, entry + (normal ? ".mean" : ".sd"),
              normal ? "expected mean and sd for a normal factor" : "mean and sd apply to distribution = \"normal\" only");
    if (normal) {
      factor.mean = number(*table.get("mean"), entry + ".mean");
      factor.sd = number(*table.get("sd"), entry + ".sd");
      if (!(factor.sd > 0.0)) fail(table, entry + ".sd", "expected sd > 0, got " + shortest_number(factor.sd));
    }
  }

  std::vector<OutcomeSpec> read_outcomes(const toml::table& root, const SweepFile& sweep) const {
    std::vector<OutcomeSpec> outcomes;
    const toml::node* node = root.get("outcomes");
    if (sweep.model != SweepModel::scenario) {
      // A test model has one outcome, its value.
      if (node != nullptr) fail_at(line_of(*node), "outcomes", "a built-in test model has one outcome, y; remove [[outcomes]]");
      OutcomeSpec y;
      y.name = "y";
      outcomes.push_back(y);
      return outcomes;
    }
    if (node == nullptr)
      fail_at(0, "outcomes",
              "expected at least one [[outcomes]] entry, e.g. name = \"diversity\", series = \"daily/diversity_resource_share\", "
              "summary = \"final\"");
    const auto* array = node->as_array();
    if (array == nullptr || array->empty() || !array->is_array_of_tables())
      fail_at(line_of(*node), "outcomes", "expected an array of tables ([[outcomes]]) with at least one entry");
    std::set<std::string> names;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::table& table = *array->get(i)->as_table();
      const std::string entry = "outcomes[" + std::to_string(i) + "]";
      check_keys(table, entry, {"name", "series", "summary", "window", "select"});
      OutcomeSpec outcome;
      outcome.line = line_of(table);
      outcome.series = string_or(table, "series", entry, "");
      const auto slash = outcome.series.find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == outcome.series.size())
        fail_at(outcome.line, entry + ".series",
                "expected the path of a series in the run file, e.g. \"daily/diversity_resource_share\" or "
                "\"monthly/city_by_cell/theil_h\" (docs/output-format.md)");
      outcome.name = string_or(table, "name", entry, outcome.series.substr(outcome.series.rfind('/') + 1));
      if (outcome.name.empty() || outcome.name.find('/') != std::string::npos)
        fail(table, entry + ".name", "expected a name without '/'");
      if (!names.insert(outcome.name).second)
        fail(table, entry + (table.contains("name") ? ".name" : ".series"), "expected a unique name, got \"" + outcome.name + "\" again");
      const std::string summary = string_or(table, "summary", entry, "final");
      const std::pair<const char*, Summary> summaries[] = {
          {"final", Summary::final}, {"mean", Summary::mean}, {"min", Summary::min}, {"max", Summary::max}, {"series", Summary::series}};
      const auto found = std::find_if(std::begin(summaries), std::end(summaries), [&](const auto& s) { return summary == s.first; });
      if (found == std::end(summaries))
        fail(table, entry + ".summary", "expected one of \"final\", \"mean\", \"min\", \"max\", \"series\", got \"" + summary + "\"");
      outcome.summary = found->second;
      if (const toml::node* window = table.get("window")) {
        const auto* bounds = window->as_array();
        if (outcome.summary == Summary::final || outcome.summary == Summary::series)
          fail_at(line_of(*window), entry + ".window", "a window applies to summary = \"mean\", \"min\" or \"max\"");
        if (bounds == nullptr || bounds->size() != 2)
          fail_at(line_of(*window), entry + ".window", "expected [first, last], e.g. window = [335, 364] (days, inclusive)");
        const double first = number(*bounds->get(0), entry + ".window");
        const double last = number(*bounds->get(1), entry + ".window");
        if (first > last) fail_at(line_of(*window), entry + ".window", "expected first <= last");
        outcome.window = std::make_pair(first, last);
      }
      if (const toml::node* select = table.get("select")) {
        const auto* pairs = select->as_table();
        if (pairs == nullptr) fail_at(line_of(*select), entry + ".select", "expected a table, e.g. select = { group = \"group_a\" }");
        for (const auto& [dimension, label] : *pairs) {
          if (!label.is_string()) fail_at(line_of(label), entry + ".select." + std::string(dimension.str()), "expected a string label");
          outcome.select.emplace_back(std::string(dimension.str()), label.as_string()->get());
        }
      }
      outcomes.push_back(std::move(outcome));
    }
    return outcomes;
  }

  void check_design(const SweepFile& sweep) const {
    const DesignSpec& design = sweep.design;
    for (const FactorSpec& factor : sweep.factors) {
      const std::string entry = "factors[" + std::to_string(factor.index) + "]";
      if (design.kind == DesignKind::full_factorial && factor.is_range && factor.levels == 0)
        fail_at(factor.line, entry + ".levels",
                "expected levels = n for a range in a full factorial design (n evenly spaced values), or list the values");
      if (design.kind != DesignKind::full_factorial && factor.levels != 0)
        fail_at(factor.line, entry + ".levels",
                std::string("levels apply to full_factorial designs; the ") + design_kind_name(design.kind) + " design samples the range");
    }
    const double points = design_point_count(sweep);
    if (points * sweep.replicates > max_points)
      fail_at(design.line, "design",
              "the design has " + shortest_number(points) + " points x " + std::to_string(sweep.replicates) + " replicates, more than " +
                  std::to_string(max_points) + " runs");
  }

  // A TOML value as `--set` takes it: floats in their shortest exact form, strings quoted, arrays
  // and tables inline.
  std::string value_literal(const toml::node& node) const {
    if (const auto* array = node.as_array()) {
      std::string out = "[";
      for (std::size_t i = 0; i < array->size(); ++i) out += (i > 0 ? ", " : "") + value_literal(*array->get(i));
      return out + "]";
    }
    if (const auto* table = node.as_table()) {
      std::string out = "{";
      bool first = true;
      for (const auto& [name, value] : *table) {
        const std::string key(name.str());
        const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
        });
        out += (first ? "" : ", ") + (bare ? key : toml_literal(key)) + " = " + value_literal(value);
        first = false;
      }
      return out + "}";
    }
    if (const auto* integer = node.as_integer()) return std::to_string(integer->get());
    if (const auto* real = node.as_floating_point()) return toml_literal(real->get());
    if (const auto* boolean = node.as_boolean()) return boolean->get() ? "true" : "false";
    if (const auto* string = node.as_string()) return toml_literal(string->get());
    // Dates and times: no scenario key takes one.
    fail_at(line_of(node), "", "expected a number, string, boolean, array or table, got " + type_of(node));
  }

  std::string file_;
  std::string directory_;
};

}  // namespace

SweepFile parse_sweep_text(const std::string& text, const std::string& display_path, const std::string& directory) {
  return SweepReader(display_path, directory).read(text);
}

SweepFile read_sweep_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot open the sweep file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string directory = fs::absolute(fs::path(path)).parent_path().lexically_normal().string();
  return parse_sweep_text(buffer.str(), path, directory);
}

double design_point_count(const SweepFile& sweep) {
  const double k = static_cast<double>(sweep.factors.size());
  switch (sweep.design.kind) {
    case DesignKind::full_factorial: {
      double points = 1.0;
      for (const FactorSpec& factor : sweep.factors) points *= factor.level_count();
      return points;
    }
    case DesignKind::latin_hypercube:
    case DesignKind::sobol: return sweep.design.points;
    case DesignKind::morris: return sweep.design.trajectories * (k + 1);
    case DesignKind::saltelli: return sweep.design.base_points * (k + 2);
  }
  return 0.0;
}

const char* design_kind_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::full_factorial: return "full_factorial";
    case DesignKind::latin_hypercube: return "latin_hypercube";
    case DesignKind::sobol: return "sobol";
    case DesignKind::morris: return "morris";
    case DesignKind::saltelli: return "saltelli";
  }
  return "?";
}

const char* distribution_name(Distribution distribution) {
  switch (distribution) {
    case Distribution::uniform: return "uniform";
    case Distribution::log_uniform: return "log_uniform";
    case Distribution::integer: return "integer";
    case Distribution::normal: return "normal";
  }
  return "?";
}

const char* summary_name(Summary summary) {
  switch (summary) {
    case Summary::final: return "final";
    case Summary::mean: return "mean";
    case Summary::min: return "min";
    case Summary::max: return "max";
    case Summary::series: return "series";
  }
  return "?";
}

namespace {
constexpr std::pair<SweepModel, const char*> model_names[] = {
    {SweepModel::scenario, "scenario"}, {SweepModel::ishigami, "ishigami"}, {SweepModel::sobol_g, "sobol_g"}};
}  // namespace

const char* model_name(SweepModel model) {
  for (const auto& [known, name] : model_names)
    if (known == model) return name;
  return "?";
}

std::optional<SweepModel> model_from_name(const std::string& name) {
  for (const auto& [model, known] : model_names)
    if (name == known) return model;
  return std::nullopt;
}

}  // namespace convivia::sweep
