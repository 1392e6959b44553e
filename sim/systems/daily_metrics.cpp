// Daily indicator reduction (see daily_metrics.hpp).
#include "systems/daily_metrics.hpp"

#include "core/parallel.hpp"

#include <algorithm>

namespace convivia {

float mean_outgroup_trust(const Population& residents, std::size_t resident) {
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  if (group_count < 2) return 0.0f;
  const float* trust = residents.trust.data() + resident * group_count;
  float sum = 0.0f;
  for (std::size_t g = 0; g < group_count; ++g)
    if (g != residents.group[resident]) sum += trust[g];
  return sum / static_cast<float>(group_count - 1);
}

double generalised_trust(const Population& residents, std::size_t resident, const std::vector<double>& group_weights) {
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const float* trust = residents.trust.data() + resident * group_count;
  double weighted = 0.0;
  for (std::size_t h = 0; h < group_count; ++h) weighted += group_weights[h] * trust[h];
  return 10.0 * weighted;
}

void DailyMetrics::BlockSums::reset(std::size_t group_count) {
  residents.assign(group_count, 0);
  diverse.assign(group_count, 0);
  cross_tie.assign(group_count, 0);
  discriminated.assign(group_count, 0);
  outgroup.assign(group_count, 0.0);
  generalised.assign(group_count, 0.0);
  adults.assign(group_count, 0);
  employed_adults.assign(group_count, 0);
  institutional_trust.assign(group_count, 0.0);
  belonging.assign(group_count, 0.0);
  trust.assign(group_count * group_count, 0.0);
}

void DailyMetrics::compute(const World& world, const std::vector<double>& group_weights, float diversity_threshold, int day,
                           const EncounterTally& tally, std::vector<float>& outgroup_trust, DailyIndicators& out) {
  const Population& residents = world.residents;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const std::size_t resident_count = residents.size();
  outgroup_trust.resize(resident_count);

  BlockSums total;
  total.reset(group_count);
  reduce_blocks(
      resident_count, reduction_block_size, blocks_,
      [&](BlockSums& sums, std::size_t begin, std::size_t end) {
        sums.reset(group_count);
        for (std::size_t i = begin; i < end; ++i) {
          const std::size_t g = residents.group[i];
          const float* trust = residents.trust.data() + i * group_count;
          const float outgroup = mean_outgroup_trust(residents, i);
          outgroup_trust[i] = outgroup;
          for (std::size_t h = 0; h < group_count; ++h) sums.trust[g * group_count + h] += trust[h];
          bool cross_tie = false;
          for (std::size_t tie = i * tie_slots; tie < (i + 1) * tie_slots; ++tie)
            cross_tie |= residents.tie_resident[tie] != no_resident && residents.tie_group[tie] != g;
          sums.residents[g] += 1;
          sums.diverse[g] += outgroup >= diversity_threshold ? 1 : 0;
          sums.cross_tie[g] += cross_tie ? 1 : 0;
          sums.discriminated[g] += day - residents.last_discrimination_day[i] < discrimination_memory_days ? 1 : 0;
          sums.outgroup[g] += outgroup;
          sums.generalised[g] += generalised_trust(residents, i, group_weights);
          const bool adult = residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::adult);
          sums.adults[g] += adult ? 1 : 0;
          sums.employed_adults[g] += adult && residents.employed[i] != 0 ? 1 : 0;
          sums.institutional_trust[g] += residents.institutional_trust[i];
          sums.belonging[g] += residents.belonging[i];
        }
      },
      [&](const BlockSums& sums) {
        for (std::size_t g = 0; g < group_count; ++g) {
          total.residents[g] += sums.residents[g];
          total.diverse[g] += sums.diverse[g];
          total.cross_tie[g] += sums.cross_tie[g];
          total.discriminated[g] += sums.discriminated[g];
          total.outgroup[g] += sums.outgroup[g];
          total.generalised[g] += sums.generalised[g];
          total.adults[g] += sums.adults[g];
          total.employed_adults[g] += sums.employed_adults[g];
          total.institutional_trust[g] += sums.institutional_trust[g];
          total.belonging[g] += sums.belonging[g];
        }
        for (std::size_t k = 0; k < group_count * group_count; ++k) total.trust[k] += sums.trust[k];
      });

  const auto ratio = [](double num, double den) { return den > 0.0 ? num / den : 0.0; };
  out.day = day;
  out.diversity_resource_share_by_group.resize(group_count);
  out.generalised_trust_by_group.resize(group_count);
  out.mean_outgroup_trust_by_group.resize(group_count);
  out.cross_group_tie_share_by_group.resize(group_count);
  out.perceived_discrimination_share_by_group.resize(group_count);
  out.trust_matrix.resize(group_count * group_count);
  double all = 0.0, diverse = 0.0, generalised = 0.0, outgroup = 0.0, cross_tie = 0.0, discriminated = 0.0;
  for (std::size_t g = 0; g < group_count; ++g) {
    const auto n = static_cast<double>(total.residents[g]);
    out.diversity_resource_share_by_group[g] = ratio(static_cast<double>(total.diverse[g]), n);
    out.generalised_trust_by_group[g] = ratio(total.generalised[g], n);
    out.mean_outgroup_trust_by_group[g] = ratio(total.outgroup[g], n);
    out.cross_group_tie_share_by_group[g] = ratio(static_cast<double>(total.cross_tie[g]), n);
    out.perceived_discrimination_share_by_group[g] = ratio(static_cast<double>(total.discriminated[g]), n);
    for (std::size_t h = 0; h < group_count; ++h) out.trust_matrix[g * group_count + h] = ratio(total.trust[g * group_count + h], n);
    all += n;
    diverse += static_cast<double>(total.diverse[g]);
    generalised += total.generalised[g];
    outgroup += total.outgroup[g];
    cross_tie += static_cast<double>(total.cross_tie[g]);
    discriminated += static_cast<double>(total.discriminated[g]);
  }
  out.diversity_resource_share = ratio(diverse, all);
  out.generalised_trust = ratio(generalised, all);
  out.mean_outgroup_trust = ratio(outgroup, all);
  out.cross_group_tie_share = ratio(cross_tie, all);
  out.perceived_discrimination_share = ratio(discriminated, all);
  out.encounters = tally.encounters;
  out.intergroup_encounters = tally.intergroup;
  out.intergroup_encounter_share = ratio(static_cast<double>(tally.intergroup), static_cast<double>(tally.encounters));
  out.positive_contacts = tally.positive;
  out.negative_contacts = tally.negative;
  out.discrimination_events = tally.discrimination;
  out.conflicts = tally.conflicts;
  out.positive_contacts_by_group = tally.positive_by_group;
  out.negative_contacts_by_group = tally.negative_by_group;
  out.discrimination_events_by_group = tally.discrimination_by_group;

  // Labour market and institutions.
  out.employment_rate_by_group.resize(group_count);
  out.employment_gap_by_group.resize(group_count);
  out.mean_institutional_trust_by_group.resize(group_count);
  out.mean_belonging_by_group.resize(group_count);
  double adults = 0.0, employed_adults = 0.0, institutional_trust = 0.0, belonging = 0.0;
  for (std::size_t g = 0; g < group_count; ++g) {
    const auto n = static_cast<double>(total.residents[g]);
    out.employment_rate_by_group[g] = ratio(static_cast<double>(total.employed_adults[g]), static_cast<double>(total.adults[g]));
    out.mean_institutional_trust_by_group[g] = ratio(total.institutional_trust[g], n);
    out.mean_belonging_by_group[g] = ratio(total.belonging[g], n);
    adults += static_cast<double>(total.adults[g]);
    employed_adults += static_cast<double>(total.employed_adults[g]);
    institutional_trust += total.institutional_trust[g];
    belonging += total.belonging[g];
  }
  const std::size_t majority = world.majority_group;
  for (std::size_t g = 0; g < group_count; ++g) {
    const bool comparable = majority < group_count && total.adults[g] > 0 && total.adults[majority] > 0;
    out.employment_gap_by_group[g] = comparable ? out.employment_rate_by_group[majority] - out.employment_rate_by_group[g] : 0.0;
  }
  const double resident_total = static_cast<double>(resident_count);
  out.employment_rate = ratio(employed_adults, adults);
  out.mean_institutional_trust = ratio(institutional_trust, resident_total);
  out.mean_belonging = ratio(belonging, resident_total);
}

}  // namespace convivia
