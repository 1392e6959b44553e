// The live simulation thread and the hand-over of its output to the viewer (see live_run.hpp).
#include "live_run.hpp"

#include "run_data_reader.hpp"

#include "policy/policy_kinds.hpp"
#include "systems/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace convivia::viz {
namespace {

constexpr double not_recorded = std::numeric_limits<double>::quiet_NaN();

double daily_headline(std::string_view name, const DailyIndicators& d) {
  if (name == "diversity_resource_share") return d.diversity_resource_share;
  if (name == "generalised_trust") return d.generalised_trust;
  if (name == "mean_outgroup_trust") return d.mean_outgroup_trust;
  if (name == "intergroup_encounter_share") return d.intergroup_encounter_share;
  if (name == "cross_group_tie_share") return d.cross_group_tie_share;
  if (name == "perceived_discrimination_share") return d.perceived_discrimination_share;
  if (name == "employment_rate") return d.employment_rate;
  if (name == "mean_institutional_trust") return d.mean_institutional_trust;
  if (name == "mean_belonging") return d.mean_belonging;
  if (name == "largest_employment_gap" && !d.employment_gap_by_group.empty())
    return *std::max_element(d.employment_gap_by_group.begin(), d.employment_gap_by_group.end());
  return not_recorded;
}

double monthly_headline(std::string_view name, const MonthlyIndicators& m) {
  if (name == "multigroup_dissimilarity") return m.city_by_cell.multigroup_dissimilarity;
  if (name == "theil_h") return m.city_by_cell.theil_h;
  if (name == "school_multigroup_dissimilarity") return m.city_by_school.multigroup_dissimilarity;
  if (name == "cohesion_index") return m.cohesion_index;
  return not_recorded;
}

const std::vector<double>& district_field(MapIndicator indicator, const MonthlyIndicators& m) {
  switch (indicator) {
    case MapIndicator::diversity_resource_share: return m.district_diversity_resource_share;
    case MapIndicator::mean_outgroup_trust: return m.district_mean_outgroup_trust;
    case MapIndicator::perceived_discrimination_share: return m.district_perceived_discrimination_share;
    case MapIndicator::local_segregation: return m.district_multigroup_dissimilarity;
    case MapIndicator::generalised_trust: return m.district_generalised_trust;
  }
  return m.district_theil_h;
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
  from.clear();
}

// The static part of RunData from a freshly built world.
RunData describe_world(const ScenarioConfig& config, const World& world, std::span<const std::uint32_t> sample,
                       const std::string& source) {
  RunData data;
  data.source = source;
  data.scenario_name = config.name;
  data.seed = std::to_string(config.run.seed);
  data.start_weekday = config.run.start_weekday;
  RunFile& h = data.headline;
  h.path = source;
  h.scenario_name = config.name;
  h.seed = data.seed;
  h.resident_count = static_cast<std::int64_t>(world.residents.size());
  h.group_names = world.group_names;
  for (const District& d : world.city.districts) h.district_names.push_back(d.name);
  h.series.assign(headline_indicators().size(), {});
  h.policies.clear();
  for (const GroupConfig& g : config.groups) data.group_rgb.push_back(parse_colour(g.colour));
  data.width = world.city.width;
  data.height = world.city.height;
  data.cell_size_m = world.city.cell_size_m;
  data.cell_district = world.city.cell_district;
  for (std::size_t d = 0; d < world.city.districts.size(); ++d)
    for (const RingM& ring : world.city.districts[d].outline_m) {
      data.ring_district.push_back(static_cast<std::int32_t>(d));
      data.ring_start.push_back(static_cast<std::int64_t>(data.vertex_x_m.size()));
      data.ring_vertex_count.push_back(static_cast<std::int32_t>(ring.size()));
      for (const PointM& p : ring) {
        data.vertex_x_m.push_back(static_cast<float>(p[0]));
        data.vertex_y_m.push_back(static_cast<float>(p[1]));
      }
    }
  for (std::size_t v = 0; v < world.venues.size(); ++v) data.venue_kind.push_back(static_cast<std::uint8_t>(world.venues.kind[v]));
  data.venue_x_m = world.venues.x_m;
  data.venue_y_m = world.venues.y_m;
  data.sample_count = sample.size();
  for (const std::uint32_t i : sample) {
    data.sample_group.push_back(world.residents.group[i]);
    data.sample_home_venue.push_back(world.residents.home_venue[i]);
  }
  return data;
}

}  // namespace

bool LiveSettings::operator==(const LiveSettings& other) const {
  const auto same_encounters = [](const EncounterConfig& a, const EncounterConfig& b) {
    return a.rate_positive == b.rate_positive && a.rate_negative == b.rate_negative && a.avoidance == b.avoidance &&
           a.discrimination_base == b.discrimination_base && a.positive_cooperation == b.positive_cooperation;
  };
  return policy_intensity == other.policy_intensity && same_encounters(encounters, other.encounters) &&
         activity.comfort_weight == other.activity.comfort_weight &&
         activity.distance_weight_per_km == other.activity.distance_weight_per_km;
}

// Receives the simulation's output in the simulation thread and keeps what the viewer has not taken
// yet: after a restart a whole new RunData, otherwise only what came since the last drain.
class LiveRun::Collector final : public RunObserver {
 public:
  explicit Collector(std::string source) : source_(std::move(source)) {}

  void on_start(const ScenarioConfig& config, const World& world, std::span<const std::uint32_t> sample) override {
    std::lock_guard lock(mutex_);
    staged_ = describe_world(config, world, sample, source_);
    fresh_ = true;
    days_ = 0;
  }
  void on_slot(int, std::span<const std::uint32_t> venues) override {
    std::lock_guard lock(mutex_);
    staged_.sample_venue.insert(staged_.sample_venue.end(), venues.begin(), venues.end());
  }
  void on_day(const DailyIndicators& daily, std::span<const float> trust) override {
    std::lock_guard lock(mutex_);
    const auto indicators = headline_indicators();
    for (std::size_t i = 0; i < indicators.size(); ++i)
      if (indicators[i].source != IndicatorSource::monthly) staged_.headline.series[i].push_back(daily_headline(indicators[i].name, daily));
    staged_.sample_trust.insert(staged_.sample_trust.end(), trust.begin(), trust.end());
    ++days_;
  }
  void on_month(const MonthlyIndicators& monthly) override {
    std::lock_guard lock(mutex_);
    staged_.headline.month_days.push_back(monthly.day);
    const auto indicators = headline_indicators();
    for (std::size_t i = 0; i < indicators.size(); ++i)
      if (indicators[i].source == IndicatorSource::monthly)
        staged_.headline.series[i].push_back(monthly_headline(indicators[i].name, monthly));
    const std::size_t districts = staged_.headline.district_names.size();
    const std::size_t groups = staged_.headline.group_names.size();
    for (int k = 0; k < map_indicator_count; ++k) {
      const std::vector<double>& values = district_field(static_cast<MapIndicator>(k), monthly);
      auto& to = staged_.district_values[static_cast<std::size_t>(k)];
      for (std::size_t d = 0; d < districts; ++d) to.push_back(d < values.size() ? values[d] : not_recorded);
    }
    for (std::size_t d = 0; d < districts; ++d) {
      std::int64_t n = 0;
      for (std::size_t g = 0; g < groups && (d + 1) * groups <= monthly.district_residents_by_group.size(); ++g)
        n += monthly.district_residents_by_group[d * groups + g];
      staged_.district_residents.push_back(n);
    }
  }

  Drained drain(RunData& data) {
    std::lock_guard lock(mutex_);
    if (fresh_) {
      data = std::move(staged_);
      data.headline.days_run = days_;
      staged_ = RunData{};
      staged_.headline.series.assign(headline_indicators().size(), {});
      staged_.headline.district_names = data.headline.district_names;
      staged_.headline.group_names = data.headline.group_names;
      fresh_ = false;
      return Drained::new_world;
    }
    if (data.headline.days_run == days_ && staged_.sample_venue.empty()) return Drained::nothing;
    append(data.sample_venue, staged_.sample_venue);
    append(data.sample_trust, staged_.sample_trust);
    append(data.headline.month_days, staged_.headline.month_days);
    for (std::size_t i = 0; i < staged_.headline.series.size() && i < data.headline.series.size(); ++i)
      append(data.headline.series[i], staged_.headline.series[i]);
    for (std::size_t k = 0; k < data.district_values.size(); ++k) append(data.district_values[k], staged_.district_values[k]);
    append(data.district_residents, staged_.district_residents);
    data.headline.days_run = days_;
    return Drained::more;
  }

 private:
  std::string source_;
  std::mutex mutex_;
  RunData staged_;
  bool fresh_ = false;
  std::int64_t days_ = 0;
};

LiveRun::LiveRun(const std::string& scenario_path, const std::vector<std::string>& overrides)
    : scenario_(load_scenario(scenario_path, overrides)) {
  std::vector<PolicyConfig>& policies = scenario_.file.config.policies;
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (!info.modelled()) continue;
    const bool present = std::any_of(policies.begin(), policies.end(), [&](const PolicyConfig& p) { return p.kind == info.kind; });
    if (present) continue;
    PolicyConfig added;
    added.kind = info.kind;
    added.intensity = 0.0f;
    added.name = "added by the viewer";
    policies.push_back(added);
  }
  collector_ = std::make_unique<Collector>("live: " + scenario_path);
  seed_ = scenario_.file.config.run.seed;
}

LiveRun::~LiveRun() { stop(); }

LiveSettings LiveRun::scenario_settings() const {
  LiveSettings settings;
  for (const PolicyConfig& p : policies()) settings.policy_intensity.push_back(p.intensity);
  settings.encounters = scenario().encounters;
  settings.activity = scenario().activity;
  return settings;
}

void LiveRun::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void LiveRun::restart(std::uint64_t seed, const LiveSettings& settings) {
  stop();
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    requested_days_ = 0;
    pending_changed_ = false;
  }
  seed_ = seed;
  days_done_ = 0;
  last_change_day_ = -1;
  pending_changed_flag_ = false;
  building_ = true;
  thread_ = std::thread([this, seed, settings] { run_thread(seed, settings); });
}

void LiveRun::request_days(std::int64_t days) {
  {
    std::lock_guard lock(mutex_);
    if (days <= requested_days_) return;
    requested_days_ = days;
  }
  wake_.notify_all();
}

void LiveRun::change_settings(const LiveSettings& settings) {
  {
    std::lock_guard lock(mutex_);
    pending_ = settings;
    pending_changed_ = true;
    pending_changed_flag_ = true;
  }
  wake_.notify_all();
}

LiveRun::Drained LiveRun::drain(RunData& data) { return collector_->drain(data); }

std::string LiveRun::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

void LiveRun::run_thread(std::uint64_t seed, LiveSettings settings) {
  try {
    simulate(seed, settings);
  } catch (const std::exception& failure) {
    std::lock_guard lock(mutex_);
    error_ = failure.what();
  }
  building_ = false;
}

void LiveRun::simulate(std::uint64_t seed, const LiveSettings& settings) {
  LoadedScenario scenario = scenario_;
  ScenarioConfig& config = scenario.file.config;
  config.run.seed = seed;
  for (std::size_t p = 0; p < config.policies.size() && p < settings.policy_intensity.size(); ++p)
    config.policies[p].intensity = std::clamp(settings.policy_intensity[p], 0.0f, 1.0f);
  config.encounters = settings.encounters;
  config.activity = settings.activity;
  Simulation simulation(config, build_world(scenario));
  building_ = false;
  simulation.start(*collector_);
  const std::int64_t planned = config.run.days;
  while (true) {
    std::optional<LiveSettings> change;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || pending_changed_ || (days_done_ < requested_days_ && days_done_ < planned); });
      if (stopping_) return;
      if (pending_changed_) {
        change = pending_;
        pending_changed_ = false;
      }
      if (!change && !(days_done_ < requested_days_ && days_done_ < planned)) continue;
    }
    if (change) {
      for (std::size_t p = 0; p < change->policy_intensity.size() && p < config.policies.size(); ++p)
        simulation.set_policy_intensity(p, std::clamp(change->policy_intensity[p], 0.0f, 1.0f));
      simulation.set_behaviour(change->encounters, change->activity);
      last_change_day_ = simulation.day();
      std::lock_guard lock(mutex_);
      if (!pending_changed_) pending_changed_flag_ = false;
      continue;  // a change alone does not step a day
    }
    simulation.step_day(*collector_);
    ++days_done_;
  }
}

}  // namespace convivia::viz
