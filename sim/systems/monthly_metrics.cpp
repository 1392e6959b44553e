// Monthly indicator computation (see monthly_metrics.hpp).
#include "systems/monthly_metrics.hpp"

#include "core/parallel.hpp"
#include "systems/daily_metrics.hpp"
#include "systems/segregation.hpp"

#include <algorithm>
#include <cmath>

namespace convivia {
namespace {

// Each district's diversity (normalised group entropy) and the resident-weighted least-squares slope
// of district generalised trust on it.
void district_diversity_and_trust(std::size_t group_count, MonthlyIndicators& out) {
  const std::size_t district_count = out.district_generalised_trust.size();
  out.district_diversity.assign(district_count, 0.0);
  double w = 0.0, wx = 0.0, wy = 0.0, wxx = 0.0, wxy = 0.0;
  for (std::size_t d = 0; d < district_count; ++d) {
    std::int64_t n = 0;
    for (std::size_t g = 0; g < group_count; ++g) n += out.district_residents_by_group[d * group_count + g];
    if (n == 0) continue;
    double entropy = 0.0;
    for (std::size_t g = 0; g < group_count; ++g) {
      const double p = static_cast<double>(out.district_residents_by_group[d * group_count + g]) / static_cast<double>(n);
      if (p > 0.0) entropy -= p * std::log(p);
    }
    const double x = group_count > 1 ? entropy / std::log(static_cast<double>(group_count)) : 0.0;
    const double y = out.district_generalised_trust[d];
    const auto weight = static_cast<double>(n);
    out.district_diversity[d] = x;
    w += weight;
    wx += weight * x;
    wy += weight * y;
    wxx += weight * x * x;
    wxy += weight * x * y;
  }
  const double variance = w > 0.0 ? wxx - wx * wx / w : 0.0;
  out.diversity_trust_slope = variance > 1e-12 * std::max(w, 1.0) ? (wxy - wx * wy / w) / variance : 0.0;
}

}  // namespace

SegregationIndices MonthlyMetrics::school_segregation(const World& world) {
  const Population& residents = world.residents;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  if (school_index_.size() != world.venues.size()) {
    school_index_.assign(world.venues.size(), no_school);
    school_count_ = 0;
    for (std::size_t v = 0; v < world.venues.size(); ++v)
      if (world.venues.kind[v] == VenueKind::school) school_index_[v] = static_cast<std::uint32_t>(school_count_++);
  }
  school_counts_.assign(school_count_ * group_count, 0);
  for (std::size_t i = 0; i < residents.size(); ++i) {
    if (residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child) || residents.fixed_venue[i] == no_venue) continue;
    const std::uint32_t school = school_index_[residents.fixed_venue[i]];
    if (school != no_school) ++school_counts_[school * group_count + residents.group[i]];
  }
  return compute_segregation(school_counts_, school_count_, group_count);
}

void MonthlyMetrics::compute(const World& world, const std::vector<double>& group_weights,
                             const std::vector<float>& outgroup_trust, float diversity_threshold, int day,
                             MonthlyIndicators& out) {
  const Population& residents = world.residents;
  const City& city = world.city;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const std::size_t district_count = city.districts.size();
  const std::size_t cell_count = city.cell_count();
  const std::size_t resident_count = residents.size();

  cell_counts_.assign(cell_count * group_count, 0);
  for (std::size_t i = 0; i < resident_count; ++i) ++cell_counts_[residents.home_cell[i] * group_count + residents.group[i]];

  out.day = day;
  out.month = day / 30;
  out.city_by_cell = compute_segregation(cell_counts_, cell_count, group_count);

  out.district_residents_by_group.assign(district_count * group_count, 0);
  for (std::size_t cell = 0; cell < cell_count; ++cell) {
    const std::int32_t d = city.cell_district[cell];
    if (d == no_district) continue;
    for (std::size_t g = 0; g < group_count; ++g)
      out.district_residents_by_group[static_cast<std::size_t>(d) * group_count + g] += cell_counts_[cell * group_count + g];
  }
  out.city_by_district = compute_segregation(out.district_residents_by_group, district_count, group_count);
  out.city_by_school = school_segregation(world);

  // Per district, segregation over the district's own cells.
  std::vector<std::vector<std::int64_t>> district_cell_counts(district_count);
  for (std::size_t cell = 0; cell < cell_count; ++cell) {
    const std::int32_t d = city.cell_district[cell];
    if (d == no_district) continue;
    auto& counts = district_cell_counts[static_cast<std::size_t>(d)];
    counts.insert(counts.end(), cell_counts_.begin() + static_cast<std::ptrdiff_t>(cell * group_count),
                  cell_counts_.begin() + static_cast<std::ptrdiff_t>((cell + 1) * group_count));
  }
  out.district_multigroup_dissimilarity.assign(district_count, 0.0);
  out.district_theil_h.assign(district_count, 0.0);
  parallel_for(district_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t d = first; d < last; ++d) {
      const auto& counts = district_cell_counts[d];
      if (counts.empty()) continue;
      const SegregationIndices indices = compute_segregation(counts, counts.size() / group_count, group_count);
      out.district_multigroup_dissimilarity[d] = indices.multigroup_dissimilarity;
      out.district_theil_h[d] = indices.theil_h;
    }
  });

  // District trust figures.
  out.district_mean_outgroup_trust.assign(district_count, 0.0);
  out.district_generalised_trust.assign(district_count, 0.0);
  out.district_diversity_resource_share.assign(district_count, 0.0);
  out.district_perceived_discrimination_share.assign(district_count, 0.0);
  std::vector<std::int64_t> diverse(district_count, 0);
  std::vector<std::int64_t> discriminated(district_count, 0);
  reduce_blocks(
      resident_count, reduction_block_size, blocks_,
      [&](BlockSums& sums, std::size_t begin, std::size_t end) {
        sums.outgroup.assign(district_count, 0.0);
        sums.generalised.assign(district_count, 0.0);
        sums.diverse.assign(district_count, 0);
        sums.discriminated.assign(district_count, 0);
        for (std::size_t i = begin; i < end; ++i) {
          const std::int32_t d = city.cell_district[residents.home_cell[i]];
          if (d == no_district) continue;
          sums.outgroup[static_cast<std::size_t>(d)] += outgroup_trust[i];
          sums.generalised[static_cast<std::size_t>(d)] += generalised_trust(residents, i, group_weights);
          sums.diverse[static_cast<std::size_t>(d)] += outgroup_trust[i] >= diversity_threshold ? 1 : 0;
          sums.discriminated[static_cast<std::size_t>(d)] +=
              day - residents.last_discrimination_day[i] < discrimination_memory_days ? 1 : 0;
        }
      },
      [&](const BlockSums& sums) {
        for (std::size_t d = 0; d < district_count; ++d) {
          out.district_mean_outgroup_trust[d] += sums.outgroup[d];
          out.district_generalised_trust[d] += sums.generalised[d];
          diverse[d] += sums.diverse[d];
          discriminated[d] += sums.discriminated[d];
        }
      });
  for (std::size_t d = 0; d < district_count; ++d) {
    std::int64_t n = 0;
    for (std::size_t g = 0; g < group_count; ++g) n += out.district_residents_by_group[d * group_count + g];
    if (n == 0) continue;
    out.district_mean_outgroup_trust[d] /= static_cast<double>(n);
    out.district_generalised_trust[d] /= static_cast<double>(n);
    out.district_diversity_resource_share[d] = static_cast<double>(diverse[d]) / static_cast<double>(n);
    out.district_perceived_discrimination_share[d] = static_cast<double>(discriminated[d]) / static_cast<double>(n);
  }
  district_diversity_and_trust(group_count, out);
}

}  // namespace convivia
