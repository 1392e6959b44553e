// The observed quantities of a run (DESIGN.md section 6) as plain data. The metrics systems fill
// them; observers (the HDF5 writer, the progress display, the summary) read them.
// Matrices are flattened row-major: trust_matrix[a * group_count + b] is the mean trust of members
// of group a toward group b; exposure[a * group_count + b] is the exposure of group a to group b.
#pragma once

#include <cstdint>
#include <vector>

namespace convivia {

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
};

// Segregation indices over a set of spatial units (DESIGN.md section 6).
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
  // Per district (index = district).
  std::vector<std::int64_t> district_residents_by_group;  // district_count * group_count
  std::vector<double> district_diversity_resource_share;
  std::vector<double> district_mean_outgroup_trust;
  std::vector<double> district_generalised_trust;
  std::vector<double> district_multigroup_dissimilarity;  // units: cells of the district
  std::vector<double> district_theil_h;                   // units: cells of the district
};

}  // namespace convivia
