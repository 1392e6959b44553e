// Reads what `convivia compare` needs from a run file (docs/output-format.md, layout
// `convivia-run-1`): the root attributes that identify the run and its city, and the headline
// indicator series from /daily and /monthly. The file is read whole at once (a few numbers per day);
// a file that is not a Convivia run file, or lacks or has a malformed headline dataset, is refused
// with an InputError naming the file and what is wrong.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace convivia {

// Where an indicator's value for a day comes from.
enum class IndicatorSource {
  daily,                   // /daily/<dataset>[day]
  monthly,                 // /monthly/<dataset>[month]: the month that started on or before the day
  daily_largest_by_group,  // the largest entry of /daily/<dataset>[day, group]
};

struct HeadlineIndicator {
  std::string_view name;         // the name used by --indicator, the CSV and the JSON
  std::string_view description;  // plain words for the table
  std::string_view dataset;      // path below the file root
  IndicatorSource source;
  bool is_share;  // a share in [0, 1]: the table shows percent and differences in percentage points
};

// The indicators the run summary prints, in its order.
std::span<const HeadlineIndicator> headline_indicators();
// Index into headline_indicators(), or -1 if no indicator has that name.
int find_headline_indicator(std::string_view name);

struct RunFile {
  std::string path;
  std::string scenario_name;
  std::string seed;  // decimal, as stored
  std::int64_t days_run = 0;
  std::int64_t resident_count = 0;
  std::vector<std::string> group_names;
  std::vector<std::string> district_names;
  std::vector<std::int32_t> month_days;  // first day of each recorded month
  // One series per headline indicator: days_run values (daily) or month_days.size() values (monthly).
  std::vector<std::vector<double>> series;

  // The indicator's value on `day` (0 <= day < days_run); for a monthly indicator, the value measured
  // at the start of the month containing the day. NaN if the run did not record it.
  double value(std::size_t indicator, std::int64_t day) const;
};

// Throws InputError (file = path) if the file is missing, not HDF5, not a Convivia run file or damaged.
RunFile read_run_file(const std::string& path);

}  // namespace convivia
