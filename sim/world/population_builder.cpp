// Households, housing and residents from a city plan (see population_builder.hpp).
#include "world/population_builder.hpp"

#include "core/assert.hpp"
#include "core/random.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace convivia {
namespace {

struct PlannedHousehold {
  std::uint8_t group;
  std::uint16_t size;
};

// Households of one district: for each group, sizes drawn from a geometric distribution with the
// configured mean (Berlin: mean 1.8, about half single-person households) until the group's residents are used.
std::vector<PlannedHousehold> plan_households(const ScenarioConfig& config, const std::int64_t* group_residents,
                                              std::size_t group_count, std::uint32_t district) {
  RandomStream random(config.run.seed, RandomPurpose::population, 0, district);
  const double p_stop = 1.0 / std::max(config.population.mean_household_size, 1.0);
  std::vector<PlannedHousehold> households;
  for (std::size_t g = 0; g < group_count; ++g) {
    std::int64_t left = group_residents[g];
    while (left > 0) {
      std::int64_t size = 1;
      while (size < 8 && random.uniform_double() >= p_stop) ++size;
      size = std::min(size, left);
      households.push_back({static_cast<std::uint8_t>(g), static_cast<std::uint16_t>(size)});
      left -= size;
    }
  }
  // Mixed start: shuffle so cells get a random mix; segregated start keeps households sorted by group.
  if (!config.city.segregated_start)
    for (std::size_t i = households.size(); i > 1; --i)
      std::swap(households[i - 1], households[random.below(static_cast<std::uint32_t>(i))]);
  return households;
}

// A typical trait per (group, feature), so groups start culturally distinct but overlapping.
std::uint8_t typical_trait(std::uint64_t seed, std::size_t group, int feature, int traits) {
  RandomStream random(seed, RandomPurpose::culture_init, static_cast<std::uint32_t>(feature), static_cast<std::uint32_t>(group));
  return static_cast<std::uint8_t>(random.below(static_cast<std::uint32_t>(traits)));
}

}  // namespace

std::vector<std::uint8_t> typical_traits(const ScenarioConfig& config) {
  const std::size_t group_count = config.groups.size();
  const auto features = static_cast<std::size_t>(config.culture.features);
  std::vector<std::uint8_t> typical(group_count * features);
  for (std::size_t g = 0; g < group_count; ++g)
    for (std::size_t f = 0; f < features; ++f)
      typical[g * features + f] = typical_trait(config.run.seed, g, static_cast<int>(f), config.culture.traits);
  return typical;
}

void initialise_resident(const ScenarioConfig& config, const std::vector<std::uint8_t>& typical, Population& residents,
                         std::size_t i, std::uint8_t group, RandomStream& random) {
  const PopulationConfig& pc = config.population;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const auto features = static_cast<std::size_t>(residents.features);
  residents.language[i] = config.groups[group].speaks_language ? pc.language_proficiency_speakers : pc.language_proficiency_newcomers;
  // Attitudes toward other groups are largely a trait of the person: one shift for all out-groups.
  const float disposition = pc.initial_out_group_disposition_sd * random.normal();
  for (std::size_t g = 0; g < group_count; ++g) {
    const float base = g == group ? pc.initial_trust_in_group : pc.initial_trust_out_group + disposition;
    const float noise = (2.0f * random.uniform() - 1.0f) * pc.initial_trust_spread;
    residents.trust[i * group_count + g] = std::clamp(base + noise, 0.0f, 1.0f);
  }
  for (std::size_t f = 0; f < features; ++f)
    residents.culture[i * features + f] = random.uniform_double() < config.culture.group_trait_bias
                                              ? typical[group * features + f]
                                              : static_cast<std::uint8_t>(random.below(static_cast<std::uint32_t>(config.culture.traits)));
  // Uniform over [0, 1) for speakers of the majority language, scaled down for groups that do not
  // speak it (participation.non_speaker_propensity_factor, from volunteering survey figures).
  residents.participation_propensity[i] =
      random.uniform() * (config.groups[group].speaks_language ? 1.0f : config.participation.non_speaker_propensity_factor);
  residents.relocation_tolerance[i] = random.uniform();
}

PopulationBuild build_population(const ScenarioConfig& config, CityPlan& plan) {
  City& city = plan.city;
  const std::size_t group_count = config.groups.size();
  const std::size_t district_count = city.districts.size();
  CONVIVIA_CHECK(plan.district_group_residents.size() == district_count * group_count, "plan has counts per district and group");

  // Cells of each district in row-major order (spatially coherent, so a sorted fill clusters groups).
  std::vector<std::vector<std::uint32_t>> district_cells(district_count);
  for (std::uint32_t cell = 0; cell < city.cell_count(); ++cell)
    if (city.cell_district[cell] != no_district) district_cells[static_cast<std::size_t>(city.cell_district[cell])].push_back(cell);

  city.cell_capacity.assign(city.cell_count(), 0);
  city.cell_social_housing.assign(city.cell_count(), 0);
  RandomStream housing_random(config.run.seed, RandomPurpose::city_generation, 0, 0);
  for (std::uint32_t cell = 0; cell < city.cell_count(); ++cell)
    if (city.cell_district[cell] != no_district)
      city.cell_social_housing[cell] = housing_random.uniform_double() < config.city.social_housing_share ? 1 : 0;

  PopulationBuild build;
  Households& households = build.households;
  for (std::size_t d = 0; d < district_count; ++d) {
    const std::vector<PlannedHousehold> planned =
        plan_households(config, &plan.district_group_residents[d * group_count], group_count, static_cast<std::uint32_t>(d));
    const std::vector<std::uint32_t>& cells = district_cells[d];
    if (planned.empty()) continue;
    CONVIVIA_CHECK(!cells.empty(), "a district with residents has at least one cell");
    // Capacity so that the district's households fill (1 - vacancy) of its housing.
    const double occupied_share = std::max(1.0 - config.city.vacancy_rate, 0.05);
    const double per_cell = static_cast<double>(planned.size()) / (static_cast<double>(cells.size()) * occupied_share);
    const auto capacity = static_cast<std::uint16_t>(std::clamp(std::ceil(per_cell), 1.0, 65535.0));
    // Households go to cells in order, each cell taking its share, so every cell keeps some vacancy.
    const double households_per_cell = static_cast<double>(planned.size()) / static_cast<double>(cells.size());
    for (std::size_t h = 0; h < planned.size(); ++h) {
      const auto cell_index = std::min(cells.size() - 1, static_cast<std::size_t>(static_cast<double>(h) / households_per_cell));
      const std::uint32_t cell = cells[cell_index];
      city.cell_capacity[cell] = capacity;
      households.home_cell.push_back(cell);
      households.group.push_back(planned[h].group);
      households.member_count.push_back(planned[h].size);
    }
  }

  std::size_t resident_count = 0;
  households.first_member.resize(households.size());
  for (std::size_t h = 0; h < households.size(); ++h) {
    households.first_member[h] = static_cast<std::uint32_t>(resident_count);
    resident_count += households.member_count[h];
  }

  Population& residents = build.residents;
  const int features = config.culture.features;
  residents.group_count = static_cast<int>(group_count);
  residents.features = features;
  residents.group.resize(resident_count);
  residents.trust.resize(resident_count * group_count);
  residents.culture.resize(resident_count * static_cast<std::size_t>(features));
  residents.home_venue.assign(resident_count, 0);
  residents.fixed_venue.assign(resident_count, 0xffffffffu);
  residents.tie_resident.assign(resident_count * tie_slots, no_resident);
  residents.tie_strength.assign(resident_count * tie_slots, 0.0f);
  residents.tie_group.assign(resident_count * tie_slots, 0);
  residents.language.resize(resident_count);
  residents.age_class.resize(resident_count);
  residents.employed.assign(resident_count, 0);
  residents.household.resize(resident_count);
  residents.home_cell.resize(resident_count);
  residents.last_discrimination_day.assign(resident_count, never);
  residents.discrimination_events.assign(resident_count, 0);
  residents.positive_intergroup_contacts.assign(resident_count, 0);
  residents.negative_intergroup_contacts.assign(resident_count, 0);
  residents.institutional_trust.assign(resident_count, initial_institutional_trust);
  residents.belonging.assign(resident_count, initial_belonging);
  residents.participation_propensity.resize(resident_count);
  residents.relocation_tolerance.resize(resident_count);
  residents.arrival_month.assign(resident_count, not_a_newcomer);
  residents.positive_contacts_by_month.assign(resident_count * 3, 0);
  residents.positive_contacts_at_month_start.assign(resident_count, 0);

  const std::vector<std::uint8_t> typical = typical_traits(config);

  const PopulationConfig& pc = config.population;
  // Household heads are never children; other members are children often enough that the overall
  // child share matches the configured one.
  const double non_heads = static_cast<double>(resident_count) - static_cast<double>(households.size());
  const double child_share_of_members =
      non_heads > 0.0 ? std::min(1.0, pc.child_share * static_cast<double>(resident_count) / non_heads) : 0.0;
  const double working_age_share = std::max(1e-9, 1.0 - pc.child_share - pc.senior_share);
  const double senior_share_of_adults = std::min(1.0, pc.senior_share / (pc.senior_share + working_age_share));
  for (std::size_t h = 0; h < households.size(); ++h) {
    const std::uint8_t group = households.group[h];
    for (std::uint32_t m = 0; m < households.member_count[h]; ++m) {
      const std::uint32_t i = households.first_member[h] + m;
      RandomStream random(config.run.seed, RandomPurpose::population, 1, i);
      residents.group[i] = group;
      residents.household[i] = static_cast<std::uint32_t>(h);
      residents.home_cell[i] = households.home_cell[h];
      AgeClass age = AgeClass::adult;
      if (m > 0 && random.uniform_double() < child_share_of_members) age = AgeClass::child;
      else if (random.uniform_double() < senior_share_of_adults) age = AgeClass::senior;
      residents.age_class[i] = static_cast<std::uint8_t>(age);
      residents.employed[i] = age == AgeClass::adult && random.uniform_double() < pc.employment_rate ? 1 : 0;
      initialise_resident(config, typical, residents, i, group, random);
    }
  }
  return build;
}

}  // namespace convivia
