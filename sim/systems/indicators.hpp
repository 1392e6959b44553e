// The observed quantities of a run (docs/model.md section 8) as plain data. The metrics systems fill
// them; observers (the HDF5 writer, the progress display, the summary) read them.
// Matrices are flattened row-major: trust_matrix[a * group_count + b] is the mean trust of members
// of group a toward group b; exposure[a * group_count + b] is the exposure of group a to group b.
#pragma once

#include <cstdint>
#include <vector>

namespace convivia {

// Perceived discrimination counts a resident whose last discrimination event is this recent.
inline constexpr int discrimination_memory_days = 30;

struct DailyIndicators {
  int day = 0;
  // Headline: share of residents whose mean out-group trust is at or above the threshold.
  double diversity_resource_share = 0.0;
  double generalised_trust = 0.0;          // ESS-style 0-10 scale
  double mean_outgroup_trust = 0.0;        // [0,1]
  double intergroup_encounter_share = 0.0; // intergroup encounters / all encounters today
  std::int64_t encounters = 0;
  std::int64_t intergroup_encounters = 0;
  std::int64_t positive_contacts = 0;      // intergroup, today
  std::int64_t negative_contacts = 0;      // intergroup, today, including discrimination
  std::int64_t discrimination_events = 0;  // today
  std::int64_t conflicts = 0;              // negative intergroup contacts that escalated, today
  double cross_group_tie_share = 0.0;      // share of residents with at least one cross-group tie
  double perceived_discrimination_share = 0.0;  // share with a discrimination event in the last 30 days

  // Per group (index = group).
  std::vector<double> diversity_resource_share_by_group;
  std::vector<double> generalised_trust_by_group;
  std::vector<double> mean_outgroup_trust_by_group;
  std::vector<double> cross_group_tie_share_by_group;
  std::vector<double> perceived_discrimination_share_by_group;
  std::vector<std::int64_t> positive_contacts_by_group;   // as participant
  std::vector<std::int64_t> negative_contacts_by_group;   // as participant
  std::vector<std::int64_t> discrimination_events_by_group;  // as target
  std::vector<double> trust_matrix;  // group_count * group_count

  // Labour market and institutions (systems/labour.hpp, systems/services.hpp). Employment rate: employed
  // share of adults (the working-age class). Employment gap: the majority group's rate minus the
  // group's rate, as a share (0.05 = 5 percentage points); 0 for the majority and for groups without adults.
  double employment_rate = 0.0;
  double mean_institutional_trust = 0.0;  // [0,1]
  double mean_belonging = 0.0;            // [0,1]
  std::vector<double> employment_rate_by_group;
  std::vector<double> employment_gap_by_group;
  std::vector<double> mean_institutional_trust_by_group;
  std::vector<double> mean_belonging_by_group;

  // Civic forums (systems/participation.hpp). Representation: a group's share of the attendances of
  // the last 7 days over its share of adults and seniors (1 = proportional; 0 when nobody attended).
  std::int64_t forum_attendance = 0;                       // today
  double forum_attendance_per_1000 = 0.0;                  // attendances of the last 7 days per 1000 residents
  std::vector<std::int64_t> forum_attendance_by_group;     // today
  std::vector<double> forum_representation_by_group;       // last 7 days
};

// Segregation indices over a set of spatial units (docs/model.md section 8).
struct SegregationIndices {
  std::vector<double> dissimilarity;  // each group against the rest
  double multigroup_dissimilarity = 0.0;
  double theil_h = 0.0;
  std::vector<double> isolation;      // per group
  std::vector<double> exposure;       // group_count * group_count
};

struct MonthlyIndicators {
  int day = 0;    // first day of the month (30-day months from day 0)
  int month = 0;
  SegregationIndices city_by_cell;      // units: inhabited cells (blocks)
  SegregationIndices city_by_district;  // units: districts
  SegregationIndices city_by_school;    // units: schools, counting their pupils (children placed there)
  // Per district (index = district).
  std::vector<std::int64_t> district_residents_by_group;  // district_count * group_count
  std::vector<double> district_diversity_resource_share;
  std::vector<double> district_mean_outgroup_trust;
  std::vector<double> district_generalised_trust;
  std::vector<double> district_multigroup_dissimilarity;  // units: cells of the district
  std::vector<double> district_theil_h;                   // units: cells of the district
  std::vector<double> district_perceived_discrimination_share;  // residents with an event in the last 30 days
  // The labour and services steps that open the month (run just before these indicators).
  std::int64_t hires = 0;
  std::int64_t job_losses = 0;
  std::int64_t labour_discrimination_events = 0;  // otherwise successful applications refused
  std::int64_t service_uses = 0;
  std::int64_t service_discrimination_events = 0;
  // The relocation step that opens the month (systems/relocation.hpp).
  std::int64_t households_moved = 0;
  std::int64_t housing_refusals = 0;  // applications to private landlords refused by housing discrimination
  // The arrivals step that opens the month (systems/arrivals.hpp): residents leaving and arriving, by
  // group, and the share of residents who arrived in the last 12 months (this month included).
  std::vector<std::int64_t> departures_by_group;
  std::vector<std::int64_t> arrivals_by_group;
  double newcomer_share = 0.0;
  std::vector<double> district_diversity;  // group entropy of the district's residents / ln(group count), [0,1]

  // City-wide, from month 1 on; months whose window is not complete hold NaN.
  double contact_trust_correlation = 0.0;  // positive contacts in the last 90 days vs mean out-group trust
  double conflicts_per_1000_residents = 0.0;  // over the month that ended
  // Slope of district generalised trust (0-10) on district diversity, weighted by residents: negative
  // when diverse districts trust less ("hunkering down"), positive when diversity goes with trust.
  double diversity_trust_slope = 0.0;
  // Cultural diversity (systems/culture_metrics.hpp).
  std::int64_t distinct_cultures = 0;
  double mean_within_group_overlap = 0.0;
  double mean_between_group_overlap = 0.0;
  std::vector<double> culture_overlap;  // group_count * group_count
  // Cohesion index (systems/cohesion_index.hpp): 0-100 and its three domains and nine dimensions in [0,1].
  double cohesion_index = 0.0;
  double cohesion_social_relations = 0.0;
  double cohesion_connectedness = 0.0;
  double cohesion_focus_on_common_good = 0.0;
  std::vector<double> cohesion_dimensions;  // 9, in the order of cohesion_dimension_names
};

}  // namespace convivia
