// Language courses (docs/model.md 7.5), run monthly: every resident whose proficiency is below the
// language threshold (encounters.language_threshold) gains
//   course_gain_per_month * language_course_intensity * (1 - proficiency)
// per month, with the lever of its home district and group. The lever is 0 without a policy, and
// then nothing changes. Proficiency grown through
// everyday contact is part of the encounters. Each resident's update reads only its own value, so
// the parallel loop gives the same result for any thread count.
#pragma once

#include "policy/lever_map.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

namespace convivia {

void run_language_courses(const ScenarioConfig& config, const LeverMap& levers, World& world);

}  // namespace convivia
