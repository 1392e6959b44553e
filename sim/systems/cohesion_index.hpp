// The cohesion index, built like the Bertelsmann Social Cohesion Radar: three domains of three
// dimensions each, every dimension a share or mean in [0,1] taken from the model's state, a domain the
// mean of its dimensions and the index the mean of the domains, reported on 0-100.
//
//   Social relations      networks:      share of residents with at least one tie
//                         trust:         generalised trust / 10
//                         acceptance:    share who regard diversity as a resource
//   Connectedness         identification: mean belonging
//                         institutions:   mean institutional trust
//                         fairness:       1 - share with a discrimination event in the last 30 days
//   Common good           solidarity:     share of the month's intergroup contacts that were positive
//                         rules:          1 - share of residents drawn into a conflict in the month
//                                         (two per conflict, capped at 1)
//                         participation:  share of adults and seniors at a civic forum in the month
//                                         (attendances / adults, capped at 1)
// The Radar measures these by survey; here each is the closest quantity the model has, so the index
// compares scenarios of the model, not cities in the survey.
#pragma once

#include "world/population.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace convivia {

inline constexpr std::array<std::string_view, 9> cohesion_dimension_names = {
    "social_networks", "trust_in_people", "acceptance_of_diversity",
    "identification", "trust_in_institutions", "perception_of_fairness",
    "solidarity", "respect_for_social_rules", "civic_participation"};
inline constexpr std::array<std::string_view, 3> cohesion_domain_names = {"social_relations", "connectedness",
                                                                          "focus_on_common_good"};

struct CohesionIndex {
  std::array<double, 9> dimensions{};  // in [0,1], order of cohesion_dimension_names
  std::array<double, 3> domains{};     // in [0,1]
  double index = 0.0;                  // 0-100
};

// Means over residents the index needs: share with at least one tie, mean belonging, mean
// institutional trust, and the number of adults and seniors. Fixed blocks summed in order.
struct ResidentCohesionMeans {
  double tie_share = 0.0;
  double belonging = 0.0;
  double institutional_trust = 0.0;
  std::int64_t adults_and_seniors = 0;
};
ResidentCohesionMeans resident_cohesion_means(const Population& residents);

struct CohesionMonth {
  double generalised_trust = 0.0;          // 0-10, today
  double diversity_resource_share = 0.0;   // today
  double perceived_discrimination_share = 0.0;  // today
  std::int64_t positive_contacts = 0;      // intergroup, over the month
  std::int64_t negative_contacts = 0;      // intergroup, over the month
  std::int64_t conflicts = 0;              // over the month
  std::int64_t forum_attendances = 0;      // over the month
  std::int64_t resident_count = 0;
};

CohesionIndex compute_cohesion_index(const ResidentCohesionMeans& means, const CohesionMonth& month);

}  // namespace convivia
