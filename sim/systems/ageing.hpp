// Ageing (docs/model.md section 3, yearly), a simplification that keeps the age structure stationary.
//
// Once a year each child becomes an adult with probability 1 / child_years (it leaves school and
// becomes a job seeker), each adult becomes a senior with probability F / A (it leaves work), and
// each senior dies with probability F / S; the slot of a senior who dies is reborn as a child of
// the same household and group, with the attitudes of a new resident (resident_turnover). C, A and
// S are the numbers of children, adults and seniors at the start of the run and F = C / child_years
// is the yearly flow through each class. Every class then loses in expectation what it gains, so the
// population size and the child, adult and senior shares stay near their start values. With Berlin's
// shares (16% under 18, 65% adults, 19% 65+) the senior death rate is about 1/21 per year, close to
// the remaining life expectancy at 65 in Germany; households keep their size, so a single senior who
// dies is followed by a child in the same dwelling (part of the simplification).
//
// Determinism: residents are processed serially in id order, each with draws keyed by
// (seed, ageing, year, resident).
#pragma once

#include "systems/resident_turnover.hpp"
#include "world/world.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

class AgeingSystem {
 public:
  // Transition probabilities from the age classes of `residents` (the population at the start).
  AgeingSystem(const ScenarioConfig& config, const Population& residents);

  // One year of ageing; `year` is 1 for the first yearly step (day 365).
  void run(const ScenarioConfig& config, World& world, int year, ResidentTurnover& turnover);

  double child_to_adult() const { return child_to_adult_; }
  double adult_to_senior() const { return adult_to_senior_; }
  double senior_death() const { return senior_death_; }
  // Residents born in the last run (slots of seniors who died).
  const std::vector<std::uint32_t>& born() const { return born_; }

 private:
  double child_to_adult_ = 0.0, adult_to_senior_ = 0.0, senior_death_ = 0.0;  // per year
  std::vector<std::uint32_t> born_;
};

}  // namespace convivia
