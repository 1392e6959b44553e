// Reads a census count table for the segregation command: a CSV whose header names the columns,
// one row per spatial unit (district, tract, block), one column with the unit id and one column per
// group holding that group's resident count in the unit. Columns that are neither (names, totals)
// are left out by name. Built on the CSV reader; every check happens here, so the indices only ever
// see a valid matrix. Errors are InputError naming the file, the line, the column and what was
// expected, because these tables come from statistics offices and spreadsheets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace convivia {

// Guards against input that would not fit in memory or in a readable report; checked before the
// corresponding memory is allocated.
struct CountTableLimits {
  std::uintmax_t max_file_bytes = 256u << 20;
  std::size_t max_unit_count = 2'000'000;
  std::size_t max_group_count = 1'000;  // the reports hold group_count^2 pairs
};

struct CountTableOptions {
  std::string id_column;                     // empty: the first column
  std::vector<std::string> ignored_columns;  // columns that are not groups; each must exist
  CountTableLimits limits;
};

struct CountTable {
  std::vector<std::string> unit_ids;      // in table order
  std::vector<std::string> group_names;   // in column order
  std::vector<std::int64_t> counts;       // unit-major: counts[unit * group_count + group]
  std::vector<std::int64_t> group_totals; // residents per group over all units

  std::size_t unit_count() const { return unit_ids.size(); }
  std::size_t group_count() const { return group_names.size(); }
};

// Rules: the first row is the header; column names (trimmed of spaces and tabs) are unique; every
// column that is neither the id column nor ignored is a group with a name; there are at least two
// groups and each has residents somewhere; at least one unit row; every row has as many fields as
// the header; unit ids are non-empty and unique (compared as trimmed text, so leading zeros count);
// counts are whole numbers from 0 to 10^9 (written plainly or with an exponent, e.g. 1e3). A group
// column that equals the sum of the other group columns on every row (there being at least two
// others) is refused as a total column, since counting it as a group would distort every index.
// file_name is only used in messages.
CountTable parse_count_table(std::string_view text, const std::string& file_name, const CountTableOptions& options = {});

// Reads the file (refusing files larger than options.limits.max_file_bytes before reading them)
// and parses it as above.
CountTable read_count_table(const std::string& path, const CountTableOptions& options = {});

}  // namespace convivia
