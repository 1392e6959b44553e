// CSV tables of the analysis (see analysis_output.hpp).
#include "analysis/analysis_output.hpp"

#include <fmt/core.h>

namespace convivia::sweep {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number(double value) { return fmt::format("{:.10g}", value); }

}  // namespace

std::string point_summary_csv(const std::vector<PointSummary>& rows) {
  std::string csv = "outcome,point,label,runs_done,mean,ci_low,ci_high\n";
  for (const PointSummary& r : rows)
    csv += fmt::format("{},{},{},{},{},{},{}\n", r.outcome, r.point, quoted(r.label), r.runs_done, number(r.interval.mean),
                       number(r.interval.low), number(r.interval.high));
  return csv;
}

std::string effects_csv(const std::vector<PointEffect>& rows, int baseline_point, const std::string& baseline_label) {
  std::string csv = "outcome,point,label,baseline_point,baseline_label,method,count,difference,ci_low,ci_high\n";
  for (const PointEffect& r : rows)
    csv += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", r.outcome, r.point, quoted(r.label), baseline_point,
                       quoted(baseline_label), effect_method_name(r.method), r.pairs_or_runs, number(r.difference.mean),
                       number(r.difference.low), number(r.difference.high));
  return csv;
}

std::string sobol_csv(const std::vector<SobolRow>& rows) {
  std::string csv = "outcome,factor,base_rows,first_order,first_order_low,first_order_high,total,total_low,total_high\n";
  for (const SobolRow& r : rows)
    csv += fmt::format("{},{},{},{},{},{},{},{},{}\n", r.outcome, r.factor, r.rows_used, number(r.index.first),
                       number(r.index.first_low), number(r.index.first_high), number(r.index.total),
                       number(r.index.total_low), number(r.index.total_high));
  return csv;
}

std::string morris_csv(const std::vector<MorrisRow>& rows) {
  std::string csv = "outcome,factor,effects,mu,mu_star,sigma\n";
  for (const MorrisRow& r : rows)
    csv += fmt::format("{},{},{},{},{},{}\n", r.outcome, r.factor, r.effects, number(r.mu), number(r.mu_star), number(r.sigma));
  return csv;
}

}  // namespace convivia::sweep
