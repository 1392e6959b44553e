// Monthly language-course proficiency growth (see language_courses.hpp).
#include "systems/language_courses.hpp"

#include "core/parallel.hpp"

#include <algorithm>

namespace convivia {

void run_language_courses(const ScenarioConfig& config, const Levers& levers, Population& residents) {
  const float gain = std::min(1.0f, config.language.course_gain_per_month * levers.language_course_intensity);
  if (gain <= 0.0f) return;
  const float threshold = config.encounters.language_threshold;
  parallel_for(residents.size(), 65536, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      float& proficiency = residents.language[i];
      if (proficiency < threshold) proficiency += gain * (1.0f - proficiency);
    }
  });
}

}  // namespace convivia
