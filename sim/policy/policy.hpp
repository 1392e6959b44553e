// A policy as a scenario gives it (docs/model.md 7.8): which kind, how intensely, when, at what cost.
// Policies are plain data; policy_schedule turns the active ones into each day's levers, and the
// kinds (policy_kinds) say which levers each one moves. A policy may target districts and groups
// (by name, as the scenario gives them); with no targets it acts on the whole city.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convivia {

// One kind per policy named in the ICC Index table of docs/model.md 7.8, in the table's order.
enum class PolicyKind : std::uint8_t {
  school_mixing,
  intercultural_curriculum,
  social_housing_mix,
  neighbourhood_projects,
  staff_intercultural_competence,
  anti_discrimination_hiring,
  diversity_charters,
  intercultural_programming,
  intercultural_mediators,
  language_courses,
  anti_rumour_campaign,
  welcome_programme,
  participatory_councils,
  representation,
  anti_discrimination_enforcement,
  complaints_office,
  commitment,
  mixing_events,
};
inline constexpr int policy_kind_count = 18;

// The last day a run can have is 36499 (run.days <= 36500), so this end means "to the end of the run".
inline constexpr int policy_open_end_day = 36500;

struct PolicyConfig {
  PolicyKind kind = PolicyKind::anti_discrimination_enforcement;
  float intensity = 0.0f;                  // [0,1]: share of the kind's full-intensity effect
  int start_day = 0;                       // first day on which it acts (0 is the first day of the run)
  int end_day = policy_open_end_day;       // last day on which it acts, inclusive
  double annual_cost_eur = 0.0;            // cost per year while active, in euros
  std::string name;                        // optional label for reports
  std::vector<std::string> districts;      // target districts by name; empty: every district
  std::vector<std::string> groups;         // target groups by name; empty: every group
};

}  // namespace convivia
