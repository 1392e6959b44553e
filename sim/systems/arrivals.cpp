// Monthly departures, arrivals and welcome ties (see arrivals.hpp).
#include "systems/arrivals.hpp"

#include "core/calendar.hpp"
#include "core/random.hpp"
#include "systems/contact_effects.hpp"
#include "systems/step_context.hpp"
#include "world/school_catchments.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace convivia {
namespace {

constexpr int months_in_newcomer_window = 12;  // "arrived in the last year", in monthly steps
constexpr int welcome_partner_tries = 8;   // residents of the block looked at for one of another group

}  // namespace

ArrivalsSystem::ArrivalsSystem(const ScenarioConfig& config) {
  for (const GroupConfig& group : config.groups)
    departure_probability_.push_back(monthly_chance_from_yearly_rate(group.departure_rate_per_year));
}

void ArrivalsSystem::run(const ScenarioConfig& config, World& world, const LeverMap& levers, int month,
                         ResidentTurnover& turnover) {
  Population& residents = world.residents;
  Households& households = world.households;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  departures_by_group_.assign(group_count, 0);
  arrivals_by_group_.assign(group_count, 0);
  newcomers_.clear();
  welcomed_ = 0;
  if (std::all_of(departure_probability_.begin(), departure_probability_.end(), [](double p) { return p <= 0.0; })) return;

  // Arriving groups are weighted by arrival rate times the group's residents at the start of the month.
  std::vector<double> group_residents(group_count, 0.0);
  for (std::size_t h = 0; h < households.size(); ++h) group_residents[households.group[h]] += households.member_count[h];
  std::vector<double> cumulative_weight(group_count, 0.0);
  double total_weight = 0.0;
  for (std::size_t g = 0; g < group_count; ++g) {
    total_weight += config.groups[g].arrival_rate_per_year * group_residents[g];
    cumulative_weight[g] = total_weight;
  }

  std::optional<SchoolCatchments> catchments;
  std::vector<std::uint32_t> load;
  const std::uint64_t seed = config.run.seed;
  const auto tick = static_cast<std::uint32_t>(month);
  for (std::size_t h = 0; h < households.size(); ++h) {
    const std::uint8_t old_group = households.group[h];
    const double p = departure_probability_[old_group];
    if (p <= 0.0) continue;
    RandomStream household_random(seed, RandomPurpose::departures, tick, static_cast<std::uint32_t>(h));
    if (household_random.uniform_double() >= p) continue;
    std::uint8_t new_group = old_group;
    if (total_weight > 0.0) {
      const double pick = household_random.uniform_double() * total_weight;
      const auto found = std::upper_bound(cumulative_weight.begin(), cumulative_weight.end(), pick);
      new_group = static_cast<std::uint8_t>(std::min<std::ptrdiff_t>(found - cumulative_weight.begin(),
                                                                     static_cast<std::ptrdiff_t>(group_count) - 1));
    }
    const std::uint16_t size = households.member_count[h];
    departures_by_group_[old_group] += size;
    arrivals_by_group_[new_group] += size;
    households.group[h] = new_group;
    for (std::uint32_t m = 0; m < size; ++m) {
      const std::uint32_t i = households.first_member[h] + m;
      RandomStream random(seed, RandomPurpose::arrivals, 2 * tick, i);
      const bool child = residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::child);
      if (child && !catchments) {
        catchments.emplace(world.venues, world.city);
        load = school_load(world.venues, residents);
      }
      if (child && residents.fixed_venue[i] != no_venue) --load[residents.fixed_venue[i]];
      turnover.recycle(config, residents, i, new_group, random);
      // People arriving from abroad may not yet speak the language their group's residents speak.
      if (!config.groups[new_group].newcomers_speak_language)
        residents.language[i] = std::min(residents.language[i], config.population.language_proficiency_newcomers);
      residents.employed[i] = 0;
      residents.fixed_venue[i] = no_venue;
      if (child) {
        residents.fixed_venue[i] = catchments->choose(residents.home_cell[i], load);
        if (residents.fixed_venue[i] != no_venue) ++load[residents.fixed_venue[i]];
      }
      residents.arrival_month[i] = static_cast<std::int16_t>(std::min(month, 32767));
      newcomers_.push_back(i);
    }
  }
  turnover.clear_ties(residents);
  const bool welcoming = levers.any_of([](const Levers& l) { return l.welcome_tie_probability > 0.0f; });
  if (welcoming && !newcomers_.empty()) welcome(config, world, levers, month);
}

void ArrivalsSystem::welcome(const ScenarioConfig& config, World& world, const LeverMap& levers, int month) {
  Population& residents = world.residents;
  const std::size_t cell_count = world.city.cell_count();
  // Residents by home cell (counting sort, resident id order within a cell).
  cell_start_.assign(cell_count + 1, 0);
  for (std::size_t i = 0; i < residents.size(); ++i) ++cell_start_[residents.home_cell[i] + 1];
  for (std::size_t c = 0; c < cell_count; ++c) cell_start_[c + 1] += cell_start_[c];
  cell_residents_.resize(residents.size());
  std::vector<std::uint32_t> next(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t i = 0; i < residents.size(); ++i) cell_residents_[next[residents.home_cell[i]]++] = static_cast<std::uint32_t>(i);

  const auto group_count = static_cast<std::size_t>(residents.group_count);
  for (std::uint32_t i : newcomers_) {
    RandomStream random(config.run.seed, RandomPurpose::arrivals, 2 * static_cast<std::uint32_t>(month) + 1, i);
    if (random.uniform() >= resident_levers(levers, world, i).welcome_tie_probability) continue;
    const std::uint32_t cell = residents.home_cell[i];
    const std::uint32_t begin = cell_start_[cell];
    const std::uint32_t count = cell_start_[cell + 1] - begin;
    const std::uint8_t own = residents.group[i];
    std::uint32_t partner = no_resident;
    for (int attempt = 0; attempt < welcome_partner_tries && partner == no_resident; ++attempt) {
      const std::uint32_t other = cell_residents_[begin + random.below(count)];
      if (residents.group[other] != own) partner = other;
    }
    if (partner == no_resident) continue;
    const std::uint8_t partner_group = residents.group[partner];
    strengthen_tie(residents, i, partner);
    strengthen_tie(residents, partner, i);
    const auto groups = static_cast<int>(group_count);
    positive_contact_trust(&residents.trust[i * group_count], own, partner_group, groups, config.encounters);
    positive_contact_trust(&residents.trust[partner * group_count], partner_group, own, groups, config.encounters);
    residents.positive_intergroup_contacts[i] += 1;
    residents.positive_intergroup_contacts[partner] += 1;
    ++welcomed_;
  }
}

double newcomer_share(const Population& residents, int month) {
  if (residents.size() == 0) return 0.0;
  std::size_t recent = 0;
  for (std::int16_t arrived : residents.arrival_month)
    recent += arrived != not_a_newcomer && month - arrived < months_in_newcomer_window ? 1 : 0;
  return static_cast<double>(recent) / static_cast<double>(residents.size());
}

}  // namespace convivia
