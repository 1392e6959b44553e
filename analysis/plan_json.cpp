// Plan to JSON and back (see plan_json.hpp). NaN numbers are stored as null.
#include "analysis/plan_json.hpp"

#include "io/input_error.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace convivia::sweep {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* conventions = "convivia-sweep-plan-1";

json number(double value) { return std::isnan(value) ? json(nullptr) : json(value); }
double number(const json& value) { return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>(); }

json design_json(const DesignSpec& design) {
  return json{{"kind", design_kind_name(design.kind)},
              {"points", design.points},
              {"trajectories", design.trajectories},
              {"levels", design.levels},
              {"base_points", design.base_points}};
}

json factor_json(const FactorSpec& factor) {
  json j{{"name", factor.name}, {"key", factor.key}, {"policy", factor.policy}};
  if (factor.is_range) {
    j["distribution"] = distribution_name(factor.distribution);
    j["min"] = factor.min;
    j["max"] = factor.max;
    if (factor.distribution == Distribution::normal) {
      j["mean"] = factor.mean;
      j["sd"] = factor.sd;
    }
    j["levels"] = factor.levels;
  } else {
    json values = json::array();
    for (const FactorValue& value : factor.values) values.push_back(json{{"literal", value.literal}, {"label", value.label}, {"number", number(value.number)}});
    j["values"] = values;
  }
  return j;
}

json outcome_json(const OutcomeSpec& outcome) {
  json j{{"name", outcome.name}, {"series", outcome.series}, {"summary", summary_name(outcome.summary)}, {"line", outcome.line}};
  if (outcome.window) j["window"] = json::array({outcome.window->first, outcome.window->second});
  json select = json::object();
  for (const auto& [dimension, label] : outcome.select) select[dimension] = label;
  j["select"] = select;
  return j;
}

template <class Enum, std::size_t N>
Enum parse_name(const std::string& text, const std::pair<const char*, Enum> (&names)[N]) {
  for (const auto& [name, value] : names)
    if (text == name) return value;
  throw std::invalid_argument("unknown name " + text);
}

}  // namespace

std::string plan_json(const SweepPlan& plan, const std::string& base_scenario_text) {
  const SweepFile& sweep = plan.sweep;
  const Design& design = plan.design;
  json identity{{"conventions", conventions},
                {"model", model_name(sweep.model)},
                {"base_scenario", base_scenario_text},
                {"seed", sweep.seed},
                {"replicates", sweep.replicates},
                {"common_random_numbers", sweep.common_random_numbers},
                {"design", design_json(sweep.design)}};
  json fixed = json::array();
  for (const FixedValue& value : sweep.fixed) fixed.push_back(json{{"key", value.key}, {"literal", value.literal}});
  identity["set"] = fixed;
  json factors = json::array();
  for (const FactorSpec& factor : sweep.factors) factors.push_back(factor_json(factor));
  identity["factors"] = factors;

  json points = json::array();
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    const PlannedPoint& point = plan.points[p];
    json values = json::array();
    for (const PointValue& value : point.values)
      values.push_back(json{{"literal", value.literal}, {"label", value.label}, {"number", number(value.number)}, {"level", value.level}});
    json unit = json::array();
    for (double u : point.unit) unit.push_back(number(u));
    json j{{"label", point.label}, {"seed_point", point.seed_point}, {"unit", unit}, {"values", values}};
    if (!design.morris_step.empty())
      j["morris"] = json::array({design.morris_trajectory[p], design.morris_step[p], design.morris_factor[p]});
    if (!design.saltelli_row.empty())
      j["saltelli"] = json::array({design.saltelli_row[p], static_cast<int>(design.saltelli_matrix[p]), design.saltelli_factor[p]});
    points.push_back(j);
  }
  identity["points"] = points;
  json runs = json::array();
  for (const PlannedRun& run : plan.runs) runs.push_back(json::array({run.point, run.replicate, run.seed}));
  identity["runs"] = runs;

  json outcomes = json::array();
  for (const OutcomeSpec& outcome : sweep.outcomes) outcomes.push_back(outcome_json(outcome));
  const json root{{"identity", identity},
                  {"name", sweep.name},
                  {"description", sweep.description},
                  {"sweep_file", sweep.path},
                  {"sweep_text", sweep.text},
                  {"outcomes", outcomes}};
  return root.dump(1) + "\n";
}

std::string plan_identity(const std::string& plan_json_text) {
  const json root = json::parse(plan_json_text, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("identity")) return "";
  return root["identity"].dump();
}

StoredPlan read_plan_json(const std::string& text, const std::string& path) {
  try {
    const json root = json::parse(text);
    const json& identity = root.at("identity");
    if (identity.at("conventions").get<std::string>() != conventions)
      throw InputError(path, 0, "", "not a sweep plan of this version (conventions " + identity.at("conventions").dump() + ")");
    StoredPlan stored;
    stored.base_scenario_text = identity.at("base_scenario").get<std::string>();
    SweepPlan& plan = stored.plan;
    SweepFile& sweep = plan.sweep;
    sweep.name = root.at("name").get<std::string>();
    sweep.description = root.at("description").get<std::string>();
    sweep.path = root.at("sweep_file").get<std::string>();
    sweep.text = root.at("sweep_text").get<std::string>();
    const std::optional<SweepModel> model = model_from_name(identity.at("model").get<std::string>());
    if (!model) throw std::invalid_argument("unknown model \"" + identity.at("model").get<std::string>() + "\"");
    sweep.model = *model;
    sweep.seed = identity.at("seed").get<std::uint64_t>();
    sweep.replicates = identity.at("replicates").get<int>();
    sweep.common_random_numbers = identity.at("common_random_numbers").get<bool>();
    const json& design = identity.at("design");
    sweep.design.kind = parse_name<DesignKind>(design.at("kind").get<std::string>(), {{"full_factorial", DesignKind::full_factorial},
                                                                                      {"latin_hypercube", DesignKind::latin_hypercube},
                                                                                      {"sobol", DesignKind::sobol},
                                                                                      {"morris", DesignKind::morris},
                                                                                      {"saltelli", DesignKind::saltelli}});
    sweep.design.points = design.at("points").get<int>();
    sweep.design.trajectories = design.at("trajectories").get<int>();
    sweep.design.levels = design.at("levels").get<int>();
    sweep.design.base_points = design.at("base_points").get<int>();
    for (const json& fixed : identity.at("set")) sweep.fixed.push_back(FixedValue{fixed.at("key"), fixed.at("literal"), 0});
    for (const json& j : identity.at("factors")) {
      FactorSpec factor;
      factor.index = static_cast<int>(sweep.factors.size());
      factor.name = j.at("name").get<std::string>();
      factor.key = j.at("key").get<std::string>();
      factor.policy = j.at("policy").get<bool>();
      factor.is_range = j.contains("distribution");
      if (factor.is_range) {
        factor.distribution = parse_name<Distribution>(j.at("distribution").get<std::string>(), {{"uniform", Distribution::uniform},
                                                                                               {"log_uniform", Distribution::log_uniform},
                                                                                               {"integer", Distribution::integer},
                                                                                               {"normal", Distribution::normal}});
        factor.min = j.at("min").get<double>();
        factor.max = j.at("max").get<double>();
        factor.mean = j.value("mean", 0.0);
        factor.sd = j.value("sd", 0.0);
        factor.levels = j.at("levels").get<int>();
      } else {
        for (const json& value : j.at("values"))
          factor.values.push_back(FactorValue{value.at("literal"), value.at("label"), number(value.at("number")), 0});
      }
      sweep.factors.push_back(std::move(factor));
    }
    for (const json& j : root.at("outcomes")) {
      OutcomeSpec outcome;
      outcome.name = j.at("name").get<std::string>();
      outcome.series = j.at("series").get<std::string>();
      outcome.summary = parse_name<Summary>(j.at("summary").get<std::string>(), {{"final", Summary::final},
                                                                                {"mean", Summary::mean},
                                                                                {"min", Summary::min},
                                                                                {"max", Summary::max},
                                                                                {"series", Summary::series}});
      outcome.line = j.at("line").get<int>();
      if (j.contains("window")) outcome.window = std::make_pair(j["window"][0].get<double>(), j["window"][1].get<double>());
      for (const auto& [dimension, label] : j.at("select").items()) outcome.select.emplace_back(dimension, label.get<std::string>());
      sweep.outcomes.push_back(std::move(outcome));
    }
    for (const json& j : identity.at("points")) {
      PlannedPoint point;
      point.label = j.at("label").get<std::string>();
      point.seed_point = j.at("seed_point").get<int>();
      for (const json& u : j.at("unit")) point.unit.push_back(number(u));
      for (const json& v : j.at("values"))
        point.values.push_back(PointValue{v.at("literal"), v.at("label"), number(v.at("number")), v.at("level").get<int>()});
      if (j.contains("morris")) {
        plan.design.morris_trajectory.push_back(j["morris"][0].get<int>());
        plan.design.morris_step.push_back(j["morris"][1].get<int>());
        plan.design.morris_factor.push_back(j["morris"][2].get<int>());
      }
      if (j.contains("saltelli")) {
        plan.design.saltelli_row.push_back(j["saltelli"][0].get<int>());
        plan.design.saltelli_matrix.push_back(static_cast<SaltelliMatrix>(j["saltelli"][1].get<int>()));
        plan.design.saltelli_factor.push_back(j["saltelli"][2].get<int>());
      }
      plan.design.unit.push_back(point.unit);
      plan.points.push_back(std::move(point));
    }
    for (const json& j : identity.at("runs")) {
      const int run = static_cast<int>(plan.runs.size());
      plan.runs.push_back(PlannedRun{run, j[0].get<int>(), j[1].get<int>(), j[2].get<std::uint64_t>()});
    }
    return stored;
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& error) {
    throw InputError(path, 0, "", std::string("not a readable sweep plan: ") + error.what());
  }
}

}  // namespace convivia::sweep
