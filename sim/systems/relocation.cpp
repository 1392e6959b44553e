// Monthly residential relocation (see relocation.hpp).
#include "systems/relocation.hpp"

#include "core/assert.hpp"
#include "core/calendar.hpp"
#include "core/parallel.hpp"
#include "core/random.hpp"
#include "systems/daily_metrics.hpp"
#include "systems/discrimination.hpp"

#include <algorithm>
#include <cmath>

namespace convivia {
namespace {
constexpr std::size_t block_size = 4096;  // households per block of the parallel decision step

bool is_child(const Population& residents, std::uint32_t i) {
  return residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::child);
}

// The household's tolerance (see relocation.hpp), from its adults and seniors (all members if none).
float tolerance_of(const Population& residents, const Households& households, std::uint32_t h, const RelocationConfig& rc) {
  const std::uint32_t first = households.first_member[h];
  const std::uint32_t end = first + households.member_count[h];
  float trust = 0.0f, individual = 0.0f;
  int counted = 0;
  for (const bool include_children : {false, true}) {
    for (std::uint32_t i = first; i < end; ++i) {
      if (!include_children && is_child(residents, i)) continue;
      trust += mean_outgroup_trust(residents, i);
      individual += residents.relocation_tolerance[i];
      ++counted;
    }
    if (counted > 0) break;
  }
  trust /= static_cast<float>(std::max(counted, 1));
  individual /= static_cast<float>(std::max(counted, 1));
  return rc.tolerance_base + rc.tolerance_slope * (1.0f - trust) + rc.tolerance_spread * (2.0f * individual - 1.0f);
}

// Earnings or a pension: an employed adult or a senior in the household.
bool has_income(const Population& residents, std::uint32_t first, std::uint32_t end) {
  for (std::uint32_t i = first; i < end; ++i)
    if (residents.employed[i] != 0 || residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::senior)) return true;
  return false;
}

}  // namespace

void RelocationSystem::count_cells(const World& world) {
  const Population& residents = world.residents;
  const Households& households = world.households;
  const std::size_t cell_count = world.city.cell_count();
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  cell_group_residents_.assign(cell_count * group_count, 0);
  cell_residents_.assign(cell_count, 0);
  cell_households_.assign(cell_count, 0);
  for (std::size_t i = 0; i < residents.size(); ++i) {
    ++cell_group_residents_[residents.home_cell[i] * group_count + residents.group[i]];
    ++cell_residents_[residents.home_cell[i]];
  }
  for (std::size_t h = 0; h < households.size(); ++h) ++cell_households_[households.home_cell[h]];
  vacant_.reset(cell_count);
  for (std::uint32_t cell = 0; cell < cell_count; ++cell) {
    CONVIVIA_CHECK(cell_households_[cell] <= world.city.cell_capacity[cell], "households per block within capacity");
    if (cell_households_[cell] < world.city.cell_capacity[cell]) vacant_.insert(cell);
  }
}

void RelocationSystem::move(World& world, std::uint32_t household, std::uint32_t to_cell) {
  Population& residents = world.residents;
  Households& households = world.households;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const std::uint32_t from_cell = households.home_cell[household];
  const std::uint32_t home_venue = world.cell_home_venue[to_cell];
  CONVIVIA_CHECK(home_venue != no_venue, "every block with housing has a home-block venue");
  const std::uint32_t first = households.first_member[household];
  const std::uint32_t end = first + households.member_count[household];
  for (std::uint32_t i = first; i < end; ++i) {
    --cell_group_residents_[from_cell * group_count + residents.group[i]];
    --cell_residents_[from_cell];
    ++cell_group_residents_[to_cell * group_count + residents.group[i]];
    ++cell_residents_[to_cell];
    residents.home_cell[i] = to_cell;
    residents.home_venue[i] = home_venue;
  }
  if (cell_households_[from_cell]-- == world.city.cell_capacity[from_cell]) vacant_.insert(from_cell);
  if (++cell_households_[to_cell] == world.city.cell_capacity[to_cell]) vacant_.erase(to_cell);
  CONVIVIA_CHECK(cell_households_[to_cell] <= world.city.cell_capacity[to_cell], "households per block within capacity");
  households.home_cell[household] = to_cell;

  if (catchments_->empty()) return;
  for (std::uint32_t i = first; i < end; ++i) {
    if (!is_child(residents, i)) continue;
    if (residents.fixed_venue[i] != no_venue) --school_load_[residents.fixed_venue[i]];
    const std::uint32_t school = catchments_->choose(to_cell, school_load_);
    residents.fixed_venue[i] = school;
    if (school != no_venue) ++school_load_[school];
  }
}

RelocationTally RelocationSystem::run_month(const StepContext& context) {
  World& world = context.world;
  Population& residents = world.residents;
  Households& households = world.households;
  const City& city = world.city;
  const RelocationConfig& rc = context.config.relocation;
  const std::uint64_t seed = context.config.run.seed;
  const int day = context.time.day;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  const std::size_t household_count = households.size();
  RelocationTally tally;

  count_cells(world);

  // Who searches, from the state at the start of the month, in parallel over blocks of households.
  const float mobility = static_cast<float>(monthly_chance_from_yearly_rate(rc.mobility_per_year));
  const std::size_t block_count = (household_count + block_size - 1) / block_size;
  block_searchers_.resize(block_count);
  parallel_for(block_count, 1, [&](std::size_t first_block, std::size_t last_block) {
    for (std::size_t b = first_block; b < last_block; ++b) {
      std::vector<Searcher>& searchers = block_searchers_[b];
      searchers.clear();
      const std::size_t end = std::min(household_count, (b + 1) * block_size);
      for (std::size_t h = b * block_size; h < end; ++h) {
        if (households.member_count[h] == 0) continue;
        const auto household = static_cast<std::uint32_t>(h);
        RandomStream random(seed, RandomPurpose::relocation, static_cast<std::uint32_t>(2 * day), household);
        const float draw = random.uniform();
        const float tolerance = tolerance_of(residents, households, household, rc);
        if (draw < mobility) {
          searchers.push_back({household, tolerance, false});
          continue;
        }
        const std::uint32_t cell = households.home_cell[h];
        const double share = static_cast<double>(cell_group_residents_[cell * group_count + households.group[h]]) /
                             static_cast<double>(std::max<std::uint32_t>(cell_residents_[cell], 1));
        if (share < tolerance && random.uniform() < rc.dissatisfied_move_per_month) searchers.push_back({household, tolerance, true});
      }
    }
  });

  bool any_searcher = false;
  for (const std::vector<Searcher>& searchers : block_searchers_) any_searcher = any_searcher || !searchers.empty();
  if (!any_searcher) return tally;

  if (!catchments_ || catchments_world_ != &world) {
    catchments_ = std::make_unique<SchoolCatchments>(world.venues, world.city);
    catchments_world_ = &world;
  }
  school_load_ = school_load(world.venues, residents);

  // City-wide group shares, for the social-housing mix allocation.
  std::vector<double> city_share(group_count, 0.0);
  for (std::size_t i = 0; i < residents.size(); ++i) city_share[residents.group[i]] += 1.0;
  for (double& share : city_share) share /= static_cast<double>(std::max<std::size_t>(residents.size(), 1));

  // Housing levers act where the vacancy is, for the household's group.
  const auto levers_at = [&](std::uint32_t cell, std::uint8_t group) -> const Levers& {
    return context.levers.at(city.cell_district[cell], group);
  };

  // Searches, serially in household id order: moves take and free vacancies.
  for (const std::vector<Searcher>& searchers : block_searchers_) {
    for (const Searcher& searcher : searchers) {
      if (vacant_.empty()) return tally;
      const std::uint32_t h = searcher.household;
      RandomStream random(seed, RandomPurpose::relocation, static_cast<std::uint32_t>(2 * day + 1), h);
      const std::uint32_t first = households.first_member[h];
      const std::uint32_t end = first + households.member_count[h];
      const std::uint8_t group = households.group[h];
      const std::uint32_t home = households.home_cell[h];
      const auto home_centre = city.cell_centre_m(home);
      const double size = households.member_count[h];
      const bool private_access = has_income(residents, first, end) || random.uniform() < rc.private_access_without_income;
      const auto satisfaction = [&](double share) { return static_cast<float>(std::min(share - searcher.tolerance, 0.0)); };
      const float stay = satisfaction(static_cast<double>(cell_group_residents_[home * group_count + group]) /
                                      static_cast<double>(std::max<std::uint32_t>(cell_residents_[home], 1)));

      candidates_.clear();
      for (int k = 0; k < rc.vacancies_sampled; ++k) {
        const std::uint32_t cell = vacant_[random.below(static_cast<std::uint32_t>(vacant_.size()))];
        if (cell == home) continue;
        if (std::any_of(candidates_.begin(), candidates_.end(), [cell](const Candidate& c) { return c.cell == cell; })) continue;
        const bool social = city.cell_social_housing[cell] != 0;
        if (!social && !private_access) continue;
        const double own = cell_group_residents_[cell * group_count + group];
        const double all = cell_residents_[cell];
        const float mix = std::clamp(levers_at(cell, group).social_housing_mix, 0.0f, 1.0f);
        if (social && mix > 0.0f && (all > 0.0 ? own / all : 0.0) >= city_share[group] && random.uniform() < mix) continue;
        const auto centre = city.cell_centre_m(cell);
        const double distance_km = std::hypot(centre[0] - home_centre[0], centre[1] - home_centre[1]) / 1000.0;
        const float score =
            satisfaction((own + size) / (all + size)) - rc.distance_cost_per_km * static_cast<float>(distance_km);
        if (searcher.dissatisfied_only && score <= stay) continue;
        candidates_.push_back({cell, score, social});
      }
      // Best first; ties keep the order drawn.
      std::stable_sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
      const bool targeted = group != world.majority_group;
      for (const Candidate& candidate : candidates_) {
        const float discrimination =
            std::clamp(rc.discrimination_base * levers_at(candidate.cell, group).housing_discrimination_multiplier, 0.0f, 1.0f);
        if (!candidate.social && targeted && random.uniform() < discrimination) {
          for (std::uint32_t i = first; i < end; ++i)
            if (!is_child(residents, i)) record_discrimination(residents, i, day, context.config.discrimination);
          ++tally.housing_refusals;
          continue;
        }
        move(world, h, candidate.cell);
        ++tally.households_moved;
        break;
      }
    }
  }
  return tally;
}

}  // namespace convivia
