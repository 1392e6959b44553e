// Reading run files for comparison (see run_file_reader.hpp). HDF5 failures surface as OutputError
// from the shared handle helpers; read_run_file turns every failure into an InputError on the file.
#include "io/run_file_reader.hpp"

#include "io/hdf5_handles.hpp"
#include "io/hdf5_reading.hpp"
#include "io/input_error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <limits>

namespace convivia {
namespace {

using hdf5::has_link;
using hdf5::read_dataset;
using hdf5::read_int_attribute;
using hdf5::read_string_attribute;
using hdf5::read_string_dataset;

constexpr std::array<HeadlineIndicator, 14> indicators{{
    {"diversity_resource_share", "residents who regard diversity as a resource", "daily/diversity_resource_share",
     IndicatorSource::daily, true},
    {"generalised_trust", "generalised trust (0-10)", "daily/generalised_trust", IndicatorSource::daily, false},
    {"mean_outgroup_trust", "mean out-group trust (0-1)", "daily/mean_outgroup_trust", IndicatorSource::daily, false},
    {"intergroup_encounter_share", "intergroup share of encounters (that day)", "daily/intergroup_encounter_share",
     IndicatorSource::daily, true},
    {"cross_group_tie_share", "residents with a cross-group tie", "daily/cross_group_tie_share", IndicatorSource::daily, true},
    {"perceived_discrimination_share", "perceived discrimination (last 30 days)", "daily/perceived_discrimination_share",
     IndicatorSource::daily, true},
    {"employment_rate", "employment rate of adults", "daily/employment_rate", IndicatorSource::daily, true},
    {"largest_employment_gap", "largest employment gap to the majority", "daily/employment_gap_by_group",
     IndicatorSource::daily_largest_by_group, true},
    {"mean_institutional_trust", "mean institutional trust (0-1)", "daily/mean_institutional_trust", IndicatorSource::daily,
     false},
    {"mean_belonging", "mean belonging (0-1)", "daily/mean_belonging", IndicatorSource::daily, false},
    {"multigroup_dissimilarity", "multigroup dissimilarity D, blocks (month)", "monthly/city_by_cell/multigroup_dissimilarity",
     IndicatorSource::monthly, false},
    {"theil_h", "Theil's H, blocks (month)", "monthly/city_by_cell/theil_h", IndicatorSource::monthly, false},
    {"school_multigroup_dissimilarity", "multigroup dissimilarity D of pupils, schools (month)",
     "monthly/city_by_school/multigroup_dissimilarity", IndicatorSource::monthly, false},
    {"cohesion_index", "cohesion index (0-100, month)", "monthly/cohesion_index", IndicatorSource::monthly, false},
}};

constexpr std::string_view run_conventions = "convivia-run-1";

// A daily series of the policy cost, or zeros if the file predates it.
std::vector<double> read_cost_series(hid_t file, const std::string& path, hsize_t days) {
  if (!hdf5::has_link(file, path)) return std::vector<double>(days, 0.0);
  std::vector<hsize_t> dims;
  std::vector<double> values = hdf5::read_dataset<double>(file, path, dims);
  hdf5::require_length(path, dims, 1, days);
  return values;
}

// /policies and the daily cost series; a file without them holds no policy.
void read_policies(hid_t file, RunFile& run) {
  const auto days = static_cast<hsize_t>(run.days_run);
  run.policy_annual_cost_eur = read_cost_series(file, "daily/policy_annual_cost_eur", days);
  run.policy_cumulative_cost_eur = read_cost_series(file, "daily/policy_cumulative_cost_eur", days);
  if (!hdf5::has_link(file, "policies")) return;
  const std::vector<std::string> kind = hdf5::read_string_dataset(file, "policies/kind");
  const std::size_t count = kind.size();
  const std::vector<std::string> name = hdf5::read_string_dataset(file, "policies/name");
  const std::vector<std::string> districts = hdf5::read_string_dataset(file, "policies/districts");
  const std::vector<std::string> groups = hdf5::read_string_dataset(file, "policies/groups");
  std::vector<hsize_t> dims;
  const auto numbers = [&](const char* path, auto element) {
    auto values = hdf5::read_dataset<decltype(element)>(file, path, dims);
    hdf5::require_length(path, dims, 1, count);
    return values;
  };
  const std::vector<double> intensity = numbers("policies/intensity", 0.0);
  const std::vector<double> annual_cost = numbers("policies/annual_cost_eur", 0.0);
  const std::vector<std::int32_t> start_day = numbers("policies/start_day", std::int32_t{0});
  const std::vector<std::int32_t> end_day = numbers("policies/end_day", std::int32_t{0});
  for (const auto* strings : {&name, &districts, &groups})
    if (strings->size() != count) throw OutputError("the datasets in /policies differ in length");
  for (std::size_t p = 0; p < count; ++p)
    run.policies.push_back({kind[p], name[p], intensity[p], start_day[p], end_day[p], annual_cost[p], districts[p], groups[p]});
}

RunFile read_open_file(hid_t file, const std::string& path) {
  RunFile run;
  run.path = path;
  run.scenario_name = hdf5::read_string_attribute(file, "scenario_name");
  run.seed = hdf5::read_string_attribute(file, "seed");
  run.days_run = hdf5::read_int_attribute(file, "days_run");
  run.resident_count = hdf5::read_int_attribute(file, "resident_count");
  if (run.days_run <= 0) throw OutputError("the run recorded no day (days_run = " + std::to_string(run.days_run) + ")");
  // No run is longer (run.days); a larger count is a damaged file, and compare loops over the days.
  if (run.days_run > 36500)
    throw OutputError("days_run = " + std::to_string(run.days_run) + " is more than a run can have (36500)");
  run.group_names = hdf5::read_string_dataset(file, "group");
  run.district_names = hdf5::read_string_dataset(file, "district");
  std::vector<hsize_t> dims;
  run.month_days = hdf5::read_dataset<std::int32_t>(file, "month_day", dims);
  if (run.month_days.empty() || run.month_days.front() != 0) throw OutputError("/month_day does not start with day 0");
  const auto days = static_cast<hsize_t>(run.days_run);
  for (const HeadlineIndicator& indicator : indicators) {
    const std::string dataset(indicator.dataset);
    std::vector<double> values = hdf5::read_dataset<double>(file, dataset, dims);
    switch (indicator.source) {
      case IndicatorSource::daily:
        hdf5::require_length(dataset, dims, 1, days);
        break;
      case IndicatorSource::monthly:
        hdf5::require_length(dataset, dims, 1, run.month_days.size());
        break;
      case IndicatorSource::daily_largest_by_group: {
        hdf5::require_length(dataset, dims, 2, days);
        const std::size_t G = dims[1];
        std::vector<double> largest(days, std::numeric_limits<double>::quiet_NaN());
        for (std::size_t d = 0; d < days && G > 0; ++d)
          largest[d] = *std::max_element(values.begin() + static_cast<std::ptrdiff_t>(d * G),
                                         values.begin() + static_cast<std::ptrdiff_t>((d + 1) * G));
        values = std::move(largest);
        break;
      }
    }
    run.series.push_back(std::move(values));
  }
  read_policies(file, run);
  return run;
}

}  // namespace

std::span<const HeadlineIndicator> headline_indicators() { return indicators; }

int find_headline_indicator(std::string_view name) {
  for (std::size_t i = 0; i < indicators.size(); ++i)
    if (indicators[i].name == name) return static_cast<int>(i);
  return -1;
}

double RunFile::value(std::size_t indicator, std::int64_t day) const {
  const std::vector<double>& values = series.at(indicator);
  if (indicators[indicator].source != IndicatorSource::monthly) return values.at(static_cast<std::size_t>(day));
  // The last month that started on or before the day.
  const auto after = std::upper_bound(month_days.begin(), month_days.end(), day);
  return values.at(static_cast<std::size_t>(after - month_days.begin()) - 1);
}

double RunFile::mean_annual_policy_cost_eur() const {
  if (policy_annual_cost_eur.empty()) return 0.0;
  double sum = 0.0;
  for (const double cost : policy_annual_cost_eur) sum += cost;
  return sum / static_cast<double>(policy_annual_cost_eur.size());
}

RunFile read_run_file(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) throw InputError(path, 0, "", "no such file");
  hdf5::silence_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    H5Eclear2(H5E_DEFAULT);
    throw InputError(path, 0, "", "not an HDF5 file, so not a Convivia run file");
  }
  try {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
    std::string conventions;
    try {
      conventions = hdf5::read_string_attribute(file.get(), "conventions");
    } catch (const OutputError&) {
      throw InputError(path, 0, "", "not a Convivia run file (no conventions attribute)");
    }
    if (conventions != run_conventions)
      throw InputError(path, 0, "", "not a Convivia city run file (conventions \"" + conventions + "\", expected \"" +
                                        std::string(run_conventions) + "\")");
    return read_open_file(file.get(), path);
  } catch (const OutputError& failure) {
    throw InputError(path, 0, "", std::string("damaged or incomplete run file: ") + failure.what());
  }
}

}  // namespace convivia
