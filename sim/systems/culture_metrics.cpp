// Cultural diversity indicators (see culture_metrics.hpp).
#include "systems/culture_metrics.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace convivia {
namespace {

constexpr std::size_t max_packed_features = 32;

// Distinct cultures: pack each trait vector (one byte per feature) into Words 64-bit words, sort,
// count runs. One word holds up to 8 features; four hold the most a scenario allows.
template <std::size_t Words>
std::int64_t count_distinct_cultures(const Population& residents) {
  const auto features = static_cast<std::size_t>(residents.features);
  std::vector<std::array<std::uint64_t, Words>> packed(residents.size());
  for (std::size_t i = 0; i < packed.size(); ++i) {
    std::array<std::uint64_t, Words> key{};
    for (std::size_t f = 0; f < features; ++f) key[f / 8] = (key[f / 8] << 8) | residents.culture[i * features + f];
    packed[i] = key;
  }
  std::sort(packed.begin(), packed.end());
  return std::unique(packed.begin(), packed.end()) - packed.begin();
}

}  // namespace

CultureIndicators compute_culture_indicators(const Population& residents, int traits) {
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const auto features = static_cast<std::size_t>(residents.features);
  const auto trait_count = static_cast<std::size_t>(traits);
  const std::size_t resident_count = residents.size();
  CultureIndicators out;
  out.overlap.assign(group_count * group_count, 0.0);
  if (resident_count == 0 || features == 0) return out;
  CONVIVIA_CHECK(features <= max_packed_features, "at most 32 cultural features");
  out.distinct_cultures = features <= 8 ? count_distinct_cultures<1>(residents) : count_distinct_cultures<4>(residents);

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
