// Cultural diversity indicators (see culture_metrics.hpp).
#include "systems/culture_metrics.hpp"

#include "core/assert.hpp"

#include <algorithm>

namespace convivia {

CultureIndicators compute_culture_indicators(const Population& residents, int traits) {
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const auto features = static_cast<std::size_t>(residents.features);
  const auto trait_count = static_cast<std::size_t>(traits);
  const std::size_t resident_count = residents.size();
  CultureIndicators out;
  out.overlap.assign(group_count * group_count, 0.0);
  if (resident_count == 0 || features == 0) return out;
  CONVIVIA_CHECK(features <= 8, "a culture packs into 64 bits");

  // Distinct cultures: pack each trait vector into one integer, sort, count runs.
  std::vector<std::uint64_t> packed(resident_count);
  for (std::size_t i = 0; i < resident_count; ++i) {
    std::uint64_t key = 0;
    for (std::size_t f = 0; f < features; ++f) key = (key << 8) | residents.culture[i * features + f];
    packed[i] = key;
  }
  std::sort(packed.begin(), packed.end());
  out.distinct_cultures = std::unique(packed.begin(), packed.end()) - packed.begin();

  // Trait frequencies per group, then the expected overlap of random pairs.
  std::vector<std::int64_t> members(group_count, 0);
  std::vector<std::int64_t> count(group_count * features * trait_count, 0);
  for (std::size_t i = 0; i < resident_count; ++i) {
    const std::size_t g = residents.group[i];
    ++members[g];
    for (std::size_t f = 0; f < features; ++f) ++count[(g * features + f) * trait_count + residents.culture[i * features + f]];
  }
  for (std::size_t a = 0; a < group_count; ++a)
    for (std::size_t b = 0; b < group_count; ++b) {
      if (members[a] == 0 || members[b] == 0) continue;
      double shared = 0.0;
      for (std::size_t f = 0; f < features; ++f)
        for (std::size_t t = 0; t < trait_count; ++t)
          shared += static_cast<double>(count[(a * features + f) * trait_count + t]) *
                    static_cast<double>(count[(b * features + f) * trait_count + t]);
      out.overlap[a * group_count + b] =
          shared / (static_cast<double>(features) * static_cast<double>(members[a]) * static_cast<double>(members[b]));
    }
  double within = 0.0, within_weight = 0.0, between = 0.0, between_weight = 0.0;
  for (std::size_t a = 0; a < group_count; ++a)
    for (std::size_t b = 0; b < group_count; ++b) {
      const double weight = static_cast<double>(members[a]) * static_cast<double>(members[b]);
      if (a == b) {
        within += static_cast<double>(members[a]) * out.overlap[a * group_count + b];
        within_weight += static_cast<double>(members[a]);
      } else {
        between += weight * out.overlap[a * group_count + b];
        between_weight += weight;
      }
    }
  out.mean_within_group_overlap = within_weight > 0.0 ? within / within_weight : 0.0;
  out.mean_between_group_overlap = between_weight > 0.0 ? between / between_weight : 0.0;
  return out;
}

}  // namespace convivia
