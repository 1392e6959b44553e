// Reads ICC Index profiles (see icc_profile_reader.hpp): the header names the columns, in any order;
// each further row is one area.
#include "io/icc_profile_reader.hpp"

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

namespace convivia {
namespace {

constexpr std::string_view expected_header = "a header row with the columns area and score (and optionally annual_cost)";

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Columns {
  std::size_t area = 0;
  std::size_t score = 0;
  std::optional<std::size_t> annual_cost;
};

Columns find_columns(const CsvRow& header, const std::string& file) {
  std::optional<std::size_t> area;
  std::optional<std::size_t> score;
  std::optional<std::size_t> annual_cost;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = lowercase(trim_field(header.fields[c]));
    std::optional<std::size_t>* slot = name == "area" ? &area : name == "score" ? &score : name == "annual_cost" ? &annual_cost : nullptr;
    if (slot == nullptr) {
      throw InputError(file, header.line, "column " + std::to_string(c + 1),
                       std::string(expected_header) + ", got " + in_quotes(header.fields[c]));
    }
    if (slot->has_value()) throw InputError(file, header.line, name, "each column name only once in the header");
    *slot = c;
  }
  if (!area || !score) {
    throw InputError(file, header.line, area ? "score" : "area", std::string(expected_header) + "; this column is missing");
  }
  return Columns{*area, *score, annual_cost};
}

// A finite number in [min, max] (max may be infinite), spaces around it allowed.
double parse_number(const std::string& field, double min, double max, const std::string& file, int line,
                    const std::string& column, const std::string& what) {
  const std::string_view text = trim_field(field);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  const bool numeric = !text.empty() && error == std::errc{} && end == text.data() + text.size() && std::isfinite(value);
  if (!numeric || value < min || value > max) throw InputError(file, line, column, what + ", got " + in_quotes(field));
  return value;
}

}  // namespace

std::vector<IccAreaScore> parse_icc_profile(std::string_view text, const std::string& file_name) {
  const std::vector<CsvRow> rows = parse_csv(text, file_name);
  if (rows.empty()) {
    throw InputError(file_name, 0, "", std::string(expected_header) + " and one row per area; the file is empty");
  }
  const Columns columns = find_columns(rows.front(), file_name);
  if (rows.size() < 2) throw InputError(file_name, rows.front().line, "", "at least one area row after the header");

  std::vector<IccAreaScore> scores;
  std::vector<int> line_of_area(icc_area_count, 0);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() != rows.front().fields.size()) {
      throw InputError(file_name, row.line, "",
                       std::to_string(rows.front().fields.size()) + " fields as in the header, got " +
                           std::to_string(row.fields.size()));
    }
    const std::string& area_field = row.fields[columns.area];
    const std::optional<IccArea> area = find_icc_area(area_field);
    if (!area) {
      std::string names;
      for (int a = 0; a < icc_area_count; ++a) names += (a == 0 ? "" : ", ") + in_quotes(icc_area_name(static_cast<IccArea>(a)));
      throw InputError(file_name, row.line, "area", "an area of the ICC Index (" + names + "), got " + in_quotes(area_field));
    }
    int& first_line = line_of_area[static_cast<std::size_t>(*area)];
    if (first_line != 0) {
      throw InputError(file_name, row.line, "area",
                       "each area only once, got " + in_quotes(icc_area_name(*area)) + " again (also on line " +
                           std::to_string(first_line) + ")");
    }
    first_line = row.line;

    IccAreaScore score;
    score.area = *area;
    score.score = parse_number(row.fields[columns.score], 0.0, 100.0, file_name, row.line, "score", "a number from 0 to 100");
    if (columns.annual_cost && !trim_field(row.fields[*columns.annual_cost]).empty()) {
      score.annual_cost_eur = parse_number(row.fields[*columns.annual_cost], 0.0, std::numeric_limits<double>::infinity(), file_name, row.line,
                                           "annual_cost", "a number of euros per year, 0 or more (or an empty field)");
    }
    scores.push_back(score);
  }
  return scores;
}

std::vector<IccAreaScore> read_icc_profile(const std::string& path) { return parse_icc_profile(read_text_file(path), path); }

std::vector<PolicyConfig> policies_from_icc_profile_file(const std::string& path) {
  return policies_from_icc_profile(read_icc_profile(path));
}

}  // namespace convivia
