// Language courses (DESIGN.md 5.5), run monthly: every resident whose proficiency is below the
// language threshold (encounters.language_threshold) gains
//   course_gain_per_month * language_course_intensity * (1 - proficiency)
// per month. The lever is 0 without a policy, and then nothing changes. Proficiency grown through
// everyday contact is part of the encounters. Each resident's update reads only its own value, so
// the parallel loop gives the same result for any thread count.
#pragma once

#include "policy/levers.hpp"
#include "world/population.hpp"
#include "world/scenario_config.hpp"

namespace convivia {

void run_language_courses(const ScenarioConfig& config, const Levers& levers, Population& residents);

}  // namespace convivia
