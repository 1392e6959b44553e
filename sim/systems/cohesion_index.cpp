// The cohesion index (see cohesion_index.hpp).
#include "systems/cohesion_index.hpp"

#include "core/parallel.hpp"

#include <algorithm>
#include <vector>

namespace convivia {

ResidentCohesionMeans resident_cohesion_means(const Population& residents) {
  struct Sums {
    std::int64_t with_tie = 0, adults = 0;
    double belonging = 0, institutional = 0;
  };
  const std::size_t resident_count = residents.size();
  std::vector<Sums> blocks;
  Sums total;
  reduce_blocks(
      resident_count, reduction_block_size, blocks,
      [&](Sums& s, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          bool tie = false;
          for (int k = 0; k < tie_slots; ++k) tie |= residents.tie_resident[i * tie_slots + static_cast<std::size_t>(k)] != no_resident;
          s.with_tie += tie ? 1 : 0;
          s.adults += residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child) ? 1 : 0;
          s.belonging += residents.belonging[i];
          s.institutional += residents.institutional_trust[i];
        }
      },
      [&](const Sums& s) {
        total.with_tie += s.with_tie;
        total.adults += s.adults;
        total.belonging += s.belonging;
        total.institutional += s.institutional;
      });
  ResidentCohesionMeans means;
  if (resident_count == 0) return means;
  const auto n = static_cast<double>(resident_count);
  means.tie_share = static_cast<double>(total.with_tie) / n;
  means.belonging = total.belonging / n;
  means.institutional_trust = total.institutional / n;
  means.adults_and_seniors = total.adults;
  return means;
}

CohesionIndex compute_cohesion_index(const ResidentCohesionMeans& means, const CohesionMonth& month) {
  const auto share = [](double num, double den) { return den > 0.0 ? std::clamp(num / den, 0.0, 1.0) : 0.0; };
  CohesionIndex out;
  out.dimensions = {
      means.tie_share,
      std::clamp(month.generalised_trust / 10.0, 0.0, 1.0),
      month.diversity_resource_share,
      means.belonging,
      means.institutional_trust,
      1.0 - month.perceived_discrimination_share,
      share(static_cast<double>(month.positive_contacts), static_cast<double>(month.positive_contacts + month.negative_contacts)),
      1.0 - share(2.0 * static_cast<double>(month.conflicts), static_cast<double>(month.resident_count)),
      share(static_cast<double>(month.forum_attendances), static_cast<double>(means.adults_and_seniors)),
  };
  for (std::size_t d = 0; d < 3; ++d) out.domains[d] = (out.dimensions[3 * d] + out.dimensions[3 * d + 1] + out.dimensions[3 * d + 2]) / 3.0;
  out.index = 100.0 * (out.domains[0] + out.domains[1] + out.domains[2]) / 3.0;
  return out;
}

}  // namespace convivia
