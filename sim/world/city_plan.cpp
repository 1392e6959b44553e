// Planning synthetic and imported cities (see city_plan.hpp).
#include "world/city_plan.hpp"

#include "core/assert.hpp"
#include "world/rasterize.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace convivia {
namespace {

// Scales counts so they sum to round(sum * scale); remainders are given out largest first, ties by index,
// so results are reproducible and no district gains or loses more than one resident from rounding.
std::vector<std::int64_t> scale_counts(const std::vector<std::int64_t>& counts, double scale) {
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  const auto target = static_cast<std::int64_t>(std::llround(static_cast<double>(total) * scale));
  std::vector<std::int64_t> scaled(counts.size());
  std::vector<std::pair<double, std::size_t>> remainders(counts.size());
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double exact = static_cast<double>(counts[i]) * scale;
    scaled[i] = static_cast<std::int64_t>(std::floor(exact));
    remainders[i] = {exact - static_cast<double>(scaled[i]), i};
    assigned += scaled[i];
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; assigned < target && k < remainders.size(); ++k, ++assigned) scaled[remainders[k].second] += 1;
  return scaled;
}

District synthetic_district(int index) {
  District district;
  district.id = std::to_string(index + 1);
  district.name = "District " + std::to_string(index + 1);
  return district;
}

}  // namespace

std::vector<District> planned_districts(const ScenarioConfig& config, const DistrictTable* table) {
  std::vector<District> districts;
  if (table != nullptr) {
    for (const DistrictRecord& record : table->districts) districts.push_back(District{record.id, record.name, {}, 0});
  } else {
    const int count = config.city.synthetic.districts_x * config.city.synthetic.districts_y;
    for (int d = 0; d < count; ++d) districts.push_back(synthetic_district(d));
  }
  return districts;
}

CityPlan plan_synthetic_city(const ScenarioConfig& config) {
  const SyntheticCityConfig& synthetic = config.city.synthetic;
  CityPlan plan;
  City& city = plan.city;
  city.cell_size_m = config.city.cell_size_m;
  city.width = synthetic.districts_x * synthetic.district_cells;
  city.height = synthetic.districts_y * synthetic.district_cells;
  city.cell_district.assign(static_cast<std::size_t>(city.width) * static_cast<std::size_t>(city.height), no_district);
  const int district_count = synthetic.districts_x * synthetic.districts_y;
  for (int d = 0; d < district_count; ++d) {
    District district = synthetic_district(d);
    const double x0 = (d % synthetic.districts_x) * synthetic.district_cells * city.cell_size_m;
    const double y0 = (d / synthetic.districts_x) * synthetic.district_cells * city.cell_size_m;
    const double side = synthetic.district_cells * city.cell_size_m;
    district.outline_m.push_back({{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}});
    district.cell_count = synthetic.district_cells * synthetic.district_cells;
    city.districts.push_back(std::move(district));
  }
  for (std::int32_t y = 0; y < city.height; ++y)
    for (std::int32_t x = 0; x < city.width; ++x) {
      const int d = (y / synthetic.district_cells) * synthetic.districts_x + x / synthetic.district_cells;
      city.cell_district[static_cast<std::size_t>(y) * static_cast<std::size_t>(city.width) + static_cast<std::size_t>(x)] = d;
    }

  const std::size_t group_count = config.groups.size();
  double share_sum = 0.0;
  for (const GroupConfig& group : config.groups) share_sum += group.share;
  CONVIVIA_CHECK(share_sum > 0.0, "group shares must have a positive sum");
  const double contrast = synthetic.district_share_contrast;
  std::vector<std::int64_t> counts(static_cast<std::size_t>(district_count) * group_count);
  const double per_district = static_cast<double>(synthetic.residents) / district_count;
  for (int d = 0; d < district_count; ++d) {
    const std::size_t home_group = static_cast<std::size_t>(d) % group_count;
    for (std::size_t g = 0; g < group_count; ++g) {
      const double share = (1.0 - contrast) * config.groups[g].share / share_sum + (g == home_group ? contrast : 0.0);
      counts[static_cast<std::size_t>(d) * group_count + g] = static_cast<std::int64_t>(std::llround(share * per_district * 1000.0));
    }
  }
  // Counts above are in thousandths; scale_counts brings them to residents * city.scale exactly.
  plan.district_group_residents = scale_counts(counts, config.city.scale / 1000.0);
  return plan;
}

CityPlan plan_imported_city(const ScenarioConfig& config, const DistrictTable& table) {
  CityPlan plan;
  plan.city = rasterize_districts(table, config.city.cell_size_m);
  const std::size_t group_count = table.group_names.size();
  std::vector<std::int64_t> counts;
  counts.reserve(table.districts.size() * group_count);
  for (const DistrictRecord& record : table.districts) {
    CONVIVIA_CHECK(record.residents_by_group.size() == group_count, "district row has one count per group");
    counts.insert(counts.end(), record.residents_by_group.begin(), record.residents_by_group.end());
  }
  plan.district_group_residents = scale_counts(counts, config.city.scale);
  return plan;
}

}  // namespace convivia
