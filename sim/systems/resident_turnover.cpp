// Reusing a resident slot for a new person (see resident_turnover.hpp).
#include "systems/resident_turnover.hpp"

#include "core/parallel.hpp"
#include "world/population_builder.hpp"

#include <algorithm>

namespace convivia {

ResidentTurnover::ResidentTurnover(const ScenarioConfig& config) : typical_(typical_traits(config)) {}

void ResidentTurnover::recycle(const ScenarioConfig& config, Population& residents, std::uint32_t i, std::uint8_t group,
                               RandomStream& random) {
  if (recycled_.size() != residents.size()) recycled_.assign(residents.size(), 0);
  residents.group[i] = group;
  initialise_resident(config, typical_, residents, i, group, random);
  const std::size_t ties = static_cast<std::size_t>(i) * tie_slots;
  std::fill_n(residents.tie_resident.begin() + static_cast<std::ptrdiff_t>(ties), tie_slots, no_resident);
  std::fill_n(residents.tie_strength.begin() + static_cast<std::ptrdiff_t>(ties), tie_slots, 0.0f);
  residents.last_discrimination_day[i] = never;
  residents.discrimination_events[i] = 0;
  residents.institutional_trust[i] = initial_institutional_trust;
  residents.belonging[i] = initial_belonging;
  residents.positive_intergroup_contacts[i] = 0;
  residents.negative_intergroup_contacts[i] = 0;
  if (!residents.positive_contacts_by_month.empty())
    std::fill_n(residents.positive_contacts_by_month.begin() + static_cast<std::ptrdiff_t>(i) * 3, 3, std::uint16_t{0});
  if (!residents.positive_contacts_at_month_start.empty()) residents.positive_contacts_at_month_start[i] = 0;
  if (recycled_[i] == 0) {
    recycled_[i] = 1;
    recycled_ids_.push_back(i);
  }
}

void ResidentTurnover::clear_ties(Population& residents) {
  if (recycled_ids_.empty()) return;
  // Each task clears only the ties of its own residents, so the result does not depend on the split.
  parallel_for(residents.size(), 16384, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin * tie_slots; k < end * tie_slots; ++k) {
      const std::uint32_t other = residents.tie_resident[k];
      if (other != no_resident && recycled_[other] != 0) {
        residents.tie_resident[k] = no_resident;
        residents.tie_strength[k] = 0.0f;
      }
    }
  });
  // A recycled resident's own ties were cleared when it was recycled; ties formed since (welcome
  // ties) are formed after this call.
  for (std::uint32_t i : recycled_ids_) recycled_[i] = 0;
  recycled_ids_.clear();
}

}  // namespace convivia
