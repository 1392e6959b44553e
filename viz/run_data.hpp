// What the viewer shows of one run, as plain arrays: the city (raster and district outlines), the
// venues, the sampled residents slot by slot, the headline series and the per-district monthly
// figures the map is coloured by. A run file fills it at once (run_data_reader); a live simulation
// fills it day by day (live_run). Nothing here knows about drawing.
#pragma once

#include "io/run_file_reader.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace convivia::viz {

inline constexpr std::uint32_t no_venue_id = 0xffffffffu;
inline constexpr int slots_per_day = 3;

// The district figures a map can be coloured by (monthly, one value per district).
enum class MapIndicator : int {
  diversity_resource_share,
  mean_outgroup_trust,
  perceived_discrimination_share,
  local_segregation,
  generalised_trust,
};
inline constexpr int map_indicator_count = 5;

struct MapIndicatorInfo {
  std::string_view dataset;  // below /monthly
  std::string_view title;    // plain words for the legend and the menu
  std::string_view units;    // what the legend's numbers are
  bool is_share;             // shown in percent
};
const MapIndicatorInfo& map_indicator_info(MapIndicator indicator);

// The headline series the charts draw (indices into headline_indicators() of run_file_reader).
struct ChartInfo {
  std::string_view headline_name;
  std::string_view title;
};
const std::vector<ChartInfo>& chart_infos();

struct RunData {
  std::string source;  // the file path, or "live: <scenario path>"
  std::string scenario_name;
  std::string seed;
  int start_weekday = 0;  // weekday of day 0 (0 Monday ... 6 Sunday)
  RunFile headline;  // names, month_days, headline series (see run_file_reader.hpp)

  std::vector<std::uint32_t> group_rgb;  // 0xRRGGBB per group, the scenario's colours

  // The raster: cell (x, y) at y * width + x, y = 0 the southern-most row.
  int width = 0;
  int height = 0;
  double cell_size_m = 100.0;
  std::vector<std::int32_t> cell_district;  // -1 outside every district

  // District outlines as flat rings (metres in the city frame).
  std::vector<std::int32_t> ring_district;
  std::vector<std::int64_t> ring_start;
  std::vector<std::int32_t> ring_vertex_count;
  std::vector<float> vertex_x_m, vertex_y_m;

  // Venues.
  std::vector<std::uint8_t> venue_kind;  // index into venue_kind_names()
  std::vector<float> venue_x_m, venue_y_m;

  // Sampled residents.
  std::size_t sample_count = 0;
  std::vector<std::uint8_t> sample_group;
  std::vector<std::uint32_t> sample_home_venue;
  std::vector<std::uint32_t> sample_venue;  // [tick * sample_count + k], no_venue_id for none
  std::vector<float> sample_trust;          // [day * sample_count + k]

  // Per map indicator, [month * district_count + district]; NaN where not recorded.
  std::array<std::vector<double>, map_indicator_count> district_values;
  std::vector<std::int64_t> district_residents;  // [month * district_count + district]

  std::size_t district_count() const { return headline.district_names.size(); }
  std::size_t group_count() const { return headline.group_names.size(); }
  std::int64_t days() const { return headline.days_run; }
  std::int64_t ticks() const { return static_cast<std::int64_t>(sample_count == 0 ? days() * slots_per_day
                                                                                   : sample_venue.size() / sample_count); }
  std::size_t month_count() const { return headline.month_days.size(); }
  // The month that started on or before `day` (0 if none recorded yet).
  std::size_t month_of_day(std::int64_t day) const;
  double district_value(MapIndicator indicator, std::size_t month, std::size_t district) const;
  // The venue of sample k at `tick` (its home block when none is recorded).
  std::uint32_t venue_at(std::int64_t tick, std::size_t k) const;
};

const std::vector<std::string_view>& venue_kind_names();
// "former_yugoslavia" -> "former yugoslavia": names as a reader would say them.
std::string plain_words(std::string_view name);

}  // namespace convivia::viz
