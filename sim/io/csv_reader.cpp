// RFC 4180 CSV parsing as a small state machine over the whole text (data tables are small).
#include "io/csv_reader.hpp"

#include "io/input_error.hpp"

#include <charconv>
#include <filesystem>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

namespace convivia {
namespace {

constexpr double max_resident_count = 1e9;  // more residents than that in one row is a unit or column mistake

// "1,234", "1 234", "1.234.567": digits with separators, which is a formatting problem, not a
// column that is not a count.
bool looks_like_grouped_digits(std::string_view text) {
  return text.find_first_of("0123456789") != std::string_view::npos &&
         text.find_first_not_of("0123456789,. '") == std::string_view::npos;
}

}  // namespace

void refuse_oversized_file(const std::string& path, std::uintmax_t max_bytes, const std::string& key) {
  std::error_code error;
  const std::uintmax_t bytes = std::filesystem::file_size(path, error);
  if (error || bytes <= max_bytes) return;
  const auto mib = [](std::uintmax_t size) { return std::to_string((size + (1u << 20) - 1) >> 20) + " MiB"; };
  throw InputError(path, 0, key, "a file of at most " + mib(max_bytes) + ", got " + mib(bytes));
}

std::string read_text_file(const std::string& path, std::uintmax_t max_bytes) {
  refuse_oversized_file(path, max_bytes);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot open the file (does it exist and is it readable?)");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw InputError(path, 0, "", "cannot read the file");
  return std::move(content).str();
}

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  bool row_started = false;  // anything seen on this row (so an empty line is not a row)
  bool field_quoted = false; // the current field was quoted and its closing quote has been seen
  std::size_t i = 0;

  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_quoted = false;
  };
  const auto end_row = [&] {
    if (row_started) {
      end_field();
      rows.push_back(std::move(row));
    }
    row = CsvRow{};
    row_started = false;
  };

  while (i < text.size()) {
    const char c = text[i];
    if (!row_started) row.line = line;
    if (c == '"') {
      if (!field.empty() || field_quoted) {
        throw InputError(file_name, line, "", "a quote only at the start of a field (quotes inside a quoted field are doubled)");
      }
      row_started = true;
      const int opening_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) throw InputError(file_name, opening_line, "", "a closing quote for the field opened here");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      field_quoted = true;
      continue;
    }
    if (c == ',') {
      row_started = true;
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (c == '\n') {
      end_row();
      ++line;
      ++i;
      continue;
    }
    if (field_quoted) throw InputError(file_name, line, "", "a comma or the end of the line after a closing quote");
    row_started = true;
    field += c;
    ++i;
  }
  end_row();
  return rows;
}

std::vector<CsvRow> read_csv_file(const std::string& path) { return parse_csv(read_text_file(path), path); }

std::string_view trim_field(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Built with append: GCC 12 warns falsely (-Wrestrict) on chained operator+ of short literals.
std::string in_quotes(std::string_view text) {
  std::string quoted;
  quoted.append("\"").append(text).append("\"");
  return quoted;
}

std::int64_t parse_resident_count(const std::string& field, const std::string& file, int line, const std::string& key,
                                  std::string_view row_unit, std::string_view not_a_number_hint) {
  const std::string_view text = trim_field(field);
  const auto too_many = [&] { return "at most 10^9 residents in one " + std::string(row_unit) + ", got " + in_quotes(field); };
  if (text.empty()) throw InputError(file, line, key, "a whole number of residents, got an empty field (write 0 for none)");
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  const bool numeric = error == std::errc{} && end == text.data() + text.size();
  if (!numeric && error == std::errc::result_out_of_range && end == text.data() + text.size()) {
    if (text.front() == '-') throw InputError(file, line, key, "a non-negative number of residents, got " + in_quotes(field));
    throw InputError(file, line, key, too_many());
  }
  if (!numeric) {
    if (looks_like_grouped_digits(text)) {
      throw InputError(file, line, key,
                       "a whole number of residents, got " + in_quotes(field) + " (write numbers without thousands separators)");
    }
    throw InputError(file, line, key, "a whole number of residents, got " + in_quotes(field) + std::string(not_a_number_hint));
  }
  if (!std::isfinite(value)) throw InputError(file, line, key, "a finite whole number of residents, got " + in_quotes(field));
  if (value < 0.0) throw InputError(file, line, key, "a non-negative number of residents, got " + in_quotes(field));
  if (value != std::floor(value)) throw InputError(file, line, key, "a whole number of residents, got " + in_quotes(field));
  if (value > max_resident_count) throw InputError(file, line, key, too_many());
  return static_cast<std::int64_t>(value);
}

}  // namespace convivia
