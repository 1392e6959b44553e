// Monthly language-course proficiency growth (see language_courses.hpp).
#include "systems/language_courses.hpp"

#include "core/parallel.hpp"
#include "systems/step_context.hpp"

#include <algorithm>

namespace convivia {

void run_language_courses(const ScenarioConfig& config, const LeverMap& levers, World& world) {
  if (!levers.any_of([](const Levers& l) { return l.language_course_intensity > 0.0f; })) return;
  const float threshold = config.encounters.language_threshold;
  Population& residents = world.residents;
  parallel_for(residents.size(), 65536, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      float& proficiency = residents.language[i];
      if (proficiency >= threshold) continue;
      const float intensity = resident_levers(levers, world, i).language_course_intensity;
      const float gain = std::min(1.0f, config.language.course_gain_per_month * intensity);
      if (gain > 0.0f) proficiency += gain * (1.0f - proficiency);
    }
  });
}

}  // namespace convivia
