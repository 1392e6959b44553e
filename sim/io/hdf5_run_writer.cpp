// Writes one run to an HDF5 file laid out as described in docs/output-format.md.
// Time series are extendible along their first dimension (day, tick or month_day) and written in
// blocks of buffered rows, so a year-long run makes a few hundred HDF5 calls, not one per value.
// Object time stamps are switched off everywhere, so the same run gives the same bytes apart from
// the created_utc attribute. Called from the simulation thread only (HDF5 is not used concurrently).
#include "io/hdf5_run_writer.hpp"

#include "core/calendar.hpp"
#include "io/hdf5_datasets.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_output_file.hpp"
#include "io/sha256.hpp"
#include "policy/policy_kinds.hpp"
#include "policy/policy_schedule.hpp"
#include "systems/cohesion_index.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <numeric>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#ifndef CONVIVIA_VERSION
#define CONVIVIA_VERSION "unknown"
#endif
#include "convivia_git_commit.hpp"

namespace convivia {

Provenance make_provenance(std::string scenario_text, std::uint64_t seed, const std::vector<std::string>& overrides) {
  Provenance provenance;
  for (const std::string& override_text : overrides) provenance.overrides += override_text + "\n";
  provenance.model_version = CONVIVIA_VERSION;
  provenance.git_commit = CONVIVIA_GIT_COMMIT;
  provenance.scenario_sha256 = sha256_hex(scenario_text);
  provenance.scenario_text = std::move(scenario_text);
  provenance.seed = std::to_string(seed);
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  provenance.created_utc = text;
  return provenance;
}

namespace {

using hdf5::Axis;
using hdf5::check_id;
using hdf5::create_dataset;
using hdf5::describe;
using hdf5::make_scale;
using hdf5::write_fixed;
using hdf5::write_strings;
using hdf5::check_status;
using hdf5::create_group;
using hdf5::Handle;
using hdf5::Types;
using hdf5::with_path;

constexpr hsize_t day_block = 64;    // days or ticks buffered per write; also the chunk length in time
constexpr hsize_t month_block = 12;  // months buffered per write

// An extendible dataset filled row by row along its first dimension. Rows are buffered and written
// block_rows at a time (block_rows is also the chunk length, so each write fills whole chunks).
class Series {
 public:
  Series() = default;

  template <class T>
  static Series create(hid_t parent, const char* name, std::vector<Axis> axes, hsize_t block_rows, const char* units,
                       const char* long_name, const char* scale_name = nullptr) {
    Series series;
    series.name_ = name;
    if (scale_name != nullptr) axes[0].scale = H5I_INVALID_HID;
    series.dataset_ = create_dataset(parent, name, Types<T>::file(), sizeof(T), axes, true, block_rows, true);
    describe(series.dataset_.get(), units, long_name);
    if (scale_name != nullptr) make_scale(series.dataset_.get(), scale_name);
    series.memory_type_ = Types<T>::memory();
    series.shape_.push_back(0);
    series.row_elements_ = 1;
    for (std::size_t i = 1; i < axes.size(); ++i) {
      series.shape_.push_back(axes[i].size);
      series.row_elements_ *= static_cast<std::size_t>(axes[i].size);
    }
    series.element_size_ = sizeof(T);
    series.block_rows_ = block_rows;
    series.buffer_.resize(static_cast<std::size_t>(block_rows) * series.row_elements_ * sizeof(T));
    return series;
  }

  hid_t id() const { return dataset_.get(); }
  std::size_t row_elements() const { return row_elements_; }
  hsize_t rows() const { return shape_.empty() ? 0 : shape_[0] + buffered_rows_; }

  template <class T>
  void append(std::span<const T> row) {
    if (row.size() != row_elements_ || sizeof(T) != element_size_) {
      throw OutputError("append to " + name_ + ": row has " + std::to_string(row.size()) + " values, expected " +
                        std::to_string(row_elements_));
    }
    if (!row.empty()) std::memcpy(buffer_.data() + buffered_rows_ * row.size_bytes(), row.data(), row.size_bytes());
    if (++buffered_rows_ == block_rows_) flush();
  }
  template <class T>
  void append_value(T value) {
    append(std::span<const T>(&value, 1));
  }

  void flush() {
    if (buffered_rows_ == 0) return;
    const std::string what = "write " + name_;
    std::vector<hsize_t> start(shape_.size(), 0), count = shape_;
    start[0] = shape_[0];
    count[0] = buffered_rows_;
    std::vector<hsize_t> extent = shape_;
    extent[0] += buffered_rows_;
    check_status(H5Dset_extent(dataset_.get(), extent.data()), what);
    if (row_elements_ > 0) {
      Handle file_space = hdf5::dataspace(H5Dget_space(dataset_.get()), what);
      check_status(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
                   what);
      Handle memory_space =
          hdf5::dataspace(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), what);
      check_status(
          H5Dwrite(dataset_.get(), memory_type_, memory_space.get(), file_space.get(), H5P_DEFAULT, buffer_.data()),
          what);
    }
    shape_[0] = extent[0];
    buffered_rows_ = 0;
  }

  void close() { dataset_.reset(); }

 private:
  std::string name_;
  Handle dataset_;
  hid_t memory_type_ = H5I_INVALID_HID;
  std::vector<hsize_t> shape_;  // rows written so far, then the fixed trailing dimensions
  std::size_t row_elements_ = 0;
  std::size_t element_size_ = 0;
  hsize_t block_rows_ = 1;
  hsize_t buffered_rows_ = 0;
  std::vector<std::byte> buffer_;
};

// Tables of what goes into /daily and /monthly: name, field, units, long name.
struct DailyReal {
  const char* name;
  double DailyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr DailyReal daily_reals[] = {
    {"diversity_resource_share", &DailyIndicators::diversity_resource_share, "1",
     "share of residents whose mean out-group trust is at or above the diversity threshold"},
    {"generalised_trust", &DailyIndicators::generalised_trust, "0-10 scale", "mean generalised trust (ESS 0-10 scale)"},
    {"mean_outgroup_trust", &DailyIndicators::mean_outgroup_trust, "1", "mean trust toward out-groups (0-1 scale)"},
    {"intergroup_encounter_share", &DailyIndicators::intergroup_encounter_share, "1",
     "share of the day's encounters that were between members of different groups"},
    {"cross_group_tie_share", &DailyIndicators::cross_group_tie_share, "1",
     "share of residents with at least one cross-group tie"},
    {"perceived_discrimination_share", &DailyIndicators::perceived_discrimination_share, "1",
     "share of residents with a discrimination event in the last 30 days"},
    {"employment_rate", &DailyIndicators::employment_rate, "1", "employed share of adults (working-age residents)"},
    {"mean_institutional_trust", &DailyIndicators::mean_institutional_trust, "1",
     "mean institutional trust of residents (0-1 scale)"},
    {"mean_belonging", &DailyIndicators::mean_belonging, "1", "mean belonging of residents (0-1 scale)"},
    {"forum_attendance_per_1000", &DailyIndicators::forum_attendance_per_1000, "per 1000 residents",
     "civic forum attendances in the last 7 days per 1000 residents"},
};

struct DailyCount {
  const char* name;
  std::int64_t DailyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr DailyCount daily_counts[] = {
    {"encounters", &DailyIndicators::encounters, "count", "encounters during the day"},
    {"intergroup_encounters", &DailyIndicators::intergroup_encounters, "count",
     "encounters between members of different groups during the day"},
    {"positive_contacts", &DailyIndicators::positive_contacts, "count", "positive intergroup contacts during the day"},
    {"negative_contacts", &DailyIndicators::negative_contacts, "count",
     "negative intergroup contacts during the day, including discrimination"},
    {"discrimination_events", &DailyIndicators::discrimination_events, "count", "discrimination events during the day"},
    {"conflicts", &DailyIndicators::conflicts, "count",
     "negative intergroup contacts during the day that escalated into an open conflict"},
    {"forum_attendance", &DailyIndicators::forum_attendance, "count", "civic forum attendances during the day"},
};

struct DailyGroupReal {
  const char* name;
  std::vector<double> DailyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr DailyGroupReal daily_group_reals[] = {
    {"diversity_resource_share_by_group", &DailyIndicators::diversity_resource_share_by_group, "1",
     "share of the group's residents whose mean out-group trust is at or above the diversity threshold"},
    {"generalised_trust_by_group", &DailyIndicators::generalised_trust_by_group, "0-10 scale",
     "mean generalised trust of the group's residents (ESS 0-10 scale)"},
    {"mean_outgroup_trust_by_group", &DailyIndicators::mean_outgroup_trust_by_group, "1",
     "mean trust of the group's residents toward out-groups (0-1 scale)"},
    {"cross_group_tie_share_by_group", &DailyIndicators::cross_group_tie_share_by_group, "1",
     "share of the group's residents with at least one cross-group tie"},
    {"perceived_discrimination_share_by_group", &DailyIndicators::perceived_discrimination_share_by_group, "1",
     "share of the group's residents with a discrimination event in the last 30 days"},
    {"employment_rate_by_group", &DailyIndicators::employment_rate_by_group, "1",
     "employed share of the group's adults (working-age residents)"},
    {"employment_gap_by_group", &DailyIndicators::employment_gap_by_group, "1",
     "employment rate of the majority group minus that of the group (0.05 = 5 percentage points)"},
    {"mean_institutional_trust_by_group", &DailyIndicators::mean_institutional_trust_by_group, "1",
     "mean institutional trust of the group's residents (0-1 scale)"},
    {"mean_belonging_by_group", &DailyIndicators::mean_belonging_by_group, "1",
     "mean belonging of the group's residents (0-1 scale)"},
    {"forum_representation_by_group", &DailyIndicators::forum_representation_by_group, "1",
     "the group's share of civic forum attendances in the last 7 days over its share of adults and seniors "
     "(1 = proportional; 0 when nobody attended)"},
};

struct DailyGroupCount {
  const char* name;
  std::vector<std::int64_t> DailyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr DailyGroupCount daily_group_counts[] = {
    {"positive_contacts_by_group", &DailyIndicators::positive_contacts_by_group, "count",
     "positive intergroup contacts during the day with a member of the group taking part"},
    {"negative_contacts_by_group", &DailyIndicators::negative_contacts_by_group, "count",
     "negative intergroup contacts during the day with a member of the group taking part"},
    {"discrimination_events_by_group", &DailyIndicators::discrimination_events_by_group, "count",
     "discrimination events during the day against members of the group"},
    {"forum_attendance_by_group", &DailyIndicators::forum_attendance_by_group, "count",
     "civic forum attendances during the day by members of the group"},
};

struct DistrictReal {
  const char* name;
  std::vector<double> MonthlyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr DistrictReal district_reals[] = {
    {"district_diversity_resource_share", &MonthlyIndicators::district_diversity_resource_share, "1",
     "share of the district's residents whose mean out-group trust is at or above the diversity threshold"},
    {"district_mean_outgroup_trust", &MonthlyIndicators::district_mean_outgroup_trust, "1",
     "mean trust of the district's residents toward out-groups (0-1 scale)"},
    {"district_generalised_trust", &MonthlyIndicators::district_generalised_trust, "0-10 scale",
     "mean generalised trust of the district's residents (ESS 0-10 scale)"},
    {"district_multigroup_dissimilarity", &MonthlyIndicators::district_multigroup_dissimilarity, "1",
     "multigroup dissimilarity index within the district, over its cells"},
    {"district_theil_h", &MonthlyIndicators::district_theil_h, "1",
     "Theil's information index H within the district, over its cells"},
    {"district_perceived_discrimination_share", &MonthlyIndicators::district_perceived_discrimination_share, "1",
     "share of the district's residents with a discrimination event in the last 30 days"},
    {"district_diversity", &MonthlyIndicators::district_diversity, "1",
     "group entropy of the district's residents divided by its maximum, ln(group count)"},
};

// City-wide monthly scalars and per-group monthly rows.
struct MonthlyReal {
  const char* name;
  double MonthlyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr MonthlyReal monthly_reals[] = {
    {"contact_trust_correlation", &MonthlyIndicators::contact_trust_correlation, "1",
     "correlation across residents of positive intergroup contacts in the last 90 days with mean out-group trust"},
    {"conflicts_per_1000_residents", &MonthlyIndicators::conflicts_per_1000_residents, "per 1000 residents",
     "conflicts during the month that ended, per 1000 residents"},
    {"diversity_trust_slope", &MonthlyIndicators::diversity_trust_slope, "0-10 scale per unit of diversity",
     "slope of district generalised trust on district diversity, weighted by residents"},
    {"mean_within_group_overlap", &MonthlyIndicators::mean_within_group_overlap, "1",
     "expected share of cultural features two random members of the same group share"},
    {"mean_between_group_overlap", &MonthlyIndicators::mean_between_group_overlap, "1",
     "expected share of cultural features two random members of different groups share"},
    {"cohesion_index", &MonthlyIndicators::cohesion_index, "0-100", "cohesion index (mean of its three domains)"},
    {"cohesion_social_relations", &MonthlyIndicators::cohesion_social_relations, "1",
     "cohesion domain: social relations"},
    {"cohesion_connectedness", &MonthlyIndicators::cohesion_connectedness, "1", "cohesion domain: connectedness"},
    {"cohesion_focus_on_common_good", &MonthlyIndicators::cohesion_focus_on_common_good, "1",
     "cohesion domain: focus on the common good"},
    {"newcomer_share", &MonthlyIndicators::newcomer_share, "1",
     "share of residents who arrived in the city in the last 12 months, this month's arrivals included"},
};

struct MonthlyCount {
  const char* name;
  std::int64_t MonthlyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr MonthlyCount monthly_counts[] = {
    {"distinct_cultures", &MonthlyIndicators::distinct_cultures, "count", "number of distinct cultures held by residents"},
    {"hires", &MonthlyIndicators::hires, "count", "hires by the labour market step that opened the month"},
    {"job_losses", &MonthlyIndicators::job_losses, "count", "job losses by the labour market step that opened the month"},
    {"labour_discrimination_events", &MonthlyIndicators::labour_discrimination_events, "count",
     "job applications refused by discrimination in the labour market step that opened the month"},
    {"service_uses", &MonthlyIndicators::service_uses, "count",
     "public-service uses in the services step that opened the month"},
    {"service_discrimination_events", &MonthlyIndicators::service_discrimination_events, "count",
     "discrimination events at public services in the services step that opened the month"},
    {"households_moved", &MonthlyIndicators::households_moved, "count",
     "households that moved within the city in the relocation step that opened the month"},
    {"housing_refusals", &MonthlyIndicators::housing_refusals, "count",
     "housing applications refused by discrimination in the relocation step that opened the month"},
};

struct MonthlyGroupCount {
  const char* name;
  std::vector<std::int64_t> MonthlyIndicators::*field;
  const char* units;
  const char* long_name;
};
constexpr MonthlyGroupCount monthly_group_counts[] = {
    {"departures_by_group", &MonthlyIndicators::departures_by_group, "count",
     "residents of the group who left the city in the arrivals step that opened the month"},
    {"arrivals_by_group", &MonthlyIndicators::arrivals_by_group, "count",
     "residents of the group who arrived in the city in the arrivals step that opened the month"},
};

// The indicator's values, or fill values if the metrics left it empty (e.g. districts not recorded).
template <class T>
std::span<const T> row_or_fill(const std::vector<T>& values, std::size_t expected, std::vector<T>& scratch, T fill,
                               const char* name) {
  if (values.size() == expected) return values;
  if (!values.empty()) {
    throw OutputError(std::string("indicator ") + name + " has " + std::to_string(values.size()) +
                      " values, expected " + std::to_string(expected));
  }
  scratch.assign(expected, fill);
  return scratch;
}

template <class T>
void require_size(const std::vector<T>& values, std::size_t expected, const char* name) {
  if (values.size() != expected) {
    throw OutputError(std::string("world field ") + name + " has " + std::to_string(values.size()) +
                      " values, expected " + std::to_string(expected));
  }
}

constexpr double not_recorded = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t count_not_recorded = -1;

}  // namespace

struct SegregationSeries {
  Handle group;
  Series dissimilarity, multigroup_dissimilarity, theil_h, isolation, exposure;
};

struct Hdf5RunWriter::Impl {
  std::string path;
  std::string temporary_path;
  bool finished = false;
  bool started = false;

  Handle file;
  std::size_t group_count = 0;
  std::size_t district_count = 0;
  std::size_t sample_count = 0;

  // Dimension scales.
  Handle group_scale, target_group_scale, district_scale, sample_scale, venue_scale, x_scale, y_scale;
  Series day, tick, month_day;
  // Fixed description of the world, closed after on_start.
  // Daily.
  Handle daily_group;
  std::vector<Series> daily_real_series, daily_count_series, daily_group_real_series, daily_group_count_series;
  Series trust_matrix;
  // Monthly.
  Handle monthly_group;
  Series month;
  SegregationSeries by_cell, by_district, by_school;
  std::vector<Series> district_real_series;
  Series district_residents_by_group;
  std::vector<Series> monthly_real_series, monthly_count_series;
  std::vector<Series> monthly_group_count_series;
  Series culture_overlap, cohesion_dimensions;
  // Samples.
  Handle samples_group;
  Series sample_venue, sample_outgroup_trust;
  // Policies: the scenario's list, and the daily cost series computed from it.
  Handle policies_group;
  std::vector<PolicyConfig> policies;
  Series policy_annual_cost, policy_cumulative_cost;
  double policy_cumulative_cost_eur = 0.0;

  std::vector<double> real_scratch;
  std::vector<std::int64_t> count_scratch;

  ~Impl() {
    if (finished) return;
    close_all();
    std::error_code ignored;
    std::filesystem::remove(temporary_path, ignored);
  }

  std::vector<Series*> all_series() {
    std::vector<Series*> series = {&day,          &tick,
                                   &month_day,    &trust_matrix,
                                   &month,        &district_residents_by_group,
                                   &sample_venue, &sample_outgroup_trust,
                                   &culture_overlap, &cohesion_dimensions,
                                   &policy_annual_cost, &policy_cumulative_cost};
    for (SegregationSeries* indices : {&by_cell, &by_district, &by_school}) {
      for (Series* s : {&indices->dissimilarity, &indices->multigroup_dissimilarity, &indices->theil_h,
                        &indices->isolation, &indices->exposure}) {
        series.push_back(s);
      }
    }
    for (auto* list : {&daily_real_series, &daily_count_series, &daily_group_real_series, &daily_group_count_series,
                       &district_real_series, &monthly_real_series, &monthly_count_series,
                       &monthly_group_count_series}) {
      for (Series& s : *list) series.push_back(&s);
    }
    return series;
  }

  // Closes every object, then the file, without reporting errors (cleanup after a failure).
  void close_all() noexcept {
    for (Series* series : all_series()) series->close();
    for (Handle* handle :
         {&by_cell.group, &by_district.group, &by_school.group, &daily_group, &monthly_group, &samples_group, &policies_group, &group_scale,
          &target_group_scale, &district_scale, &sample_scale, &venue_scale, &x_scale, &y_scale}) {
      handle->reset();
    }
    file.reset();
  }

  void create(const Provenance& provenance);
  void start(const ScenarioConfig& config, const World& world, std::span<const std::uint32_t> sample);
  void write_groups(const ScenarioConfig& config, const World& world);
  void write_districts(const City& city);
  void write_city(const City& city);
  void write_venues(const Venues& venues);
  void write_policies(const std::vector<PolicyConfig>& scenario_policies);
  void create_series();
  void slot(int tick_index, std::span<const std::uint32_t> sample_venues);
  void add_day(const DailyIndicators& daily, std::span<const float> sample_outgroup_trust);
  void add_month(const MonthlyIndicators& monthly);
  void finish(int days_run);
};

void Hdf5RunWriter::Impl::create(const Provenance& provenance) {
  file = hdf5::create_output_file(path, temporary_path, "Convivia simulation run", "convivia-run-1", provenance);
}

void Hdf5RunWriter::Impl::start(const ScenarioConfig& config, const World& world,
                                std::span<const std::uint32_t> sample) {
  if (started) throw OutputError("on_start called twice");
  started = true;
  const hid_t root = file.get();
  const Population& residents = world.residents;
  const City& city = world.city;
  group_count = static_cast<std::size_t>(residents.group_count);
  district_count = city.districts.size();
  sample_count = sample.size();

  hdf5::write_string_attribute(root, "scenario_name", config.name);
  hdf5::write_int_attribute(root, "planned_days", config.run.days);
  hdf5::write_int_attribute(root, "start_weekday", config.run.start_weekday);
  hdf5::write_double_attribute(root, "diversity_threshold", config.output.diversity_threshold);
  hdf5::write_int_attribute(root, "resident_count", static_cast<std::int64_t>(residents.size()));

  // Dimension scales first, so every dataset after can attach to them.
  std::vector<std::string> group_names(group_count);
  for (std::size_t g = 0; g < group_count; ++g) {
    group_names[g] = g < world.group_names.size() ? world.group_names[g] : "group_" + std::to_string(g);
  }
  group_scale = write_strings(root, "group", group_names, {"group", H5I_INVALID_HID, 0}, "origin group", true);
  target_group_scale = write_strings(root, "target_group", group_names, {"target_group", H5I_INVALID_HID, 0},
                                     "origin group toward which trust or exposure is measured", true);
  std::vector<std::string> district_ids;
  for (const District& district : city.districts) district_ids.push_back(district.id);
  district_scale = write_strings(root, "district", district_ids, {"district", H5I_INVALID_HID, 0}, "district id", true);

  for (std::uint32_t resident : sample) {
    if (resident >= residents.size()) {
      throw OutputError("sampled resident " + std::to_string(resident) + " does not exist");
    }
  }
  sample_scale = write_fixed<std::uint32_t>(root, "sample", sample, {{"sample", H5I_INVALID_HID, sample_count}}, "1",
                                            "resident id of each sampled resident", true);
  std::vector<std::uint32_t> venue_ids(world.venues.size());
  std::iota(venue_ids.begin(), venue_ids.end(), 0u);
  venue_scale = write_fixed<std::uint32_t>(root, "venue", venue_ids, {{"venue", H5I_INVALID_HID, venue_ids.size()}},
                                           "1", "venue id", true);
  std::vector<double> centres(static_cast<std::size_t>(std::max(city.width, 0)));
  for (std::size_t i = 0; i < centres.size(); ++i) centres[i] = (static_cast<double>(i) + 0.5) * city.cell_size_m;
  x_scale = write_fixed<double>(root, "x", centres, {{"x", H5I_INVALID_HID, centres.size()}}, "m",
                                "east coordinate of cell centres in the city frame", true);
  centres.resize(static_cast<std::size_t>(std::max(city.height, 0)));
  for (std::size_t i = 0; i < centres.size(); ++i) centres[i] = (static_cast<double>(i) + 0.5) * city.cell_size_m;
  y_scale = write_fixed<double>(root, "y", centres, {{"y", H5I_INVALID_HID, centres.size()}}, "m",
                                "north coordinate of cell centres in the city frame", true);
  day = Series::create<std::int32_t>(root, "day", {{"day", H5I_INVALID_HID, 0}}, day_block, "day",
                                     "day index since the start of the run", "day");
  tick = Series::create<std::int32_t>(root, "tick", {{"tick", H5I_INVALID_HID, 0}}, day_block, "tick",
                                      "time slot index: day * 3 + slot (0 daytime, 1 leisure, 2 evening)", "tick");
  month_day = Series::create<std::int32_t>(root, "month_day", {{"month_day", H5I_INVALID_HID, 0}}, month_block, "day",
                                           "first day of each 30-day month", "month_day");

  write_groups(config, world);
  write_districts(city);
  write_city(city);
  write_venues(world.venues);
  write_policies(config.policies);

  samples_group = create_group(root, "samples");
  std::vector<std::uint8_t> sample_group;
  std::vector<std::uint32_t> sample_home;
  for (std::uint32_t resident : sample) {
    sample_group.push_back(residents.group[resident]);
    sample_home.push_back(residents.home_venue[resident]);
  }
  const Axis sample_axis{"sample", sample_scale.get(), sample_count};
  write_fixed<std::uint8_t>(samples_group.get(), "group", sample_group, {sample_axis}, "1",
                            "group index of each sampled resident");
  write_fixed<std::uint32_t>(samples_group.get(), "home_venue", sample_home, {sample_axis}, "1",
                             "home-block venue id of each sampled resident at the start");
  create_series();
}

void Hdf5RunWriter::Impl::write_groups(const ScenarioConfig& config, const World& world) {
  Handle groups = create_group(file.get(), "groups");
  const Axis axis{"group", group_scale.get(), group_count};
  std::vector<std::string> colour;
  std::vector<std::uint8_t> speaks_language;
  std::vector<double> share, arrival_rate, departure_rate;
  for (std::size_t g = 0; g < group_count; ++g) {
    // Groups are matched to their configuration by name (imported cities name groups in the data),
    // falling back to position.
    const GroupConfig* found = nullptr;
    for (const GroupConfig& candidate : config.groups) {
      if (g < world.group_names.size() && candidate.name == world.group_names[g]) found = &candidate;
    }
    if (found == nullptr && g < config.groups.size()) found = &config.groups[g];
    const GroupConfig group = found != nullptr ? *found : GroupConfig{};
    colour.push_back(group.colour);
    speaks_language.push_back(group.speaks_language ? 1 : 0);
    share.push_back(group.share);
    arrival_rate.push_back(group.arrival_rate_per_year);
    departure_rate.push_back(group.departure_rate_per_year);
  }
  std::vector<std::int64_t> residents_by_group(group_count, 0);
  for (std::uint8_t g : world.residents.group) {
    if (g < group_count) ++residents_by_group[g];
  }
  write_strings(groups.get(), "colour", colour, axis, "display colour of the group (#rrggbb)");
  write_fixed<std::uint8_t>(groups.get(), "speaks_language", speaks_language, {axis}, "1",
                            "1 if the group speaks the city's majority language at arrival");
  write_fixed<double>(groups.get(), "share", share, {axis}, "1", "configured city-wide share of residents");
  write_fixed<double>(groups.get(), "arrival_rate_per_year", arrival_rate, {axis}, "1/year",
                      "weight of the group among arrivals (arrivals are drawn in proportion to this rate times "
                      "the group's residents; in total they equal departures)");
  write_fixed<double>(groups.get(), "departure_rate_per_year", departure_rate, {axis}, "1/year",
                      "share of the group's households leaving the city per year");
  write_fixed<std::int64_t>(groups.get(), "initial_residents", residents_by_group, {axis}, "count",
                            "residents of the group at the start of the run");
}

void Hdf5RunWriter::Impl::write_districts(const City& city) {
  Handle districts = create_group(file.get(), "districts");
  const Axis axis{"district", district_scale.get(), district_count};
  std::vector<std::string> names;
  std::vector<std::int32_t> cell_count, ring_district, ring_vertex_count;
  std::vector<std::int64_t> ring_start;
  std::vector<double> vertex_x, vertex_y;
  for (std::size_t d = 0; d < district_count; ++d) {
    const District& district = city.districts[d];
    names.push_back(district.name);
    cell_count.push_back(district.cell_count);
    for (const RingM& ring : district.outline_m) {
      ring_district.push_back(static_cast<std::int32_t>(d));
      ring_start.push_back(static_cast<std::int64_t>(vertex_x.size()));
      ring_vertex_count.push_back(static_cast<std::int32_t>(ring.size()));
      for (const PointM& point : ring) {
        vertex_x.push_back(point[0]);
        vertex_y.push_back(point[1]);
      }
    }
  }
  write_strings(districts.get(), "name", names, axis, "district name");
  write_fixed<std::int32_t>(districts.get(), "cell_count", cell_count, {axis}, "count", "cells in the district");
  // Index scales give the ragged outline arrays named dimensions too.
  std::vector<std::uint32_t> ring_ids(ring_district.size()), vertex_ids(vertex_x.size());
  std::iota(ring_ids.begin(), ring_ids.end(), 0u);
  std::iota(vertex_ids.begin(), vertex_ids.end(), 0u);
  Handle ring_scale = write_fixed<std::uint32_t>(
      districts.get(), "ring", ring_ids, {{"ring", H5I_INVALID_HID, ring_ids.size()}}, "1", "outline ring index", true);
  Handle vertex_scale =
      write_fixed<std::uint32_t>(districts.get(), "vertex", vertex_ids,
                                 {{"vertex", H5I_INVALID_HID, vertex_ids.size()}}, "1", "outline vertex index", true);
  const Axis ring_axis{"ring", ring_scale.get(), ring_ids.size()};
  const Axis vertex_axis{"vertex", vertex_scale.get(), vertex_ids.size()};
  write_fixed<std::int32_t>(districts.get(), "ring_district", ring_district, {ring_axis}, "1",
                            "district index of each outline ring");
  write_fixed<std::int64_t>(districts.get(), "ring_start", ring_start, {ring_axis}, "1",
                            "index of the first vertex of each outline ring");
  write_fixed<std::int32_t>(districts.get(), "ring_vertex_count", ring_vertex_count, {ring_axis}, "count",
                            "vertices in each outline ring");
  write_fixed<double>(districts.get(), "vertex_x_m", vertex_x, {vertex_axis}, "m",
                      "east coordinate of outline vertices in the city frame");
  write_fixed<double>(districts.get(), "vertex_y_m", vertex_y, {vertex_axis}, "m",
                      "north coordinate of outline vertices in the city frame");
}

void Hdf5RunWriter::Impl::write_city(const City& city) {
  Handle city_group = create_group(file.get(), "city");
  const std::size_t cells =
      static_cast<std::size_t>(std::max(city.width, 0)) * static_cast<std::size_t>(std::max(city.height, 0));
  require_size(city.cell_district, cells, "cell_district");
  require_size(city.cell_capacity, cells, "cell_capacity");
  require_size(city.cell_social_housing, cells, "cell_social_housing");
  const std::vector<Axis> raster = {{"y", y_scale.get(), static_cast<hsize_t>(std::max(city.height, 0))},
                                    {"x", x_scale.get(), static_cast<hsize_t>(std::max(city.width, 0))}};
  Handle cell_district = write_fixed<std::int32_t>(city_group.get(), "cell_district", city.cell_district, raster, "1",
                                                   "district index of each cell (-1: outside every district)");
  write_fixed<std::uint16_t>(city_group.get(), "cell_capacity", city.cell_capacity, raster, "households",
                             "housing capacity of each cell");
  write_fixed<std::uint8_t>(city_group.get(), "cell_social_housing", city.cell_social_housing, raster, "1",
                            "1 if the cell's housing is social housing");
  for (hid_t object : {city_group.get(), cell_district.get()}) {
    hdf5::write_double_attribute(object, "cell_size_m", city.cell_size_m);
    hdf5::write_double_attribute(object, "origin_lon", city.origin_lon);
    hdf5::write_double_attribute(object, "origin_lat", city.origin_lat);
    hdf5::write_double_attribute(object, "origin_x_m", city.origin_x_m);
    hdf5::write_double_attribute(object, "origin_y_m", city.origin_y_m);
    hdf5::write_int_attribute(object, "width", city.width);
    hdf5::write_int_attribute(object, "height", city.height);
  }
}

void Hdf5RunWriter::Impl::write_venues(const Venues& venues) {
  Handle group = create_group(file.get(), "venues");
  const std::size_t count = venues.size();
  require_size(venues.cell, count, "venues.cell");
  require_size(venues.district, count, "venues.district");
  require_size(venues.capacity, count, "venues.capacity");
  require_size(venues.slot_mask, count, "venues.slot_mask");
  require_size(venues.weekday_mask, count, "venues.weekday_mask");
  require_size(venues.cooperation, count, "venues.cooperation");
  require_size(venues.attractiveness, count, "venues.attractiveness");
  require_size(venues.x_m, count, "venues.x_m");
  require_size(venues.y_m, count, "venues.y_m");
  const std::vector<Axis> axis = {{"venue", venue_scale.get(), count}};
  std::vector<std::uint8_t> kind(count);
  for (std::size_t v = 0; v < count; ++v) kind[v] = static_cast<std::uint8_t>(venues.kind[v]);
  Handle kind_dataset = write_fixed<std::uint8_t>(group.get(), "kind", kind, axis, "1",
                                                  "venue kind, an index into the kind_names attribute");
  hdf5::write_string_array_attribute(kind_dataset.get(), "kind_names", venue_kind_names);
  write_fixed<std::uint32_t>(group.get(), "cell", venues.cell, axis, "1", "cell index (y * width + x) of the venue");
  write_fixed<std::int32_t>(group.get(), "district", venues.district, axis, "1",
                            "district index of the venue (-1: outside every district)");
  write_fixed<float>(group.get(), "x_m", venues.x_m, axis, "m", "east coordinate of the venue in the city frame");
  write_fixed<float>(group.get(), "y_m", venues.y_m, axis, "m", "north coordinate of the venue in the city frame");
  write_fixed<std::uint32_t>(group.get(), "capacity", venues.capacity, axis, "count", "nominal capacity in residents");
  write_fixed<float>(group.get(), "cooperation", venues.cooperation, axis, "1",
                     "how far activities at the venue are cooperative and equal-status (0-1)");
  write_fixed<float>(group.get(), "attractiveness", venues.attractiveness, axis, "1", "utility in leisure choice");
  write_fixed<std::uint8_t>(group.get(), "slot_mask", venues.slot_mask, axis, "1",
                            "bit s set: open in slot s (0 daytime, 1 leisure, 2 evening)");
  write_fixed<std::uint8_t>(group.get(), "weekday_mask", venues.weekday_mask, axis, "1",
                            "bit d set: open on weekday d (0 Monday ... 6 Sunday)");
}

// Target names joined by ';' (names from scenarios and district tables hold no ';'); "" = city-wide.
std::string join_targets(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ";") + name;
  return joined;
}

void Hdf5RunWriter::Impl::write_policies(const std::vector<PolicyConfig>& scenario_policies) {
  policies = scenario_policies;
  policies_group = create_group(file.get(), "policies");
  const hid_t g = policies_group.get();
  const std::size_t count = policies.size();
  std::vector<std::uint32_t> ids(count);
  std::iota(ids.begin(), ids.end(), 0u);
  Handle policy_scale = write_fixed<std::uint32_t>(g, "policy", ids, {{"policy", H5I_INVALID_HID, count}}, "1",
                                                   "policy index, in the scenario's order", true);
  const Axis axis{"policy", policy_scale.get(), count};
  std::vector<std::string> kind, name, districts, groups;
  std::vector<double> intensity, annual_cost;
  std::vector<std::int32_t> start_day, end_day;
  for (const PolicyConfig& policy : policies) {
    kind.emplace_back(policy_kind_info(policy.kind).name);
    name.push_back(policy.name);
    districts.push_back(join_targets(policy.districts));
    groups.push_back(join_targets(policy.groups));
    intensity.push_back(policy.intensity);
    annual_cost.push_back(policy.annual_cost_eur);
    start_day.push_back(policy.start_day);
    end_day.push_back(policy.end_day);
  }
  write_strings(g, "kind", kind, axis, "policy kind (docs/policies.md)");
  write_strings(g, "name", name, axis, "label of the policy for reports (may be empty)");
  write_fixed<double>(g, "intensity", intensity, {axis}, "1", "share of the kind's full-intensity effect (0-1)");
  write_fixed<std::int32_t>(g, "start_day", start_day, {axis}, "day", "first day on which the policy acts");
  Handle end = write_fixed<std::int32_t>(g, "end_day", end_day, {axis}, "day",
                                         "last day on which the policy acts, inclusive");
  hdf5::write_int_attribute(end.get(), "open_end", policy_open_end_day);
  write_fixed<double>(g, "annual_cost_eur", annual_cost, {axis}, "EUR/year", "cost per year while the policy is active");
  write_strings(g, "districts", districts, axis, "target districts by name, separated by ';' (empty: city-wide)");
  write_strings(g, "groups", groups, axis, "target groups by name, separated by ';' (empty: every group)");
}

void Hdf5RunWriter::Impl::create_series() {
  const Axis day_axis{"day", day.id(), 0};
  const Axis tick_axis{"tick", tick.id(), 0};
  const Axis month_axis{"month_day", month_day.id(), 0};
  const Axis group_axis{"group", group_scale.get(), group_count};
  const Axis target_axis{"target_group", target_group_scale.get(), group_count};
  const Axis district_axis{"district", district_scale.get(), district_count};
  const Axis sample_axis{"sample", sample_scale.get(), sample_count};
  const Axis cohesion_axis{"cohesion_dimension", H5I_INVALID_HID, cohesion_dimension_names.size()};

  daily_group = create_group(file.get(), "daily");
  const hid_t daily = daily_group.get();
  for (const DailyReal& entry : daily_reals) {
    daily_real_series.push_back(
        Series::create<double>(daily, entry.name, {day_axis}, day_block, entry.units, entry.long_name));
  }
  for (const DailyCount& entry : daily_counts) {
    daily_count_series.push_back(
        Series::create<std::int64_t>(daily, entry.name, {day_axis}, day_block, entry.units, entry.long_name));
  }
  for (const DailyGroupReal& entry : daily_group_reals) {
    daily_group_real_series.push_back(
        Series::create<double>(daily, entry.name, {day_axis, group_axis}, day_block, entry.units, entry.long_name));
  }
  for (const DailyGroupCount& entry : daily_group_counts) {
    daily_group_count_series.push_back(Series::create<std::int64_t>(daily, entry.name, {day_axis, group_axis},
                                                                    day_block, entry.units, entry.long_name));
  }
  policy_annual_cost = Series::create<double>(daily, "policy_annual_cost_eur", {day_axis}, day_block, "EUR/year",
                                              "sum of the annual costs of the policies active that day");
  policy_cumulative_cost =
      Series::create<double>(daily, "policy_cumulative_cost_eur", {day_axis}, day_block, "EUR",
                             "amount spent on policies up to and including the day: the sum over days of the day's "
                             "annual cost / 365");
  trust_matrix = Series::create<double>(daily, "trust_matrix", {day_axis, group_axis, target_axis}, day_block, "1",
                                        "mean trust of members of group toward members of target_group (0-1 scale)");

  monthly_group = create_group(file.get(), "monthly");
  const hid_t monthly = monthly_group.get();
  month = Series::create<std::int32_t>(monthly, "month", {month_axis}, month_block, "1", "month index (0 for day 0)");
  for (auto [indices, name, units_name] : {std::tuple{&by_cell, "city_by_cell", "inhabited cells"},
                                           std::tuple{&by_district, "city_by_district", "districts"},
                                           std::tuple{&by_school, "city_by_school", "schools (their pupils)"}}) {
    indices->group = create_group(monthly, name);
    const hid_t g = indices->group.get();
    hdf5::write_string_attribute(g, "spatial_units", units_name);
    indices->dissimilarity = Series::create<double>(g, "dissimilarity", {month_axis, group_axis}, month_block, "1",
                                                    "dissimilarity index D of each group against the rest");
    indices->multigroup_dissimilarity = Series::create<double>(g, "multigroup_dissimilarity", {month_axis}, month_block,
                                                               "1", "multigroup dissimilarity index D");
    indices->theil_h = Series::create<double>(g, "theil_h", {month_axis}, month_block, "1",
                                              "Theil's information index H (multigroup entropy index)");
    indices->isolation = Series::create<double>(g, "isolation", {month_axis, group_axis}, month_block, "1",
                                                "isolation index of each group");
    indices->exposure = Series::create<double>(g, "exposure", {month_axis, group_axis, target_axis}, month_block, "1",
                                               "exposure of members of group to members of target_group");
  }
  for (const DistrictReal& entry : district_reals) {
    district_real_series.push_back(Series::create<double>(monthly, entry.name, {month_axis, district_axis}, month_block,
                                                          entry.units, entry.long_name));
  }
  district_residents_by_group =
      Series::create<std::int64_t>(monthly, "district_residents_by_group", {month_axis, district_axis, group_axis},
                                   month_block, "count", "residents of each group living in the district");
  for (const MonthlyReal& entry : monthly_reals)
    monthly_real_series.push_back(Series::create<double>(monthly, entry.name, {month_axis}, month_block, entry.units, entry.long_name));
  for (const MonthlyCount& entry : monthly_counts)
    monthly_count_series.push_back(
        Series::create<std::int64_t>(monthly, entry.name, {month_axis}, month_block, entry.units, entry.long_name));
  for (const MonthlyGroupCount& entry : monthly_group_counts)
    monthly_group_count_series.push_back(Series::create<std::int64_t>(monthly, entry.name, {month_axis, group_axis},
                                                                      month_block, entry.units, entry.long_name));
  culture_overlap = Series::create<double>(monthly, "culture_overlap", {month_axis, group_axis, target_axis}, month_block, "1",
                                           "expected share of cultural features a member of group shares with a member of target_group");
  cohesion_dimensions = Series::create<double>(monthly, "cohesion_dimensions", {month_axis, cohesion_axis}, month_block, "1",
                                               "the nine dimensions of the cohesion index, in the order of dimension_names");
  hdf5::write_string_array_attribute(cohesion_dimensions.id(), "dimension_names", cohesion_dimension_names);

  const hid_t samples = samples_group.get();
  sample_venue = Series::create<std::uint32_t>(samples, "venue", {tick_axis, sample_axis}, day_block, "1",
                                               "venue id of each sampled resident in each slot");
  hdf5::write_int_attribute(sample_venue.id(), "no_venue", no_venue);
  sample_outgroup_trust =
      Series::create<float>(samples, "outgroup_trust", {day_axis, sample_axis}, day_block, "1",
                            "mean out-group trust of each sampled resident at the end of the day (0-1 scale)");
}

void Hdf5RunWriter::Impl::slot(int tick_index, std::span<const std::uint32_t> sample_venues) {
  if (!started) throw OutputError("on_slot before on_start");
  tick.append_value<std::int32_t>(tick_index);
  sample_venue.append(sample_venues);
}

void Hdf5RunWriter::Impl::add_day(const DailyIndicators& daily, std::span<const float> sample_outgroup_trust_row) {
  if (!started) throw OutputError("on_day before on_start");
  day.append_value<std::int32_t>(daily.day);
  for (std::size_t i = 0; i < std::size(daily_reals); ++i)
    daily_real_series[i].append_value(daily.*daily_reals[i].field);
  for (std::size_t i = 0; i < std::size(daily_counts); ++i) {
    daily_count_series[i].append_value(daily.*daily_counts[i].field);
  }
  for (std::size_t i = 0; i < std::size(daily_group_reals); ++i) {
    const DailyGroupReal& entry = daily_group_reals[i];
    daily_group_real_series[i].append(
        row_or_fill(daily.*entry.field, group_count, real_scratch, not_recorded, entry.name));
  }
  for (std::size_t i = 0; i < std::size(daily_group_counts); ++i) {
    const DailyGroupCount& entry = daily_group_counts[i];
    daily_group_count_series[i].append(
        row_or_fill(daily.*entry.field, group_count, count_scratch, count_not_recorded, entry.name));
  }
  // The same cost the simulation reports (annual_policy_cost), from the scenario's policies.
  const double annual_cost_eur = annual_policy_cost(policies, daily.day);
  policy_cumulative_cost_eur += annual_cost_eur / days_per_year;
  policy_annual_cost.append_value(annual_cost_eur);
  policy_cumulative_cost.append_value(policy_cumulative_cost_eur);
  trust_matrix.append(
      row_or_fill(daily.trust_matrix, group_count * group_count, real_scratch, not_recorded, "trust_matrix"));
  sample_outgroup_trust.append(sample_outgroup_trust_row);
}

void Hdf5RunWriter::Impl::add_month(const MonthlyIndicators& monthly) {
  if (!started) throw OutputError("on_month before on_start");
  month_day.append_value<std::int32_t>(monthly.day);
  month.append_value<std::int32_t>(monthly.month);
  for (auto [series, indices] :
       {std::pair{&by_cell, &monthly.city_by_cell}, std::pair{&by_district, &monthly.city_by_district},
        std::pair{&by_school, &monthly.city_by_school}}) {
    series->dissimilarity.append(
        row_or_fill(indices->dissimilarity, group_count, real_scratch, not_recorded, "dissimilarity"));
    series->multigroup_dissimilarity.append_value(indices->multigroup_dissimilarity);
    series->theil_h.append_value(indices->theil_h);
    series->isolation.append(row_or_fill(indices->isolation, group_count, real_scratch, not_recorded, "isolation"));
    series->exposure.append(
        row_or_fill(indices->exposure, group_count * group_count, real_scratch, not_recorded, "exposure"));
  }
  for (std::size_t i = 0; i < std::size(district_reals); ++i) {
    const DistrictReal& entry = district_reals[i];
    district_real_series[i].append(
        row_or_fill(monthly.*entry.field, district_count, real_scratch, not_recorded, entry.name));
  }
  district_residents_by_group.append(row_or_fill(monthly.district_residents_by_group, district_count * group_count,
                                                 count_scratch, count_not_recorded, "district_residents_by_group"));
  for (std::size_t i = 0; i < std::size(monthly_reals); ++i) monthly_real_series[i].append_value(monthly.*monthly_reals[i].field);
  for (std::size_t i = 0; i < std::size(monthly_counts); ++i) monthly_count_series[i].append_value(monthly.*monthly_counts[i].field);
  for (std::size_t i = 0; i < std::size(monthly_group_counts); ++i) {
    const MonthlyGroupCount& entry = monthly_group_counts[i];
    monthly_group_count_series[i].append(
        row_or_fill(monthly.*entry.field, group_count, count_scratch, count_not_recorded, entry.name));
  }
  culture_overlap.append(row_or_fill(monthly.culture_overlap, group_count * group_count, real_scratch, not_recorded, "culture_overlap"));
  cohesion_dimensions.append(
      row_or_fill(monthly.cohesion_dimensions, cohesion_dimension_names.size(), real_scratch, not_recorded, "cohesion_dimensions"));
}

void Hdf5RunWriter::Impl::finish(int days_run) {
  if (finished) throw OutputError("on_finish called twice");
  for (Series* series : all_series()) {
    if (series->id() >= 0) series->flush();
  }
  hdf5::write_int_attribute(file.get(), "days_run", days_run);
  for (Series* series : all_series()) series->close();
  for (Handle* handle : {&by_cell.group, &by_district.group, &by_school.group, &daily_group, &monthly_group, &samples_group, &policies_group, &group_scale,
                         &target_group_scale, &district_scale, &sample_scale, &venue_scale, &x_scale, &y_scale}) {
    handle->reset();
  }
  hdf5::commit_output_file(file, path, temporary_path);
  finished = true;
}

// Public interface: every failure names the output path (with_path).

Hdf5RunWriter::Hdf5RunWriter(std::string path, Provenance provenance)
    : path_(std::move(path)),
      temporary_path_(temporary_path_for(path_)),
      impl_(std::make_unique<Impl>()) {
  impl_->path = path_;
  impl_->temporary_path = temporary_path_;
  with_path(path_, [&] { impl_->create(provenance); });
}

Hdf5RunWriter::~Hdf5RunWriter() = default;

void Hdf5RunWriter::on_start(const ScenarioConfig& config, const World& world,
                             std::span<const std::uint32_t> sample_residents) {
  with_path(path_, [&] { impl_->start(config, world, sample_residents); });
}

void Hdf5RunWriter::on_slot(int tick, std::span<const std::uint32_t> sample_venues) {
  with_path(path_, [&] { impl_->slot(tick, sample_venues); });
}

void Hdf5RunWriter::on_day(const DailyIndicators& daily, std::span<const float> sample_outgroup_trust) {
  with_path(path_, [&] { impl_->add_day(daily, sample_outgroup_trust); });
}

void Hdf5RunWriter::on_month(const MonthlyIndicators& monthly) {
  with_path(path_, [&] { impl_->add_month(monthly); });
}

void Hdf5RunWriter::on_finish(int days_run) {
  with_path(path_, [&] { impl_->finish(days_run); });
}

}  // namespace convivia
