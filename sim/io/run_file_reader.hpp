// Reads what `convivia compare` needs from a run file (docs/output-format.md, layout
// `convivia-run-1`): the root attributes that identify the run and its city, the headline
// indicator series from /daily and /monthly, and the policies with their daily cost. The file is read whole at once (a few numbers per day);
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

// One policy of the run's scenario, as /policies records it.
struct PolicyRecord {
  std::string kind;
  std::string name;
  double intensity = 0.0;
  std::int32_t start_day = 0;
  std::int32_t end_day = 0;  // inclusive
  double annual_cost_eur = 0.0;
  std::string districts;  // target names separated by ';'; empty: city-wide
  std::string groups;     // target names separated by ';'; empty: every group
};

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
  // The scenario's policies and, per day, the annual cost of those active (EUR/year) and the amount
  // spent so far (EUR). Files written before policies were recorded: no policy, costs 0.
  std::vector<PolicyRecord> policies;
  std::vector<double> policy_annual_cost_eur;
  std::vector<double> policy_cumulative_cost_eur;

  // Mean over the run's days of the annual cost of the active policies, in euros per year.
  double mean_annual_policy_cost_eur() const;

  // The indicator's value on `day` (0 <= day < days_run); for a monthly indicator, the value measured
  // at the start of the month containing the day. NaN if the run did not record it.
  double value(std::size_t indicator, std::int64_t day) const;
};

// Throws InputError (file = path) if the file is missing, not HDF5, not a Convivia run file or damaged.
RunFile read_run_file(const std::string& path);

}  // namespace convivia
