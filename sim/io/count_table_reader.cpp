// Reads and checks a census count table (see count_table_reader.hpp). Checks run header first, then
// row by row, then over whole columns, so the first message is about the first problem in the file.
#include "io/count_table_reader.hpp"

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"

#include <filesystem>
#include <map>
#include <optional>

namespace convivia {
namespace {

constexpr std::size_t max_listed = 12;

std::string column_key(const std::string& name) { return "column " + in_quotes(name); }

// The name as it would be typed after --ignore: quoted for the shell unless it is a plain word.
std::string shell_word(const std::string& name) {
  const bool plain = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
                                          std::string::npos;
  return plain ? name : "'" + name + "'";
}

std::string list_names(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < max_listed; ++i) text += (i == 0 ? "" : ", ") + in_quotes(names[i]);
  if (names.size() > max_listed) text += " and " + std::to_string(names.size() - max_listed) + " more";
  return text.empty() ? "none" : text;
}

std::int64_t parse_count(const std::string& field, const std::string& file, int line, const std::string& column) {
  return parse_resident_count(field, file, line, column_key(column), "unit",
                              "; if this column is not a group of residents, leave it out with --ignore " + shell_word(column));
}

struct Columns {
  std::size_t id = 0;
  std::vector<std::size_t> groups;  // header positions
  std::vector<std::string> names;   // trimmed header names, by position
};

Columns find_columns(const CsvRow& header, const std::string& file, const CountTableOptions& options) {
  Columns columns;
  std::map<std::string, std::size_t> index_of;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    columns.names.emplace_back(trim_field(header.fields[c]));
    const std::string& name = columns.names.back();
    if (!name.empty() && !index_of.emplace(name, c).second) {
      throw InputError(file, header.line, column_key(name), "each column name only once in the header");
    }
  }
  const auto find = [&](const std::string& name, const char* option) {
    const auto found = index_of.find(std::string(trim_field(name)));
    if (found == index_of.end()) {
      throw InputError(file, header.line, option,
                       "the name of a column in the header, got " + in_quotes(name) + "; the columns are " + list_names(columns.names));
    }
    return found->second;
  };
  if (!options.id_column.empty()) columns.id = find(options.id_column, "--id-column");
  std::vector<bool> ignored(header.fields.size(), false);
  for (const std::string& name : options.ignored_columns) ignored[find(name, "--ignore")] = true;

  std::vector<std::string> group_names;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    if (c == columns.id || ignored[c]) continue;
    if (columns.names[c].empty()) {
      throw InputError(file, header.line, "column " + std::to_string(c + 1),
                       "a name in the header for every group column (an unnamed column cannot be a group)");
    }
    columns.groups.push_back(c);
    group_names.push_back(columns.names[c]);
  }
  if (columns.groups.size() < 2) {
    throw InputError(file, header.line, "",
                     "at least two group columns besides the id column " + in_quotes(columns.names[columns.id]) +
                         " and the ignored ones; found " + std::to_string(columns.groups.size()) + ": " + list_names(group_names));
  }
  if (columns.groups.size() > options.limits.max_group_count) {
    throw InputError(file, header.line, "",
                     "at most " + std::to_string(options.limits.max_group_count) + " group columns, got " +
                         std::to_string(columns.groups.size()) + " (is this table transposed?)");
  }
  return columns;
}

// A group column equal to the sum of the other group columns on every row (index into groups).
std::optional<std::size_t> find_total_column(const CountTable& table) {
  const std::size_t G = table.group_count();
  if (G < 3) return std::nullopt;
  std::vector<std::int64_t> row_sum(table.unit_count(), 0);
  for (std::size_t u = 0; u < table.unit_count(); ++u) {
    for (std::size_t g = 0; g < G; ++g) row_sum[u] += table.counts[u * G + g];
  }
  for (std::size_t g = 0; g < G; ++g) {
    bool is_total = true;
    for (std::size_t u = 0; u < table.unit_count() && is_total; ++u) is_total = 2 * table.counts[u * G + g] == row_sum[u];
    if (is_total) return g;
  }
  return std::nullopt;
}

std::string describe_size(std::uintmax_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

}  // namespace

CountTable parse_count_table(std::string_view text, const std::string& file_name, const CountTableOptions& options) {
  const std::vector<CsvRow> rows = parse_csv(text, file_name);
  if (rows.empty()) throw InputError(file_name, 0, "", "a header row and at least one unit row; the file is empty");
  const CsvRow& header = rows.front();
  const Columns columns = find_columns(header, file_name, options);
  if (rows.size() < 2) throw InputError(file_name, header.line, "", "at least one unit row after the header, which is all the file holds");
  const std::size_t unit_count = rows.size() - 1;
  if (unit_count > options.limits.max_unit_count) {
    throw InputError(file_name, 0, "",
                     "at most " + std::to_string(options.limits.max_unit_count) + " unit rows, got " + std::to_string(unit_count));
  }

  CountTable table;
  const std::size_t G = columns.groups.size();
  for (const std::size_t c : columns.groups) table.group_names.push_back(columns.names[c]);
  table.unit_ids.reserve(unit_count);
  table.counts.reserve(unit_count * G);
  table.group_totals.assign(G, 0);
  const std::string id_key = column_key(columns.names[columns.id]);
  std::map<std::string, int> line_of_id;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() != header.fields.size()) {
      throw InputError(file_name, row.line, "",
                       std::to_string(header.fields.size()) + " fields as in the header, got " + std::to_string(row.fields.size()));
    }
    std::string id(trim_field(row.fields[columns.id]));
    if (id.empty()) throw InputError(file_name, row.line, id_key, "a unit id, got an empty field");
    if (const auto [it, inserted] = line_of_id.emplace(id, row.line); !inserted) {
      throw InputError(file_name, row.line, id_key,
                       "a unique unit id; " + in_quotes(id) + " is already on line " + std::to_string(it->second));
    }
    for (std::size_t g = 0; g < G; ++g) {
      const std::size_t c = columns.groups[g];
      const std::int64_t count = parse_count(row.fields[c], file_name, row.line, columns.names[c]);
      table.counts.push_back(count);
      table.group_totals[g] += count;
    }
    table.unit_ids.push_back(std::move(id));
  }

  for (std::size_t g = 0; g < G; ++g) {
    if (table.group_totals[g] > 0) continue;
    const std::string& name = table.group_names[g];
    throw InputError(file_name, header.line, column_key(name),
                     "a group with residents in at least one unit, but every count is 0; leave it out with --ignore " + shell_word(name));
  }
  if (const auto total = find_total_column(table)) {
    const std::string& name = table.group_names[*total];
    throw InputError(file_name, header.line, column_key(name),
                     "a group of residents, but on every row it equals the sum of the other group columns, so it looks like a total; "
                     "leave it out with --ignore " + shell_word(name));
  }
  return table;
}

CountTable read_count_table(const std::string& path, const CountTableOptions& options) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path, 0, "", "a CSV file, got a directory");
  const std::uintmax_t bytes = std::filesystem::file_size(path, error);
  // A size that cannot be read (a pipe, say) is left to the reader, which names any failure.
  if (!error && bytes > options.limits.max_file_bytes) {
    throw InputError(path, 0, "",
                     "a table of at most " + describe_size(options.limits.max_file_bytes) + ", got " + describe_size(bytes) +
                         " (split it, or sum it over larger units)");
  }
  return parse_count_table(read_text_file(path), path, options);
}

}  // namespace convivia
