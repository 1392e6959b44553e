// The day's ordered list of systems (see simulation.hpp).
#include "systems/simulation.hpp"

#include "core/random.hpp"
#include "core/assert.hpp"
#include "policy/policy_reach.hpp"
#include "policy/policy_schedule.hpp"
#include "systems/activity.hpp"
#include "systems/cohesion_index.hpp"
#include "systems/culture_metrics.hpp"
#include "systems/friend_meetings.hpp"
#include "systems/indicators_state.hpp"
#include "systems/language_courses.hpp"
#include "systems/recent_contacts.hpp"
#include "systems/step_context.hpp"
#include "world/school_catchments.hpp"

#include <algorithm>
#include <limits>

namespace convivia {
namespace {

// A stratified sample: one resident drawn in each of `count` equal id ranges. Residents are stored
// district by district, so the sample spreads over the city.
std::vector<std::uint32_t> stratified_sample(std::size_t resident_count, int count, std::uint64_t seed) {
  std::vector<std::uint32_t> sample;
  const std::size_t n = std::min(resident_count, static_cast<std::size_t>(std::max(count, 0)));
  for (std::size_t k = 0; k < n; ++k) {
    RandomStream random(seed, RandomPurpose::sampling, 0, static_cast<std::uint32_t>(k));
    const std::size_t begin = k * resident_count / n;
    const std::size_t end = (k + 1) * resident_count / n;
    sample.push_back(static_cast<std::uint32_t>(begin + random.below(static_cast<std::uint32_t>(end - begin))));
  }
  return sample;
}

}  // namespace

Simulation::Simulation(ScenarioConfig config, World world) : config_(std::move(config)), world_(std::move(world)) {
  PolicyReachResult reach = resolve_policy_reach(config_.policies, world_.city.districts, world_.group_names);
  CONVIVIA_CHECK(reach.error.empty(), "policy targets are checked when the scenario is loaded");
  policy_reach_ = std::move(reach.reach);
  const auto group_count = static_cast<std::size_t>(world_.residents.group_count);
  group_weights_.assign(group_count, 0.0);
  for (std::size_t i = 0; i < world_.residents.size(); ++i) group_weights_[world_.residents.group[i]] += 1.0;
  for (double& weight : group_weights_) weight /= std::max<double>(1.0, static_cast<double>(world_.residents.size()));
  // Until a venue is seen, residents assume it mirrors the city.
  venue_group_share_.resize(world_.venues.size() * group_count);
  for (std::size_t v = 0; v < world_.venues.size(); ++v)
    for (std::size_t g = 0; g < group_count; ++g) venue_group_share_[v * group_count + g] = static_cast<float>(group_weights_[g]);
  outgroup_trust_.resize(world_.residents.size());
  for (std::size_t i = 0; i < world_.residents.size(); ++i) outgroup_trust_[i] = mean_outgroup_trust(world_.residents, i);
  sample_ = stratified_sample(world_.residents.size(), config_.output.sample_residents, config_.run.seed);
  sample_venues_.resize(sample_.size());
  sample_trust_.resize(sample_.size());
  day_tally_.reset(static_cast<int>(group_count));
  month_tally_.reset(static_cast<int>(group_count));

  profile_activity_ = profile_.slot("activity");
  profile_bucketing_ = profile_.slot("bucketing");
  profile_encounters_[0] = profile_.slot("encounters daytime");
  profile_encounters_[1] = profile_.slot("encounters leisure");
  profile_encounters_[2] = profile_.slot("encounters evening");
  profile_daily_ = profile_.slot("daily indicators");
  profile_monthly_ = profile_.slot("monthly indicators");
  profile_output_ = profile_.slot("output");
  profile_labour_ = profile_.slot("labour");
  profile_services_ = profile_.slot("services");
  profile_relocation_ = profile_.slot("relocation");
  profile_participation_ = profile_.slot("participation");
  profile_events_ = profile_.slot("events");
  profile_friend_meetings_ = profile_.slot("friend meetings");
  profile_arrivals_ = profile_.slot("arrivals");
  profile_language_courses_ = profile_.slot("language courses");
  profile_ageing_ = profile_.slot("ageing, school year");
  profile_policies_ = profile_.slot("policies");
}

void Simulation::start(RunObserver& observer) {
  ScopedTimer timer(profile_, profile_output_);
  observer.on_start(config_, world_, sample_);
}

void Simulation::record_month(RunObserver& observer) {
  {
    ScopedTimer timer(profile_, profile_monthly_);
    monthly_metrics_.compute(world_, group_weights_, outgroup_trust_, config_.output.diversity_threshold, day_, monthly_);
    record_month_social(monthly_);
    monthly_.hires = labour_tally_.hires;
    monthly_.job_losses = labour_tally_.job_losses;
    monthly_.labour_discrimination_events = labour_tally_.discrimination_events;
    monthly_.service_uses = service_tally_.uses;
    monthly_.service_discrimination_events = service_tally_.discrimination_events;
    monthly_.households_moved = relocation_tally_.households_moved;
    monthly_.housing_refusals = relocation_tally_.housing_refusals;
    monthly_.arrivals_by_group = arrivals_.arrivals_by_group();
    monthly_.departures_by_group = arrivals_.departures_by_group();
    monthly_.newcomer_share = newcomer_share(world_.residents, day_ / days_per_month);
  }
  ScopedTimer timer(profile_, profile_output_);
  observer.on_month(monthly_);
}

// Contact, culture and cohesion figures of the month that just ended. Figures over a window that is
// not complete yet (the first month, the first 90 days) are NaN rather than a misleading 0.
void Simulation::record_month_social(MonthlyIndicators& out) {
  constexpr double not_yet = std::numeric_limits<double>::quiet_NaN();
  const int month = day_ / days_per_month;
  if (month > 0) roll_contact_month(world_.residents, month);
  const Population& residents = world_.residents;
  const auto resident_count = static_cast<double>(std::max<std::size_t>(1, residents.size()));
  out.contact_trust_correlation = month >= contact_window_months ? contact_trust_correlation(residents, outgroup_trust_) : not_yet;
  out.conflicts_per_1000_residents = month > 0 ? 1000.0 * static_cast<double>(month_tally_.conflicts) / resident_count : not_yet;

  const CultureIndicators culture = compute_culture_indicators(residents, config_.culture.traits);
  out.distinct_cultures = culture.distinct_cultures;
  out.mean_within_group_overlap = culture.mean_within_group_overlap;
  out.mean_between_group_overlap = culture.mean_between_group_overlap;
  out.culture_overlap = culture.overlap;

  const CohesionMonth cohesion_month{daily_.generalised_trust,
                                     daily_.diversity_resource_share,
                                     daily_.perceived_discrimination_share,
                                     month_tally_.positive,
                                     month_tally_.negative,
                                     month_tally_.conflicts,
                                     month_forum_attendances_,
                                     static_cast<std::int64_t>(residents.size())};
  const CohesionIndex cohesion = compute_cohesion_index(resident_cohesion_means(residents), cohesion_month);
  out.cohesion_dimensions.assign(cohesion.dimensions.begin(), cohesion.dimensions.end());
  if (month == 0) {
    // The common-good dimensions are about the month's contacts, conflicts and forums.
    for (std::size_t k = 6; k < 9; ++k) out.cohesion_dimensions[k] = not_yet;
  }
  out.cohesion_social_relations = cohesion.domains[0];
  out.cohesion_connectedness = cohesion.domains[1];
  out.cohesion_focus_on_common_good = month > 0 ? cohesion.domains[2] : not_yet;
  out.cohesion_index = month > 0 ? cohesion.index : not_yet;
  month_tally_.reset(world_.residents.group_count);
  month_forum_attendances_ = 0;
}

void Simulation::run_yearly() {
  // In this order: ageing (from the second year on), then the new school year.
  ScopedTimer timer(profile_, profile_ageing_);
  if (day_ > 0) {
    ageing_.run(config_, world_, day_ / days_per_year, turnover_);
    for (std::uint32_t i : ageing_.born()) outgroup_trust_[i] = mean_outgroup_trust(world_.residents, i);
  }
  start_school_year();
}

void Simulation::start_school_year() {
  // Without a school-mixing lever anywhere the catchment rule alone places the children, as when
  // the city was built, so day 0 changes nothing then.
  const bool mixing = levers_.any_of([](const Levers& l) { return l.school_mixing_share > 0.0f; });
  if (!mixing) {
    if (day_ > 0) assign_schools(world_.venues, world_.city, world_.residents);
    return;
  }
  const SchoolMixing choice{config_.run.seed, static_cast<std::uint32_t>(day_ / days_per_year),
                            [this](std::size_t i) { return resident_levers(levers_, world_, i).school_mixing_share; }};
  assign_schools(world_.venues, world_.city, world_.residents, choice);
}

void Simulation::run_monthly() {
  // In this order: labour market, public services, relocation, arrivals and departures. A system
  // that moves households sets home_buckets_valid_ = false.
  {
    const StepContext context{config_, world_, levers_, TimePoint{day_, 0, (config_.run.start_weekday + day_) % 7}};
    {
      ScopedTimer timer(profile_, profile_labour_);
      labour_tally_ = labour_.run_month(context);
    }
    {
      ScopedTimer timer(profile_, profile_services_);
      service_tally_ = services_.run_month(context);
    }
    ScopedTimer timer(profile_, profile_relocation_);
    relocation_tally_ = relocation_.run_month(context);
    if (relocation_tally_.households_moved > 0) home_buckets_valid_ = false;
  }
  {
    // Newcomers take over dwellings in place (no household moves), so the home buckets stay valid.
    ScopedTimer timer(profile_, profile_arrivals_);
    arrivals_.run(config_, world_, levers_, day_ / days_per_month, turnover_);
    for (std::uint32_t i : arrivals_.newcomers()) outgroup_trust_[i] = mean_outgroup_trust(world_.residents, i);
  }
  {
    ScopedTimer timer(profile_, profile_language_courses_);
    run_language_courses(config_, levers_, world_);
  }
}

void Simulation::run_slot(int slot, int weekday) {
  const StepContext context{config_, world_, levers_, TimePoint{day_, slot, weekday}};
  // In the evening everyone is at their home block, which changes only when households move, so
  // the home buckets are built once and reused.
  const bool evening = static_cast<Slot>(slot) == Slot::evening;
  if (evening) {
    ScopedTimer timer(profile_, profile_bucketing_);
    if (!home_buckets_valid_) {
      home_buckets_.build(world_.residents.home_venue, world_.venues.size());
      home_buckets_valid_ = true;
    }
  } else {
    {
      ScopedTimer timer(profile_, profile_participation_);
      participation_.prepare(context);
    }
    {
      ScopedTimer timer(profile_, profile_activity_);
      activity_.choose(context, ActivityInputs{outgroup_trust_, venue_group_share_, &participation_}, venue_of_resident_);
    }
    ScopedTimer timer(profile_, profile_bucketing_);
    buckets_.build(venue_of_resident_, world_.venues.size());
    observe_venue_mix(context, buckets_, venue_group_share_);
  }
  {
    ScopedTimer timer(profile_, profile_encounters_[slot]);
    encounters_.run(context, evening ? home_buckets_ : buckets_, day_tally_);
  }
  if (!evening && participation_.forums_open()) {
    ScopedTimer timer(profile_, profile_participation_);
    participation_.record(context, buckets_);
  }
  resident_slot_updates_ += static_cast<std::int64_t>(world_.residents.size());
}

void Simulation::step_day(RunObserver& observer) {
  // Policies set the day's levers before any system reads them (docs/model.md section 3, step 1).
  {
    ScopedTimer timer(profile_, profile_policies_);
    levers_.set_for_day(config_.policies, policy_reach_, day_, base_levers_, static_cast<int>(world_.city.districts.size()),
                        world_.residents.group_count);
    policy_annual_cost_eur_ = annual_policy_cost(config_.policies, day_);
  }
  // Yearly and monthly processes run at the start of their period (docs/model.md section 3); the month's
  // indicators are taken after them.
  if (day_ % days_per_year == 0) run_yearly();
  if (day_ % days_per_month == 0) {
    run_monthly();
    record_month(observer);
  }

  {
    ScopedTimer timer(profile_, profile_events_);
    events_.run(config_, world_, levers_, day_);
  }
  const int weekday = (config_.run.start_weekday + day_) % 7;
  day_tally_.reset(world_.residents.group_count);
  {
    ScopedTimer timer(profile_, profile_friend_meetings_);
    friend_meetings_.run(config_, world_, day_, day_tally_);
  }
  for (int slot = 0; slot < slots_per_day; ++slot) {
    run_slot(slot, weekday);
    ScopedTimer timer(profile_, profile_output_);
    const std::vector<std::uint32_t>& venues = slot == static_cast<int>(Slot::evening) ? world_.residents.home_venue : venue_of_resident_;
    for (std::size_t k = 0; k < sample_.size(); ++k) sample_venues_[k] = venues[sample_[k]];
    observer.on_slot(day_ * slots_per_day + slot, sample_venues_);
  }
  {
    ScopedTimer timer(profile_, profile_daily_);
    daily_metrics_.compute(world_, group_weights_, config_.output.diversity_threshold, day_, day_tally_, outgroup_trust_, daily_);
  }
  {
    ScopedTimer timer(profile_, profile_participation_);
    participation_.end_day(world_, daily_);
    month_forum_attendances_ += daily_.forum_attendance;
  }
  month_tally_.add(day_tally_);
  ScopedTimer timer(profile_, profile_output_);
  for (std::size_t k = 0; k < sample_.size(); ++k) sample_trust_[k] = outgroup_trust_[sample_[k]];
  observer.on_day(daily_, sample_trust_);
  ++day_;
}

void Simulation::set_policy_intensity(std::size_t policy, float intensity) {
  CONVIVIA_CHECK(policy < config_.policies.size(), "policy index out of range");
  CONVIVIA_CHECK(intensity >= 0.0f && intensity <= 1.0f, "policy intensity must lie in [0, 1]");
  config_.policies[policy].intensity = intensity;
  // The lever table is kept while the same policies are active; it must be rebuilt next day.
  levers_.invalidate();
}

void Simulation::set_behaviour(const EncounterConfig& encounters, const ActivityConfig& activity) {
  // Systems read both from the scenario in every slot and keep nothing derived from them between days.
  config_.encounters = encounters;
  config_.activity = activity;
}

void Simulation::finish(RunObserver& observer) {
  ScopedTimer timer(profile_, profile_output_);
  observer.on_finish(day_);
}

std::uint64_t Simulation::state_hash() const {
  HashArchive hasher;
  // Hashing only reads; archive_state is shared with restoring, hence not const.
  const_cast<Simulation*>(this)->archive_state(hasher);
  return hasher.value();
}

void Simulation::archive_state(StateArchive& a) {
  archive_value(a, day_);
  Population& r = world_.residents;
  archive_value(a, r.group_count);
  archive_value(a, r.features);
  for (auto* v : {&r.group, &r.culture, &r.tie_group, &r.age_class, &r.employed}) archive_vector(a, *v);
  for (auto* v : {&r.trust, &r.tie_strength, &r.language, &r.institutional_trust, &r.belonging, &r.participation_propensity,
                  &r.relocation_tolerance})
    archive_vector(a, *v);
  for (auto* v : {&r.home_venue, &r.fixed_venue, &r.tie_resident, &r.household, &r.home_cell, &r.discrimination_events,
                  &r.positive_intergroup_contacts, &r.negative_intergroup_contacts, &r.positive_contacts_at_month_start})
    archive_vector(a, *v);
  archive_vector(a, r.last_discrimination_day);
  archive_vector(a, r.arrival_month);
  archive_vector(a, r.positive_contacts_by_month);
  Households& h = world_.households;
  archive_vector(a, h.home_cell);
  archive_vector(a, h.group);
  archive_vector(a, h.first_member);
  archive_vector(a, h.member_count);
  // Venues and housing change little or not at all, but schools and workplaces fill and empty and
  // policies may act on them; they are small next to the residents.
  Venues& v = world_.venues;
  archive_vector(a, v.kind);
  for (auto* values : {&v.cell, &v.capacity}) archive_vector(a, *values);
  archive_vector(a, v.district);
  for (auto* values : {&v.slot_mask, &v.weekday_mask, &v.rounds}) archive_vector(a, *values);
  for (auto* values : {&v.cooperation, &v.attractiveness, &v.x_m, &v.y_m}) archive_vector(a, *values);
  archive_vector(a, world_.city.cell_district);
  archive_vector(a, world_.city.cell_capacity);
  archive_vector(a, world_.city.cell_social_housing);
  archive_vector(a, world_.cell_home_venue);
  archive_value(a, world_.majority_group);

  archive_value(a, base_levers_);
  archive_vector(a, group_weights_);
  archive_vector(a, venue_of_resident_);
  archive_vector(a, outgroup_trust_);
  archive_vector(a, venue_group_share_);
  participation_.archive(a);
  archive_value(a, labour_tally_);
  archive_value(a, service_tally_);
  archive_value(a, relocation_tally_);
  archive_tally(a, month_tally_);
  archive_value(a, month_forum_attendances_);
  archive_indicators(a, daily_);
  archive_indicators(a, monthly_);
  archive_value(a, resident_slot_updates_);
  if (a.reading()) {
    // Rebuilt from the restored homes at the next evening slot.
    home_buckets_valid_ = false;
    const auto groups = static_cast<std::size_t>(r.group_count);
    const bool consistent = r.group_count == static_cast<int>(config_.groups.size()) && r.trust.size() == r.size() * groups &&
                            outgroup_trust_.size() == r.size() && (venue_of_resident_.empty() || venue_of_resident_.size() == r.size()) &&
                            venue_group_share_.size() == v.size() * groups && world_.city.cell_district.size() == world_.city.cell_count();
    if (!consistent) throw StateError("the saved state does not fit this scenario's world");
  }
}

}  // namespace convivia
