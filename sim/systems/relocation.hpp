// Monthly residential relocation (docs/model.md 7.4). Households move as a unit.
//
// Who searches. A household's tolerance is the lowest own-group share of its block (home cell) it
// accepts: tolerance_base + tolerance_slope * (1 - mean out-group trust of its adults and seniors)
// + tolerance_spread * (2 * their mean relocation_tolerance - 1), so prejudice raises it (the coupling
// of prejudice and segregation). Each month a household searches with the monthly probability of
// relocation.mobility_per_year (moves for reasons outside the model); otherwise, if the own-group
// share of its block is below its tolerance, it searches with dissatisfied_move_per_month.
//
// Where it goes. A searching household looks at vacancies_sampled blocks drawn uniformly among
// blocks with free housing capacity (duplicates and its own block skipped). Private housing is open
// to households with an employed adult or a senior (earnings or pension), and to others with
// private_access_without_income; social housing is open to all. With the social_housing_mix lever, a
// social-housing vacancy in a block where the household's group already has at least its city-wide
// share is given to another applicant with that probability. Each remaining block scores
// min(share after the move - tolerance, 0) - distance_cost_per_km * distance: any block the
// household would accept is as good as any other, apart from distance. The household applies to the
// blocks in order of score; a private landlord refuses a household of a group other than the
// majority with discrimination_base * housing_discrimination_multiplier, which records a
// discrimination event for its adults and seniors; the first acceptance is the move. A household
// searching only because it is dissatisfied applies only where the score beats staying
// (min(share - tolerance, 0) at home); one moving for other reasons takes the best it can get. If no
// application succeeds, the household stays.
//
// A move sets every member's home cell and home-block venue, and each child gets a school by the
// school catchment rule with the current pupil counts. Households per block never exceed capacity.
//
// Determinism: the decision to search reads the state at the start of the month and runs in
// parallel over fixed blocks of households (each household's draws keyed by (seed, relocation,
// 2 * day, household)); searches then run serially in household id order (moves consume and free
// vacancies), with draws keyed by (seed, relocation, 2 * day + 1, household).
#pragma once

#include "core/dense_id_set.hpp"
#include "systems/step_context.hpp"
#include "world/school_catchments.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace convivia {

struct RelocationTally {
  std::int64_t households_moved = 0;
  std::int64_t housing_refusals = 0;  // applications refused by housing discrimination
};

class RelocationSystem {
 public:
  // Runs one month of relocation; returns what happened.
  RelocationTally run_month(const StepContext& context);

 private:
  struct Searcher {
    std::uint32_t household;
    float tolerance;
    bool dissatisfied_only;  // searching because dissatisfied, not for other reasons
  };
  struct Candidate {
    std::uint32_t cell;
    float score;
    bool social;
  };

  void count_cells(const World& world);
  void move(World& world, std::uint32_t household, std::uint32_t to_cell);

  std::vector<std::uint32_t> cell_group_residents_;  // [cell][group]
  std::vector<std::uint32_t> cell_residents_;
  std::vector<std::uint16_t> cell_households_;
  DenseIdSet vacant_;                                // blocks with free capacity
  std::vector<std::vector<Searcher>> block_searchers_;
  std::vector<Candidate> candidates_;
  std::vector<std::uint32_t> school_load_;
  std::unique_ptr<SchoolCatchments> catchments_;  // built for catchments_world_ on first use
  const World* catchments_world_ = nullptr;
};

}  // namespace convivia
