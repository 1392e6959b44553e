// RFC 4180 CSV parsing as a small state machine over the whole text (data tables are small).
#include "io/csv_reader.hpp"

#include "io/input_error.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

namespace convivia {

std::string read_text_file(const std::string& path) {
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

}  // namespace convivia
