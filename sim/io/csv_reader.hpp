// A small RFC 4180 CSV reader for the data tables a scenario refers to (district tables and the
// like): comma-separated fields, optionally in double quotes; inside quotes commas, line breaks and
// doubled quotes ("") are literal. Lines end in LF or CRLF; a UTF-8 byte order mark is skipped;
// blank lines are skipped. Fields are returned as raw UTF-8 text, without any trimming; giving them
// a meaning (numbers, ids) is the caller's job, which can name the line of a bad value. The field
// helpers below are shared by the table readers so that they trim and check counts alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace convivia {

struct CsvRow {
  int line = 0;  // 1-based line on which the row starts (a quoted field may span several lines)
  std::vector<std::string> fields;
};

// Parses CSV text. file_name is only used in error messages. Throws InputError for an unterminated
// quoted field and for a quote in the middle of an unquoted field or text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name);

// Reads and parses a CSV file. Throws InputError if the file cannot be read.
std::vector<CsvRow> read_csv_file(const std::string& path);

// Data files (tables, polygons) and scenario files larger than these are refused before they are
// read: a city's files are a few megabytes, and a parsed file takes several times its size.
inline constexpr std::uintmax_t max_data_file_bytes = 256u << 20;
inline constexpr std::uintmax_t max_scenario_file_bytes = 16u << 20;

// Throws InputError(path, 0, key, ...) if the file is larger than max_bytes (a size that cannot be
// read, e.g. of a pipe, is left to the reader).
void refuse_oversized_file(const std::string& path, std::uintmax_t max_bytes, const std::string& key = "");

// The whole content of a file; throws InputError naming the file if it cannot be read or is larger
// than max_bytes.
std::string read_text_file(const std::string& path, std::uintmax_t max_bytes = max_data_file_bytes);

// The field without leading and trailing spaces and tabs.
std::string_view trim_field(std::string_view text);

// The text in double quotes, for messages.
std::string in_quotes(std::string_view text);

// A whole number of residents from 0 to 10^9 (spaces and tabs around it allowed). Otherwise throws
// InputError(file, line, key, ...) saying what was expected and quoting the field; `row_unit` names
// what one row counts ("unit", "district") and `not_a_number_hint` is appended to the message for a
// field that is not a number at all (empty for none).
std::int64_t parse_resident_count(const std::string& field, const std::string& file, int line, const std::string& key,
                                  std::string_view row_unit, std::string_view not_a_number_hint);

}  // namespace convivia
