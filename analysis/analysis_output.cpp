// Tables of the analysis (see analysis_output.hpp).
#include "analysis/analysis_output.hpp"

#include <fmt/core.h>

namespace convivia::sweep {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Columns filled row by row: text(...) and number(...) in column order.
class TableBuilder {
 public:
  TableBuilder(std::string name, std::string long_name) { table_ = Table{std::move(name), std::move(long_name), {}}; }
  TableBuilder& text(const char* name, const char* long_name) { return add(name, long_name, true); }
  TableBuilder& number(const char* name, const char* long_name) { return add(name, long_name, false); }
  TableBuilder& operator<<(const std::string& value) {
    table_.columns[next()].text.push_back(value);
    return *this;
  }
  TableBuilder& operator<<(double value) {
    table_.columns[next()].numbers.push_back(value);
    return *this;
  }
  Table done() { return std::move(table_); }

 private:
  TableBuilder& add(const char* name, const char* long_name, bool is_text) {
    table_.columns.push_back(TableColumn{name, long_name, is_text, {}, {}});
    return *this;
  }
  std::size_t next() {
    const std::size_t column = cell_ % table_.columns.size();
    ++cell_;
    return column;
  }
  Table table_;
  std::size_t cell_ = 0;
};

}  // namespace

Table point_summary_table(const std::vector<PointSummary>& rows) {
  TableBuilder t("point_summary", "mean and 95% interval over replicates per design point and outcome");
  t.text("outcome", "scalar outcome").number("point", "design point").text("label", "the point's factor values")
      .number("runs_done", "replicates done").number("mean", "mean over replicates")
      .number("ci_low", "lower end of the 95% interval (Student t)").number("ci_high", "upper end of the 95% interval (Student t)");
  for (const PointSummary& r : rows)
    t << r.outcome << double(r.point) << r.label << double(r.runs_done) << r.interval.mean << r.interval.low << r.interval.high;
  return t.done();
}

Table effects_table(const std::vector<PointEffect>& rows, int baseline_point, const std::string& baseline_label) {
  TableBuilder t("effects", "difference of each design point to the baseline point, with its 95% interval");
  t.text("outcome", "scalar outcome").number("point", "design point").text("label", "the point's factor values")
      .number("baseline_point", "the baseline design point").text("baseline_label", "the baseline's factor values")
      .text("method", "paired (shared seeds), welch (different seeds) or single (one run: no interval)")
      .number("count", "paired: replicates done at both; otherwise runs done at the point")
      .number("difference", "point minus baseline").number("ci_low", "lower end of the 95% interval")
      .number("ci_high", "upper end of the 95% interval");
  for (const PointEffect& r : rows)
    t << r.outcome << double(r.point) << r.label << double(baseline_point) << baseline_label
      << std::string(effect_method_name(r.method)) << double(r.pairs_or_runs) << r.difference.mean << r.difference.low
      << r.difference.high;
  return t.done();
}

Table series_summary_table(const std::vector<SeriesPointSummary>& rows) {
  TableBuilder t("series_summary", "mean and 95% interval over replicates per design point, kept series and time step");
  t.text("series", "kept series (a summary = \"series\" outcome)").text("time_axis", "the series' time dimension (day, month_day)")
      .number("point", "design point").number("time", "value of the time dimension").number("runs_done", "replicates with a value")
      .number("mean", "mean over replicates").number("ci_low", "lower end of the 95% interval (Student t)")
      .number("ci_high", "upper end of the 95% interval (Student t)");
  for (const SeriesPointSummary& r : rows)
    t << r.series << r.time_axis << double(r.point) << r.time << double(r.runs_done) << r.interval.mean << r.interval.low << r.interval.high;
  return t.done();
}

Table sobol_table_of(const std::vector<SobolRow>& rows) {
  TableBuilder t("sobol", "first-order and total Sobol' indices with bootstrap 95% intervals");
  t.text("outcome", "scalar outcome").text("factor", "factor").number("base_rows", "base rows with every point done")
      .number("first_order", "first-order index (Saltelli 2010)").number("first_order_low", "lower end of its 95% bootstrap interval")
      .number("first_order_high", "upper end of its 95% bootstrap interval").number("total", "total index (Jansen 1999)")
      .number("total_low", "lower end of its 95% bootstrap interval").number("total_high", "upper end of its 95% bootstrap interval");
  for (const SobolRow& r : rows)
    t << r.outcome << r.factor << double(r.rows_used) << r.index.first << r.index.first_low << r.index.first_high
      << r.index.total << r.index.total_low << r.index.total_high;
  return t.done();
}

Table morris_table_of(const std::vector<MorrisRow>& rows) {
  TableBuilder t("morris", "Morris statistics of the elementary effects, per full range of the factor");
  t.text("outcome", "scalar outcome").text("factor", "factor").number("effects", "elementary effects used")
      .number("mu", "mean effect").number("mu_star", "mean absolute effect").number("sigma", "standard deviation of the effects");
  for (const MorrisRow& r : rows) t << r.outcome << r.factor << double(r.effects) << r.mu << r.mu_star << r.sigma;
  return t.done();
}

std::string csv_text(const Table& table) {
  std::string csv;
  for (std::size_t c = 0; c < table.columns.size(); ++c) csv += (c ? "," : "") + table.columns[c].name;
  csv += "\n";
  const TableColumn& first = table.columns.front();
  const std::size_t rows = first.is_text ? first.text.size() : first.numbers.size();
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const TableColumn& column = table.columns[c];
      if (c) csv += ",";
      // Labels hold commas; other text columns (outcome and factor names, methods) do not.
      if (column.is_text) csv += column.name.find("label") != std::string::npos ? quoted(column.text[r]) : column.text[r];
      else csv += fmt::format("{:.10g}", column.numbers[r]);
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace convivia::sweep
