// Weekly friend meetings (docs/model.md section 3, "weekly"): residents spend time with the people they
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

#include <cstdint>
#include <vector>

namespace convivia {

// Runs every day from day 1 for the residents whose id equals the day modulo 7, so every resident
// visits its friends once a week and the days of the week carry equal shares. Each pair of friends
// is visited by the friend with the lower id, whose stream decides the meeting, and both are
// updated. Meetings across groups are added to `tally` like positive encounters (one per pair, and
// one per participant by group).
//
// Two parallel passes with the same result for any thread count: the visitors decide their
// meetings (blocks of residents, in id order), then each resident's updates are applied by the task
// owning its id range, in the order of the meetings, so every resident sees its meetings in
// visitor id order, as a serial loop would.
class FriendMeetingSystem {
 public:
  void run(const ScenarioConfig& config, World& world, int day, EncounterTally& tally);

 private:
  // One side of a meeting: `resident` meets a member of `other_group`.
  struct Visit {
    std::uint32_t resident;
    std::uint8_t own_group;
    std::uint8_t other_group;
  };
  struct Block {
    std::vector<Visit> visits;
    EncounterTally tally;
  };
  std::vector<Block> blocks_;
  std::vector<std::size_t> owner_start_;  // visits by owner block (counting sort), for the second pass
  std::vector<Visit> by_owner_;
};

}  // namespace convivia
