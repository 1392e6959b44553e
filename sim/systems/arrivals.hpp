// Departures, arrivals and the welcome programme (docs/model.md 7.5), run monthly.
//
// The city is housing-constrained: the population keeps its size and its resident ids, and
// migration is turnover of dwellings. Each month every household leaves the city with its group's
// monthly departure probability, 1 - (1 - departure_rate_per_year)^(1/12), so the yearly share that
// leaves is departure_rate_per_year. Its dwelling and resident slots are taken over at once by an
// arriving household of the same size and age classes, whose group is drawn in proportion to
// arrival_rate_per_year * residents of the group at the start of the month (the departing
// household's own group if no group has an arrival rate). Arrivals therefore balance departures in
// total, and split between groups in proportion to the configured rates.
//
// Newcomers start like residents of their group at the start of the run (resident_turnover), with
// the language proficiency of newcomers unless their group speaks the language; adults arrive
// without a job (the labour market finds them one), children get a school with room near home. With
// the welcome-programme lever of its district and group, a newcomer gets, with that probability, a tie to a random resident of
// another group living in the same block and one first positive contact with them.
//
// Determinism: households and residents are processed serially in id order; each household's draws
// are keyed by (seed, departures, month, household), each newcomer's by (seed, arrivals, month, resident).
#pragma once

#include "policy/lever_map.hpp"
#include "systems/resident_turnover.hpp"
#include "world/world.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

class ArrivalsSystem {
 public:
  explicit ArrivalsSystem(const ScenarioConfig& config);

  // The month's departures and arrivals; `month` is the month index (day / 30).
  void run(const ScenarioConfig& config, World& world, const LeverMap& levers, int month, ResidentTurnover& turnover);

  // Residents leaving and arriving in the last run, by group.
  const std::vector<std::int64_t>& departures_by_group() const { return departures_by_group_; }
  const std::vector<std::int64_t>& arrivals_by_group() const { return arrivals_by_group_; }
  // Residents who arrived in the last run (their slots now hold newcomers).
  const std::vector<std::uint32_t>& newcomers() const { return newcomers_; }
  // Newcomers who got a welcome tie in the last run.
  std::int64_t welcomed() const { return welcomed_; }

 private:
  void welcome(const ScenarioConfig& config, World& world, const LeverMap& levers, int month);

  std::vector<double> departure_probability_;  // per month, per group
  std::vector<std::int64_t> departures_by_group_, arrivals_by_group_;
  std::vector<std::uint32_t> newcomers_;
  std::int64_t welcomed_ = 0;
  std::vector<std::uint32_t> cell_start_, cell_residents_;  // residents by home cell, for the welcome programme
};

// Share of residents who arrived in the 12 months up to and including `month`.
double newcomer_share(const Population& residents, int month);

}  // namespace convivia
