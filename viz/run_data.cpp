// Lookups over RunData and the fixed lists of what the map and the charts can show.
#include "run_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace convivia::viz {

const MapIndicatorInfo& map_indicator_info(MapIndicator indicator) {
  static const std::array<MapIndicatorInfo, map_indicator_count> infos{{
      {"district_diversity_resource_share", "Residents who see diversity as a resource", "% of the district's residents", true},
      {"district_mean_outgroup_trust", "Trust toward other groups", "mean, 0 (none) to 1 (full)", false},
      {"district_perceived_discrimination_share", "Residents who met discrimination (last 30 days)",
       "% of the district's residents", true},
      {"district_multigroup_dissimilarity", "Segregation within the district",
       "dissimilarity over its blocks, 0 (mixed) to 1 (apart)", false},
      {"district_generalised_trust", "Generalised trust", "mean, 0-10 scale of the European Social Survey", false},
  }};
  return infos[static_cast<std::size_t>(indicator)];
}

const std::vector<ChartInfo>& chart_infos() {
  static const std::vector<ChartInfo> infos{
      {"diversity_resource_share", "See diversity as a resource (%)"},
      {"mean_outgroup_trust", "Trust toward other groups (0-1)"},
      {"perceived_discrimination_share", "Met discrimination, last 30 days (%)"},
      {"intergroup_encounter_share", "Encounters between groups (%)"},
      {"multigroup_dissimilarity", "Segregation over blocks (0-1, monthly)"},
  };
  return infos;
}

const std::vector<std::string_view>& venue_kind_names() {
  static const std::vector<std::string_view> names{"home block", "school", "workplace", "park", "library",
                                                   "market", "sports", "community centre", "civic forum"};
  return names;
}

std::string plain_words(std::string_view name) {
  std::string text(name);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::size_t RunData::month_of_day(std::int64_t day) const {
  const auto& months = headline.month_days;
  const auto after = std::upper_bound(months.begin(), months.end(), day);
  return after == months.begin() ? 0 : static_cast<std::size_t>(after - months.begin()) - 1;
}

double RunData::district_value(MapIndicator indicator, std::size_t month, std::size_t district) const {
  const auto& values = district_values[static_cast<std::size_t>(indicator)];
  const std::size_t at = month * district_count() + district;
  return at < values.size() ? values[at] : std::numeric_limits<double>::quiet_NaN();
}

std::uint32_t RunData::venue_at(std::int64_t tick, std::size_t k) const {
  const std::size_t at = static_cast<std::size_t>(std::clamp<std::int64_t>(tick, 0, std::max<std::int64_t>(0, ticks() - 1))) *
                             sample_count + k;
  const std::uint32_t venue = at < sample_venue.size() ? sample_venue[at] : no_venue_id;
  return venue != no_venue_id ? venue : sample_home_venue[k];
}

}  // namespace convivia::viz
