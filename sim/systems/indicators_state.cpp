// Indicator structs for state archives (see indicators_state.hpp). Every field is listed: a field
// left out here would be lost across a checkpoint, which the resume test (tests/cli/checkpoints.sh)
// would see as a difference in the output file.
#include "systems/indicators_state.hpp"

namespace convivia {
namespace {

void archive_segregation(StateArchive& a, SegregationIndices& s) {
  archive_vector(a, s.dissimilarity);
  archive_value(a, s.multigroup_dissimilarity);
  archive_value(a, s.theil_h);
  archive_vector(a, s.isolation);
  archive_vector(a, s.exposure);
}

}  // namespace

void archive_indicators(StateArchive& a, DailyIndicators& d) {
  archive_value(a, d.day);
  for (double* v : {&d.diversity_resource_share, &d.generalised_trust, &d.mean_outgroup_trust, &d.intergroup_encounter_share,
                    &d.cross_group_tie_share, &d.perceived_discrimination_share, &d.employment_rate,
                    &d.mean_institutional_trust, &d.mean_belonging, &d.forum_attendance_per_1000})
    archive_value(a, *v);
  for (std::int64_t* v : {&d.encounters, &d.intergroup_encounters, &d.positive_contacts, &d.negative_contacts,
                          &d.discrimination_events, &d.conflicts, &d.forum_attendance})
    archive_value(a, *v);
  for (std::vector<double>* v :
       {&d.diversity_resource_share_by_group, &d.generalised_trust_by_group, &d.mean_outgroup_trust_by_group,
        &d.cross_group_tie_share_by_group, &d.perceived_discrimination_share_by_group, &d.trust_matrix,
        &d.employment_rate_by_group, &d.employment_gap_by_group, &d.mean_institutional_trust_by_group,
        &d.mean_belonging_by_group, &d.forum_representation_by_group})
    archive_vector(a, *v);
  for (std::vector<std::int64_t>* v : {&d.positive_contacts_by_group, &d.negative_contacts_by_group,
                                       &d.discrimination_events_by_group, &d.forum_attendance_by_group})
    archive_vector(a, *v);
}

void archive_indicators(StateArchive& a, MonthlyIndicators& m) {
  archive_value(a, m.day);
  archive_value(a, m.month);
  archive_segregation(a, m.city_by_cell);
  archive_segregation(a, m.city_by_district);
  archive_segregation(a, m.city_by_school);
  for (std::vector<std::int64_t>* v : {&m.district_residents_by_group, &m.departures_by_group, &m.arrivals_by_group})
    archive_vector(a, *v);
  for (std::vector<double>* v : {&m.district_diversity_resource_share, &m.district_mean_outgroup_trust,
                                 &m.district_generalised_trust, &m.district_multigroup_dissimilarity, &m.district_theil_h,
                                 &m.district_diversity, &m.district_perceived_discrimination_share, &m.culture_overlap,
                                 &m.cohesion_dimensions})
    archive_vector(a, *v);
  for (std::int64_t* v : {&m.hires, &m.job_losses, &m.labour_discrimination_events, &m.service_uses,
                          &m.service_discrimination_events, &m.households_moved, &m.housing_refusals, &m.distinct_cultures})
    archive_value(a, *v);
  for (double* v : {&m.newcomer_share, &m.contact_trust_correlation, &m.conflicts_per_1000_residents,
                    &m.diversity_trust_slope, &m.mean_within_group_overlap, &m.mean_between_group_overlap,
                    &m.cohesion_index, &m.cohesion_social_relations, &m.cohesion_connectedness,
                    &m.cohesion_focus_on_common_good})
    archive_value(a, *v);
}

void archive_tally(StateArchive& a, EncounterTally& t) {
  for (std::int64_t* v : {&t.encounters, &t.intergroup, &t.positive, &t.negative, &t.discrimination, &t.conflicts, &t.avoided})
    archive_value(a, *v);
  for (std::vector<std::int64_t>* v : {&t.positive_by_group, &t.negative_by_group, &t.discrimination_by_group})
    archive_vector(a, *v);
}

}  // namespace convivia
