// Participation (docs/model.md 7.6): weekly civic forums. In the leisure slot of a day on which forums are
// open, an adult or senior attends the forum of their home district with probability
//   reach * forum_reach_multiplier * ((1 - r) * propensity + r * mean propensity of adults and seniors),
// where r is the representation lever: widening representation pulls everyone's chance toward the
// mean, which raises the groups that attend least. Attendees go to the forum instead of their leisure
// choice (activity choice asks attends()), meet there like at any venue, and afterwards gain
// institutional trust and belonging (record()). Attendances are counted per group for the indicators.
// Draws are keyed by (seed, participation, tick, resident), so results do not depend on thread count.
#pragma once

#include "core/state_archive.hpp"

#include "systems/indicators.hpp"
#include "systems/step_context.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace convivia {

class VenueBuckets;

class ParticipationSystem {
 public:
  // Before activity choice in a slot: finds whether forums draw residents now (leisure slot, a forum
  // open) and, if so, the mean propensity and the group sizes the indicators compare against.
  void prepare(const StepContext& context);
  bool forums_open() const { return open_; }
  // The forum the resident attends this slot, or no_venue. Valid only when forums_open().
  std::uint32_t attends(const StepContext& context, std::size_t resident) const;
  // After the slot's encounters: counts attendees by group and raises their institutional trust and
  // belonging. Valid only when forums_open().
  void record(const StepContext& context, const VenueBuckets& buckets);
  // At the end of each day: the forum indicators over the last 7 days into `out`.
  void end_day(const World& world, DailyIndicators& out);
  // What carries over from day to day (the last 7 days' attendances, who was eligible at the last
  // forum), for the simulation's state (hash and checkpoints).
  void archive(StateArchive& archive);

 private:
  void index_forums(const World& world);

  bool indexed_ = false;
  bool open_ = false;
  float mean_propensity_ = 0.0f;  // of adults and seniors, at the last forum slot
  std::vector<std::uint32_t> forum_offset_;  // per district + 1: range in forum_venue_
  std::vector<std::uint32_t> forum_venue_;   // forum venues by district, in venue id order
  std::vector<std::int64_t> eligible_by_group_;  // adults and seniors, at the last forum slot
  std::vector<std::int64_t> today_by_group_;
  std::array<std::vector<std::int64_t>, 7> window_by_group_;  // attendances of the last 7 days, by day % 7
};

}  // namespace convivia
