// The monthly labour market (docs/model.md 7.3). At the start of each month every employed adult loses
// the job with probability labour.job_loss_per_month; every adult who was not employed at the start
// of the month sends up to labour.applications_per_month applications, each to a workplace drawn at
// random among those with a vacancy (capacity minus current staff). An application succeeds on its
// merits with the hire probability, times (1 - language_penalty) below the language threshold; an
// otherwise successful application from a member of a group other than the majority is refused
// with probability discrimination_base * lever, which records a discrimination event. A hire sets
// employed and the workplace (fixed_venue). Seniors and children are outside the labour force.
//
// The default hire probability is derived so the employment rate of unpenalised, undiscriminated
// adults is stationary at population.employment_rate: with separation rate s and employment rate e,
// flows balance when the monthly hire rate of the non-employed is h = s * e / (1 - e), and k
// applications of success p give h = 1 - (1 - p)^k.
//
// Determinism: job losses run in parallel in fixed blocks of residents (each writes only its own
// resident; job seekers are collected per block and joined in block order); the search runs serially
// in resident id order, because hires consume vacancies. Each resident draws from its own stream
// keyed by (seed, labour, day, resident).
#pragma once

#include "core/dense_id_set.hpp"
#include "systems/step_context.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

struct LabourTally {
  std::int64_t hires = 0;
  std::int64_t job_losses = 0;
  std::int64_t discrimination_events = 0;  // refused applications
};

// Per-application hire probability that keeps the employment rate stationary (see above).
float stationary_hire_probability(float job_loss_per_month, int applications_per_month, double employment_rate);

class LabourSystem {
 public:
  // Runs one month of job losses and job search; returns what happened.
  LabourTally run_month(const StepContext& context);

 private:
  std::vector<std::vector<std::uint32_t>> block_seekers_;
  std::vector<std::int64_t> block_losses_;
  std::vector<std::uint32_t> staff_;          // per venue: employed residents working there
  DenseIdSet open_;                           // workplaces with a vacancy
};

}  // namespace convivia
