// A running simulation: the world, the state the systems share between slots, and the ordered list
// of systems that make one day (Simulation::step_day). Results depend only on the scenario and its
// seed: every random draw is keyed by (seed, purpose, tick, entity, draw), parallel work is split so
// that no two tasks write the same resident, and floating-point sums run in a fixed order. The same
// scenario therefore gives bitwise-identical output for any thread count; state_hash() checks it.
#pragma once

#include "core/profile.hpp"
#include "core/state_archive.hpp"
#include "policy/lever_map.hpp"
#include "policy/levers.hpp"
#include "systems/activity.hpp"
#include "systems/ageing.hpp"
#include "systems/arrivals.hpp"
#include "systems/daily_metrics.hpp"
#include "systems/encounters.hpp"
#include "systems/events.hpp"
#include "systems/friend_meetings.hpp"
#include "systems/indicators.hpp"
#include "systems/labour.hpp"
#include "systems/monthly_metrics.hpp"
#include "systems/participation.hpp"
#include "systems/relocation.hpp"
#include "systems/run_observer.hpp"
#include "systems/services.hpp"
#include "systems/venue_buckets.hpp"
#include "world/scenario_config.hpp"
#include "core/calendar.hpp"
#include "world/world.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

class Simulation {
 public:
  Simulation(ScenarioConfig config, World world);

  // Reports the start to the observer (world and sampled residents); call once before step_day.
  void start(RunObserver& observer);
  // Runs one day: policies, then for each slot activity choice, bucketing, encounters; then the
  // day's indicators. Monthly indicators are computed at the start of every 30-day month.
  void step_day(RunObserver& observer);
  void finish(RunObserver& observer);

  int day() const { return day_; }
  const World& world() const { return world_; }
  const ScenarioConfig& config() const { return config_; }
  // The base levers from the next day on: neutral unless a test sets them; each day's policies
  // ([[policies]]) are applied on top of them (policy/policy_schedule.hpp).
  Levers& levers() { return base_levers_; }
  // Changes made between days (the live viewer's sliders); each acts from the next step_day on. A
  // run stays a function of its scenario, seed and these calls with the days they were made on.
  // The intensity of config().policies[policy], in [0, 1]:
  void set_policy_intensity(std::size_t policy, float intensity);
  // The encounter and activity-choice parameters (scenario sections [encounters] and [activity]):
  void set_behaviour(const EncounterConfig& encounters, const ActivityConfig& activity);
  // The levers in force on the current (last stepped) day where no targeted policy acts, the levers
  // per district and group, and the annual cost of the policies then active.
  const Levers& todays_levers() const { return levers_.everywhere(); }
  const LeverMap& todays_lever_map() const { return levers_; }
  double policy_annual_cost_eur() const { return policy_annual_cost_eur_; }
  const Profile& profile() const { return profile_; }
  const DailyIndicators& last_daily() const { return daily_; }
  const MonthlyIndicators& last_monthly() const { return monthly_; }
  const std::vector<std::uint32_t>& sample_residents() const { return sample_; }
  std::int64_t resident_slot_updates() const { return resident_slot_updates_; }
  // Hash of the whole state archive_state walks: what a checkpoint restores, and nothing else.
  std::uint64_t state_hash() const;
  // Walks everything that carries over from one day to the next (the world's residents,
  // households, venues and housing, the systems' running state, the last indicators and the day),
  // writing it to or restoring it from the archive. A simulation restored this way, made from the
  // same scenario, goes on exactly as the one that was saved (io/checkpoint, docs/reliability.md).
  // Scratch space that every step rebuilds is not state. Throws StateError on a damaged archive.
  void archive_state(StateArchive& archive);

 private:
  void run_yearly();
  void start_school_year();
  void run_monthly();
  void run_slot(int slot, int weekday);
  void record_month(RunObserver& observer);
  void record_month_social(MonthlyIndicators& out);

  ScenarioConfig config_;
  World world_;
  Levers base_levers_;
  std::vector<PolicyReach> policy_reach_;  // where each policy of config_.policies acts
  LeverMap levers_;                    // today's: base levers with the active policies applied where they reach
  double policy_annual_cost_eur_ = 0.0;
  std::vector<double> group_weights_;
  int day_ = 0;

  // State shared between systems.
  std::vector<std::uint32_t> venue_of_resident_;
  std::vector<float> outgroup_trust_;
  std::vector<float> venue_group_share_;
  ActivitySystem activity_;
  VenueBuckets buckets_;       // daytime and leisure, rebuilt every slot
  VenueBuckets home_buckets_;  // evening: residents by home block
  bool home_buckets_valid_ = false;  // to be reset by any system that moves households
  EncounterSystem encounters_;
  ParticipationSystem participation_;  // civic forums: who attends, in the leisure slot
  EventSystem events_;                 // scheduled media events, at the start of their day
  FriendMeetingSystem friend_meetings_;  // daily: a seventh of the residents visit their friends
  LabourSystem labour_;                // monthly job losses and job search
  ServiceSystem services_;             // monthly public-service contacts, recovery of institutional trust
  RelocationSystem relocation_;        // monthly residential moves
  ResidentTurnover turnover_{config_};           // slots passing to new people (arrivals, births)
  ArrivalsSystem arrivals_{config_};             // monthly departures, arrivals and welcome ties
  AgeingSystem ageing_{config_, world_.residents};  // yearly ageing; rates from the start population
  LabourTally labour_tally_;           // of the labour step that opened the current month
  ServiceTally service_tally_;         // of the services step that opened the current month
  RelocationTally relocation_tally_;   // of the relocation step that opened the current month
  EncounterTally day_tally_;
  EncounterTally month_tally_;               // summed over the days since the last month start
  std::int64_t month_forum_attendances_ = 0;  // civic forum attendances since the last month start
  DailyMetrics daily_metrics_;
  MonthlyMetrics monthly_metrics_;
  DailyIndicators daily_;
  MonthlyIndicators monthly_;

  std::vector<std::uint32_t> sample_;
  std::vector<std::uint32_t> sample_venues_;
  std::vector<float> sample_trust_;

  Profile profile_;
  std::size_t profile_activity_, profile_bucketing_, profile_daily_, profile_monthly_, profile_output_;
  std::size_t profile_participation_ = 0, profile_events_ = 0, profile_friend_meetings_ = 0;
  std::size_t profile_labour_ = 0, profile_services_ = 0;
  std::size_t profile_relocation_ = 0;
  std::size_t profile_policies_ = 0;
  std::size_t profile_arrivals_ = 0, profile_language_courses_ = 0, profile_ageing_ = 0;
  std::size_t profile_encounters_[3];  // per slot: daytime, leisure, evening
  std::int64_t resident_slot_updates_ = 0;
};

}  // namespace convivia
