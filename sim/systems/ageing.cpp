// Yearly ageing with a stationary age structure (see ageing.hpp).
#include "systems/ageing.hpp"

#include "core/random.hpp"

#include <algorithm>

namespace convivia {

AgeingSystem::AgeingSystem(const ScenarioConfig& config, const Population& residents) {
  double count[3] = {0.0, 0.0, 0.0};
  for (std::uint8_t age : residents.age_class) count[age] += 1.0;
  const double flow = count[0] / std::max(config.ageing.child_years, 1.0);
  child_to_adult_ = count[0] > 0.0 ? std::min(1.0, 1.0 / std::max(config.ageing.child_years, 1.0)) : 0.0;
  adult_to_senior_ = count[1] > 0.0 ? std::min(1.0, flow / count[1]) : 0.0;
  senior_death_ = count[2] > 0.0 ? std::min(1.0, flow / count[2]) : 0.0;
}

void AgeingSystem::run(const ScenarioConfig& config, World& world, int year, ResidentTurnover& turnover) {
  born_.clear();
  if (!config.ageing.enabled) return;
  Population& residents = world.residents;
  for (std::size_t k = 0; k < residents.size(); ++k) {
    const auto i = static_cast<std::uint32_t>(k);
    RandomStream random(config.run.seed, RandomPurpose::ageing, static_cast<std::uint32_t>(year), i);
    const double u = random.uniform_double();
    switch (static_cast<AgeClass>(residents.age_class[i])) {
      case AgeClass::child:
        if (u >= child_to_adult_) break;
        residents.age_class[i] = static_cast<std::uint8_t>(AgeClass::adult);
        residents.fixed_venue[i] = no_venue;  // leaves school; a job seeker from now on
        residents.employed[i] = 0;
        break;
      case AgeClass::adult:
        if (u >= adult_to_senior_) break;
        residents.age_class[i] = static_cast<std::uint8_t>(AgeClass::senior);
        residents.fixed_venue[i] = no_venue;  // retires
        residents.employed[i] = 0;
        break;
      case AgeClass::senior:
        if (u >= senior_death_) break;
        // Reborn as a child of the household; its school comes with the new school year.
        turnover.recycle(config, residents, i, world.households.group[residents.household[i]], random);
        residents.age_class[i] = static_cast<std::uint8_t>(AgeClass::child);
        residents.fixed_venue[i] = no_venue;
        residents.employed[i] = 0;
        residents.arrival_month[i] = not_a_newcomer;
        born_.push_back(i);
        break;
    }
  }
  turnover.clear_ties(residents);
}

}  // namespace convivia
