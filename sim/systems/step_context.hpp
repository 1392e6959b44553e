// What every system gets for one slot or day: the world it may read and write, the scenario, the
// levers of the day (per district and group), and where in time the step is. Systems are free functions taking this and the
// arrays they own; nothing here is global.
#pragma once

#include "policy/lever_map.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

#include <cstdint>

namespace convivia {

inline constexpr int slots_per_day = 3;
enum class Slot : int { daytime = 0, leisure = 1, evening = 2 };

struct TimePoint {
  int day = 0;
  int slot = 0;
  int weekday = 0;  // 0 Monday ... 6 Sunday
  std::uint32_t tick() const { return static_cast<std::uint32_t>(day * slots_per_day + slot); }
};

struct StepContext {
  const ScenarioConfig& config;
  World& world;
  const LeverMap& levers;
  TimePoint time;
};

// The levers acting on resident i: those of its home district and its group.
inline const Levers& resident_levers(const LeverMap& levers, const World& world, std::size_t i) {
  return levers.at(world.city.cell_district[world.residents.home_cell[i]], world.residents.group[i]);
}

}  // namespace convivia
