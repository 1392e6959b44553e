// Plan-time checks of a sweep (see plan_check.hpp).
#include "analysis/plan_check.hpp"

#include "core/parallel.hpp"
#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"

#include <optional>
#include <set>

namespace convivia::sweep {
namespace {

std::string bare(const InputError& error) { return bare_message(error, error.file(), error.line(), error.key()); }

// load_scenario's error, or none.
std::optional<InputError> load_error(const std::string& base, const std::vector<std::string>& overrides) {
  try {
    load_scenario(base, overrides);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

std::vector<std::string> fixed_overrides(const SweepFile& sweep) {
  std::vector<std::string> out;
  for (const FixedValue& fixed : sweep.fixed) out.push_back(fixed.key + "=" + fixed.literal);
  return out;
}

void check_base(const SweepFile& sweep) {
  const std::optional<InputError> error = load_error(sweep.base, fixed_overrides(sweep));
  if (!error) return;
  if (error->file() != "--set") throw *error;  // the base scenario itself is wrong: its own message
  for (const FixedValue& fixed : sweep.fixed)
    if (fixed.key == error->key()) throw InputError(sweep.path, fixed.line, "set." + fixed.key, bare(*error));
  throw InputError(sweep.path, sweep.fixed.empty() ? 0 : sweep.fixed.front().line, "set", error->key() + ": " + bare(*error));
}

void check_value(const SweepFile& sweep, const FactorSpec& factor, const std::string& literal, int line, const std::string& key) {
  std::vector<std::string> overrides = fixed_overrides(sweep);
  overrides.push_back(factor.key + "=" + literal);
  const std::optional<InputError> error = load_error(sweep.base, overrides);
  if (!error) return;
  // Name the key inside the value that is wrong (policies[0].annual_cost) when it is not the factor's own.
  const std::string inner = error->key() != factor.key ? error->key() + ": " : "";
  std::string message = factor.key + " = " + literal + ": " + inner + bare(*error);
  if (factor.is_range && factor.distribution != Distribution::integer && message.find("expected an integer") != std::string::npos)
    message += " (use distribution = \"integer\" for an integer key)";
  throw InputError(sweep.path, line, key, message);
}

void check_factor_values(const SweepFile& sweep) {
  for (const FactorSpec& factor : sweep.factors) {
    const std::string entry = "factors[" + std::to_string(factor.index) + "]";
    if (factor.is_range) {
      for (double u : {0.0, 1.0}) check_value(sweep, factor, value_at_unit(factor, u).literal, factor.range_line, entry + ".range");
    } else {
      for (std::size_t j = 0; j < factor.values.size(); ++j)
        check_value(sweep, factor, factor.values[j].literal, factor.values[j].line, entry + ".values[" + std::to_string(j) + "]");
    }
  }
}

void check_points(const SweepPlan& plan) {
  // Points that set the same values (Morris trajectories may meet) are loaded once.
  std::vector<int> distinct;
  std::set<std::vector<std::string>> seen;
  for (std::size_t p = 0; p < plan.points.size(); ++p)
    if (seen.insert(plan.overrides(static_cast<int>(p))).second) distinct.push_back(static_cast<int>(p));
  std::vector<std::optional<InputError>> errors(distinct.size());
  parallel_for(distinct.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) errors[i] = load_error(plan.sweep.base, plan.overrides(distinct[i]));
  });
  for (std::size_t i = 0; i < distinct.size(); ++i) {
    if (!errors[i]) continue;
    const int p = distinct[i];
    throw InputError(plan.sweep.path, plan.sweep.design.line, "design point " + std::to_string(p),
                     "the combination " + plan.points[static_cast<std::size_t>(p)].label + " is not a valid scenario: " +
                         errors[i]->key() + ": " + bare(*errors[i]));
  }
}

// Outcome series must belong to the kind of run file the base scenario writes.
void check_outcome_paths(const SweepFile& sweep) {
  const ModelKind model = load_scenario(sweep.base, fixed_overrides(sweep)).file.config.model;
  const std::vector<std::string> groups =
      model == ModelKind::city ? std::vector<std::string>{"daily", "monthly"} : std::vector<std::string>{"series"};
  for (std::size_t i = 0; i < sweep.outcomes.size(); ++i) {
    const std::string& series = sweep.outcomes[i].series;
    const std::string first = series.substr(0, series.find('/'));
    bool known = false;
    std::string list;
    for (const std::string& group : groups) {
      known = known || first == group;
      list += (list.empty() ? "/" : " or /") + group;
    }
    if (!known)
      throw InputError(sweep.path, sweep.outcomes[i].line, "outcomes[" + std::to_string(i) + "].series",
                       "expected a series under " + list + " of the run file (docs/output-format.md), got \"" + series + "\"");
  }
}

}  // namespace

std::string bare_message(const std::exception& error, const std::string& file, int line, const std::string& key) {
  // Built with append: GCC 12 warns falsely (-Wrestrict) on operator+ with temporaries here.
  std::string prefix = file;
  if (line > 0) prefix.append(":").append(std::to_string(line));
  if (!key.empty()) prefix.append(": ").append(key);
  prefix.append(": ");
  const std::string message = error.what();
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

void check_plan(const SweepPlan& plan) {
  if (plan.sweep.model != SweepModel::scenario) return;
  check_base(plan.sweep);
  check_factor_values(plan.sweep);
  check_outcome_paths(plan.sweep);
  check_points(plan);
}

}  // namespace convivia::sweep
