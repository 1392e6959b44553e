// The indicator structs field by field for a StateArchive (core/state_archive.hpp): the simulation
// keeps the last day's and month's indicators as state, and the run recorder keeps all of them.
#pragma once

#include "core/state_archive.hpp"
#include "systems/encounters.hpp"
#include "systems/indicators.hpp"

namespace convivia {

void archive_indicators(StateArchive& archive, DailyIndicators& daily);
void archive_indicators(StateArchive& archive, MonthlyIndicators& monthly);
void archive_tally(StateArchive& archive, EncounterTally& tally);

}  // namespace convivia
