// Design points, values, seeds and the design table (see sweep_plan.hpp).
#include "analysis/sweep_plan.hpp"

#include "analysis/sweep_random.hpp"

#include <fmt/core.h>

#include <map>

namespace convivia::sweep {
namespace {

// A CSV field, quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::vector<std::string> SweepPlan::overrides(int point) const {
  std::vector<std::string> out;
  for (const FixedValue& fixed : sweep.fixed) out.push_back(fixed.key + "=" + fixed.literal);
  const PlannedPoint& planned = points[static_cast<std::size_t>(point)];
  for (std::size_t f = 0; f < sweep.factors.size(); ++f) out.push_back(sweep.factors[f].key + "=" + planned.values[f].literal);
  return out;
}

SweepPlan make_plan(const SweepFile& sweep) {
  SweepPlan plan;
  plan.sweep = sweep;
  plan.design = make_design(sweep);
  const std::size_t k = sweep.factors.size();
  std::map<std::string, int> first_with_same_parameters;
  for (std::size_t p = 0; p < plan.design.size(); ++p) {
    PlannedPoint point;
    point.unit = plan.design.unit[p];
    std::string parameters;
    for (std::size_t f = 0; f < k; ++f) {
      const FactorSpec& factor = sweep.factors[f];
      point.values.push_back(plan.design.level.empty() ? value_at_unit(factor, point.unit[f])
                                                       : value_at_level(factor, plan.design.level[p][f]));
      point.label += (f > 0 ? ", " : "") + factor.name + "=" + point.values[f].label;
      if (!factor.policy) parameters += point.values[f].literal + '\n';
    }
    point.seed_point = static_cast<int>(p);
    if (sweep.common_random_numbers) point.seed_point = first_with_same_parameters.emplace(parameters, static_cast<int>(p)).first->second;
    plan.points.push_back(std::move(point));
  }
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    for (int r = 0; r < sweep.replicates; ++r) {
      const auto run = static_cast<int>(p) * sweep.replicates + r;
      plan.runs.push_back(PlannedRun{run, static_cast<int>(p), r,
                                     run_seed(sweep.seed, static_cast<std::uint32_t>(plan.points[p].seed_point), static_cast<std::uint32_t>(r))});
    }
  }
  return plan;
}

std::string design_csv(const SweepPlan& plan) {
  const SweepFile& sweep = plan.sweep;
  const Design& design = plan.design;
  std::string out = "run,point,replicate,seed,seed_point,label";
  for (const FactorSpec& factor : sweep.factors) out.append(",").append(csv_field(factor.name));
  const bool morris = !design.morris_step.empty();
  const bool saltelli = !design.saltelli_row.empty();
  if (morris) out += ",morris_trajectory,morris_step,morris_factor";
  if (saltelli) out += ",saltelli_row,saltelli_matrix,saltelli_factor";
  out += "\n";
  for (const PlannedRun& run : plan.runs) {
    const auto p = static_cast<std::size_t>(run.point);
    const PlannedPoint& point = plan.points[p];
    out += fmt::format("{},{},{},{},{},{}", run.run, run.point, run.replicate, run.seed, point.seed_point, csv_field(point.label));
    for (const PointValue& value : point.values) out.append(",").append(csv_field(value.label));
    const auto factor_name = [&](int f) { return f < 0 ? std::string() : csv_field(sweep.factors[static_cast<std::size_t>(f)].name); };
    if (morris) out += fmt::format(",{},{},{}", design.morris_trajectory[p], design.morris_step[p], factor_name(design.morris_factor[p]));
    if (saltelli)
      out += fmt::format(",{},{},{}", design.saltelli_row[p], saltelli_matrix_name(design.saltelli_matrix[p]), factor_name(design.saltelli_factor[p]));
    out += "\n";
  }
  return out;
}

}  // namespace convivia::sweep
