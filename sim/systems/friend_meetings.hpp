// Weekly friend meetings (DESIGN.md section 3, "weekly"): residents spend time with the people they
// have ties to, outside the venues of the daily step. A tie of strength s meets in a week with
// probability s * encounters.friend_meetings_per_week; a meeting across groups is a positive
// intergroup contact for both friends (the encounter rules of contact_effects.hpp), so cross-group
// friendships keep working on trust after they form. Ties are not strengthened by meetings: only
// new positive encounters strengthen them.
#pragma once

#include "core/calendar.hpp"
#include "systems/encounters.hpp"
#include "world/scenario_config.hpp"
#include "world/world.hpp"

namespace convivia {

// Runs every day from day 1 for the residents whose id equals the day modulo 7, so every resident
// visits its friends once a week and the days of the week carry equal shares. Serial, in resident
// id order: each pair of friends is visited by the friend with the lower id, and both are updated. Meetings across groups are added to `tally` like positive
// encounters (one per pair, and one per participant by group).
void run_friend_meetings(const ScenarioConfig& config, World& world, int day, EncounterTally& tally);

}  // namespace convivia
