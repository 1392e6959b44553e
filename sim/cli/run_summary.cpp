// Headline table, JSON summary and profile (see run_summary.hpp).
#include "cli/run_summary.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <utility>

namespace convivia {
namespace {

// The group furthest behind the majority in employment: (group index, gap as a share), or (-1, 0).
std::pair<int, double> largest_employment_gap(const DailyIndicators& d) {
  std::pair<int, double> largest{-1, 0.0};
  for (std::size_t g = 0; g < d.employment_gap_by_group.size(); ++g)
    if (largest.first < 0 || d.employment_gap_by_group[g] > largest.second) largest = {static_cast<int>(g), d.employment_gap_by_group[g]};
  return largest;
}

// Monthly figures whose window is not complete yet are NaN: shown as "-".
std::string format_or_dash(double value, const char* format) {
  return std::isnan(value) ? std::string("-") : fmt::format(fmt::runtime(format), value);
}

}  // namespace

void print_headline_table(std::FILE* out, const Simulation& simulation) {
  const DailyIndicators& d = simulation.last_daily();
  const MonthlyIndicators& m = simulation.last_monthly();
  const World& world = simulation.world();
  fmt::print(out, "\nHeadline indicators after {} days ({} residents, {} groups, {} districts)\n", simulation.day(),
             world.residents.size(), world.residents.group_count, world.city.districts.size());
  const auto row = [&](const char* name, const std::string& value) { fmt::print(out, "  {:<52} {:>10}\n", name, value); };
  row("residents who regard diversity as a resource", fmt::format("{:.1f}%", d.diversity_resource_share * 100.0));
  row("generalised trust (0-10)", fmt::format("{:.2f}", d.generalised_trust));
  row("mean out-group trust (0-1)", fmt::format("{:.3f}", d.mean_outgroup_trust));
  row("intergroup share of encounters (last day)", fmt::format("{:.1f}%", d.intergroup_encounter_share * 100.0));
  row("positive : negative intergroup contacts (last day)",
      d.negative_contacts > 0 ? fmt::format("{:.2f} : 1", static_cast<double>(d.positive_contacts) / static_cast<double>(d.negative_contacts))
                              : std::string("-"));
  row("residents with a cross-group tie", fmt::format("{:.1f}%", d.cross_group_tie_share * 100.0));
  row("perceived discrimination (last 30 days)", fmt::format("{:.1f}%", d.perceived_discrimination_share * 100.0));
  row("employment rate of adults", fmt::format("{:.1f}%", d.employment_rate * 100.0));
  if (const auto [group, gap] = largest_employment_gap(d); group >= 0 && static_cast<std::size_t>(group) < world.group_names.size())
    row("largest employment gap to the majority (points)", fmt::format("{:+.1f} {}", gap * 100.0, world.group_names[static_cast<std::size_t>(group)]));
  row("mean institutional trust (0-1)", fmt::format("{:.3f}", d.mean_institutional_trust));
  row("multigroup dissimilarity D, blocks (last month)", fmt::format("{:.3f}", m.city_by_cell.multigroup_dissimilarity));
  row("Theil's H, blocks (last month)", fmt::format("{:.3f}", m.city_by_cell.theil_h));
  row("multigroup dissimilarity D, schools (last month)", fmt::format("{:.3f}", m.city_by_school.multigroup_dissimilarity));
  row("households moved (last month)", fmt::format("{}", m.households_moved));
  row("residents arrived in the last 12 months", fmt::format("{:.1f}%", m.newcomer_share * 100.0));
  row("conflicts per 1000 residents (last month)", format_or_dash(m.conflicts_per_1000_residents, "{:.2f}"));
  row("positive contact vs out-group trust, correlation", format_or_dash(m.contact_trust_correlation, "{:.3f}"));
  row("distinct cultures", fmt::format("{}", m.distinct_cultures));
  row("cohesion index (0-100, last month)", format_or_dash(m.cohesion_index, "{:.1f}"));
  fmt::print(out, "\n  out-group trust by group:\n");
  for (std::size_t g = 0; g < world.group_names.size(); ++g)
    fmt::print(out, "    {:<30} {:.3f}   diversity as resource {:5.1f}%\n", world.group_names[g], d.mean_outgroup_trust_by_group[g],
               d.diversity_resource_share_by_group[g] * 100.0);
}

std::string summary_json(const Simulation& simulation, double wall_seconds) {
  const DailyIndicators& d = simulation.last_daily();
  const MonthlyIndicators& m = simulation.last_monthly();
  nlohmann::ordered_json j;
  j["scenario"] = simulation.config().name;
  j["seed"] = simulation.config().run.seed;
  j["days"] = simulation.day();
  j["residents"] = simulation.world().residents.size();
  j["diversity_resource_share"] = d.diversity_resource_share;
  j["generalised_trust"] = d.generalised_trust;
  j["mean_outgroup_trust"] = d.mean_outgroup_trust;
  j["intergroup_encounter_share"] = d.intergroup_encounter_share;
  j["positive_contacts"] = d.positive_contacts;
  j["negative_contacts"] = d.negative_contacts;
  j["discrimination_events"] = d.discrimination_events;
  j["cross_group_tie_share"] = d.cross_group_tie_share;
  j["perceived_discrimination_share"] = d.perceived_discrimination_share;
  j["employment_rate"] = d.employment_rate;
  j["largest_employment_gap"] = largest_employment_gap(d).second;  // majority rate minus group rate, as a share
  nlohmann::ordered_json gaps = nlohmann::ordered_json::object();
  const auto& names = simulation.world().group_names;
  for (std::size_t g = 0; g < d.employment_gap_by_group.size() && g < names.size(); ++g) gaps[names[g]] = d.employment_gap_by_group[g];
  j["employment_gap_by_group"] = gaps;
  j["mean_institutional_trust"] = d.mean_institutional_trust;
  j["mean_belonging"] = d.mean_belonging;
  j["multigroup_dissimilarity"] = m.city_by_cell.multigroup_dissimilarity;
  j["theil_h"] = m.city_by_cell.theil_h;
  j["multigroup_dissimilarity_by_district"] = m.city_by_district.multigroup_dissimilarity;
  j["school_multigroup_dissimilarity"] = m.city_by_school.multigroup_dissimilarity;
  j["households_moved_last_month"] = m.households_moved;
  j["newcomer_share"] = m.newcomer_share;
  j["conflicts_per_1000_residents"] = m.conflicts_per_1000_residents;  // NaN (null) until a month has ended
  j["contact_trust_correlation"] = m.contact_trust_correlation;
  j["distinct_cultures"] = m.distinct_cultures;
  j["cohesion_index"] = m.cohesion_index;
  j["state_hash"] = fmt::format("{:016x}", simulation.state_hash());
  j["wall_seconds"] = wall_seconds;
  return j.dump(2);
}

void print_profile(std::FILE* out, const Simulation& simulation, double wall_seconds) {
  const Profile& profile = simulation.profile();
  const double total = profile.total_seconds();
  fmt::print(out, "\nprofile ({} days, {:.2f} s in systems, {:.2f} s wall):\n", simulation.day(), total, wall_seconds);
  for (const Profile::Entry& entry : profile.entries())
    fmt::print(out, "  {:<20} {:9.3f} s  {:5.1f}%  {:8} calls\n", entry.name, entry.seconds, total > 0 ? 100.0 * entry.seconds / total : 0.0,
               entry.calls);
  const double step_seconds = total;
  const double rate = step_seconds > 0 ? static_cast<double>(simulation.resident_slot_updates()) / step_seconds : 0.0;
  fmt::print(out, "throughput: {:.0f} resident-slot updates/s\n", rate);
}

}  // namespace convivia
