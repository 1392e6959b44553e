// The day's ordered list of systems (see simulation.hpp).
#include "systems/simulation.hpp"

#include "core/hash.hpp"
#include "core/random.hpp"
#include "systems/activity.hpp"
#include "systems/step_context.hpp"

#include <algorithm>

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

  profile_activity_ = profile_.slot("activity");
  profile_bucketing_ = profile_.slot("bucketing");
  profile_encounters_[0] = profile_.slot("encounters daytime");
  profile_encounters_[1] = profile_.slot("encounters leisure");
  profile_encounters_[2] = profile_.slot("encounters evening");
  profile_daily_ = profile_.slot("daily indicators");
  profile_monthly_ = profile_.slot("monthly indicators");
  profile_output_ = profile_.slot("output");
}

void Simulation::start(RunObserver& observer) {
  ScopedTimer timer(profile_, profile_output_);
  observer.on_start(config_, world_, sample_);
}

void Simulation::record_month(RunObserver& observer) {
  {
    ScopedTimer timer(profile_, profile_monthly_);
    monthly_metrics_.compute(world_, group_weights_, outgroup_trust_, config_.output.diversity_threshold, day_, monthly_);
  }
  ScopedTimer timer(profile_, profile_output_);
  observer.on_month(monthly_);
}

void Simulation::run_yearly() {
  // In this order: ageing, then the new school year.
}

void Simulation::run_monthly() {
  // In this order: labour market, public services, relocation, arrivals and departures. A system
  // that moves households sets home_buckets_valid_ = false.
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
      ScopedTimer timer(profile_, profile_activity_);
      activity_.choose(context, ActivityInputs{outgroup_trust_, venue_group_share_}, venue_of_resident_);
    }
    ScopedTimer timer(profile_, profile_bucketing_);
    buckets_.build(venue_of_resident_, world_.venues.size());
    observe_venue_mix(context, buckets_, venue_group_share_);
  }
  {
    ScopedTimer timer(profile_, profile_encounters_[slot]);
    encounters_.run(context, evening ? home_buckets_ : buckets_, day_tally_);
  }
  resident_slot_updates_ += static_cast<std::int64_t>(world_.residents.size());
}

void Simulation::step_day(RunObserver& observer) {
  // Yearly and monthly processes run at the start of their period (DESIGN.md section 3); the month's
  // indicators are taken after them.
  if (day_ > 0 && day_ % days_per_year == 0) run_yearly();
  if (day_ % days_per_month == 0) {
    run_monthly();
    record_month(observer);
  }

  // Policies set today's levers here once policy modules exist; until then levers stay neutral.
  const int weekday = (config_.run.start_weekday + day_) % 7;
  day_tally_.reset(world_.residents.group_count);
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
  ScopedTimer timer(profile_, profile_output_);
  for (std::size_t k = 0; k < sample_.size(); ++k) sample_trust_[k] = outgroup_trust_[sample_[k]];
  observer.on_day(daily_, sample_trust_);
  ++day_;
}

void Simulation::finish(RunObserver& observer) {
  ScopedTimer timer(profile_, profile_output_);
  observer.on_finish(day_);
}

std::uint64_t Simulation::state_hash() const {
  const Population& r = world_.residents;
  StateHasher hasher;
  hasher.add_value(day_);
  hasher.add(r.group);
  hasher.add(r.trust);
  hasher.add(r.culture);
  hasher.add(r.tie_resident);
  hasher.add(r.tie_strength);
  hasher.add(r.language);
  hasher.add(r.home_cell);
  hasher.add(r.home_venue);
  hasher.add(r.fixed_venue);
  hasher.add(r.employed);
  hasher.add(r.last_discrimination_day);
  hasher.add(r.discrimination_events);
  hasher.add(r.positive_intergroup_contacts);
  hasher.add(r.negative_intergroup_contacts);
  hasher.add(r.institutional_trust);
  hasher.add(r.belonging);
  return hasher.value();
}

}  // namespace convivia
