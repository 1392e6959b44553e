// Civic forum attendance and its indicators (see participation.hpp).
#include "systems/participation.hpp"

#include "core/random.hpp"
#include "systems/venue_buckets.hpp"

#include <algorithm>

namespace convivia {
namespace {

bool eligible(const Population& residents, std::size_t i) {
  return residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child);
}

}  // namespace

void ParticipationSystem::index_forums(const World& world) {
  const std::size_t district_count = world.city.districts.size();
  forum_offset_.assign(district_count + 1, 0);
  forum_venue_.clear();
  for (std::size_t v = 0; v < world.venues.size(); ++v) {
    const std::int32_t d = world.venues.district[v];
    if (world.venues.kind[v] == VenueKind::civic_forum && d >= 0) ++forum_offset_[static_cast<std::size_t>(d) + 1];
  }
  for (std::size_t d = 0; d < district_count; ++d) forum_offset_[d + 1] += forum_offset_[d];
  forum_venue_.resize(forum_offset_.back());
  std::vector<std::uint32_t> cursor(forum_offset_.begin(), forum_offset_.end() - 1);
  for (std::size_t v = 0; v < world.venues.size(); ++v) {
    const std::int32_t d = world.venues.district[v];
    if (world.venues.kind[v] == VenueKind::civic_forum && d >= 0) forum_venue_[cursor[static_cast<std::size_t>(d)]++] = static_cast<std::uint32_t>(v);
  }
  indexed_ = true;
}

void ParticipationSystem::prepare(const StepContext& context) {
  const World& world = context.world;
  if (!indexed_) index_forums(world);
  open_ = false;
  if (static_cast<Slot>(context.time.slot) != Slot::leisure) return;
  for (std::uint32_t v : forum_venue_) open_ = open_ || world.venues.open(v, context.time.slot, context.time.weekday);
  if (!open_) return;

  const Population& residents = world.residents;
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  // Serial, in resident id order: a fixed summation order, and a weekly cost of one pass.
  eligible_by_group_.assign(group_count, 0);
  double propensity_sum = 0.0;
  for (std::size_t i = 0; i < residents.size(); ++i) {
    if (!eligible(residents, i)) continue;
    ++eligible_by_group_[residents.group[i]];
    propensity_sum += residents.participation_propensity[i];
  }
  std::int64_t eligible_count = 0;
  for (std::int64_t n : eligible_by_group_) eligible_count += n;
  mean_propensity_ = eligible_count > 0 ? static_cast<float>(propensity_sum / static_cast<double>(eligible_count)) : 0.0f;
}

std::uint32_t ParticipationSystem::attends(const StepContext& context, std::size_t resident) const {
  const World& world = context.world;
  const Population& residents = world.residents;
  if (!eligible(residents, resident)) return no_venue;
  const std::int32_t district = world.city.cell_district[residents.home_cell[resident]];
  if (district < 0) return no_venue;
  const std::uint32_t first = forum_offset_[static_cast<std::size_t>(district)];
  const std::uint32_t count = forum_offset_[static_cast<std::size_t>(district) + 1] - first;
  if (count == 0) return no_venue;
  const Levers& levers = resident_levers(context.levers, world, resident);
  const float representation = std::clamp(levers.representation, 0.0f, 1.0f);
  const float propensity =
      (1.0f - representation) * residents.participation_propensity[resident] + representation * mean_propensity_;
  const float chance_scale = context.config.participation.reach * levers.forum_reach_multiplier;
  RandomStream random(context.config.run.seed, RandomPurpose::participation, context.time.tick(), static_cast<std::uint32_t>(resident));
  if (!(random.uniform() < chance_scale * propensity)) return no_venue;
  // A district with several forums (per_1000_residents > 0): one of them at random.
  const std::uint32_t forum = forum_venue_[first + (count > 1 ? random.below(count) : 0)];
  return world.venues.open(forum, context.time.slot, context.time.weekday) ? forum : no_venue;
}

void ParticipationSystem::record(const StepContext& context, const VenueBuckets& buckets) {
  Population& residents = context.world.residents;
  const ParticipationConfig& pc = context.config.participation;
  today_by_group_.resize(static_cast<std::size_t>(residents.group_count), 0);
  // Forums are few and small, so one serial pass over their attendees is cheap.
  for (std::uint32_t v : forum_venue_) {
    for (std::uint32_t i : buckets.residents_at(v)) {
      ++today_by_group_[residents.group[i]];
      residents.institutional_trust[i] += pc.institutional_trust_gain * (1.0f - residents.institutional_trust[i]);
      residents.belonging[i] += pc.belonging_gain * (1.0f - residents.belonging[i]);
    }
  }
}

void ParticipationSystem::end_day(const World& world, DailyIndicators& out) {
  const auto group_count = static_cast<std::size_t>(world.residents.group_count);
  today_by_group_.resize(group_count, 0);
  eligible_by_group_.resize(group_count, 0);
  std::vector<std::int64_t>& slot = window_by_group_[static_cast<std::size_t>(out.day % 7)];
  slot = today_by_group_;

  std::vector<std::int64_t> week(group_count, 0);
  for (const std::vector<std::int64_t>& day : window_by_group_)
    for (std::size_t g = 0; g < std::min(group_count, day.size()); ++g) week[g] += day[g];
  std::int64_t week_total = 0, eligible_total = 0, today_total = 0;
  for (std::size_t g = 0; g < group_count; ++g) {
    week_total += week[g];
    eligible_total += eligible_by_group_[g];
    today_total += today_by_group_[g];
  }

  out.forum_attendance = today_total;
  out.forum_attendance_by_group = today_by_group_;
  const auto resident_count = static_cast<double>(world.residents.size());
  out.forum_attendance_per_1000 = resident_count > 0.0 ? 1000.0 * static_cast<double>(week_total) / resident_count : 0.0;
  out.forum_representation_by_group.assign(group_count, 0.0);
  if (week_total > 0 && eligible_total > 0) {
    for (std::size_t g = 0; g < group_count; ++g) {
      if (eligible_by_group_[g] == 0) continue;
      const double attendee_share = static_cast<double>(week[g]) / static_cast<double>(week_total);
      const double population_share = static_cast<double>(eligible_by_group_[g]) / static_cast<double>(eligible_total);
      out.forum_representation_by_group[g] = attendee_share / population_share;
    }
  }
  std::fill(today_by_group_.begin(), today_by_group_.end(), 0);
}

void ParticipationSystem::archive(StateArchive& a) {
  archive_vector(a, eligible_by_group_);
  for (std::vector<std::int64_t>& day : window_by_group_) archive_vector(a, day);
}

}  // namespace convivia
