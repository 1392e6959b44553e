// Planned world size and its memory lower bound (see world_size.hpp). The byte counts follow the
// arrays of Population, Households, City, Venues, LeisureCandidates and the simulation's per-venue
// and per-resident tables; tests/unit/world_size_test.cpp checks them against a built world.
#include "world/world_size.hpp"

#include "world/population.hpp"
#include "world/rasterize.hpp"
#include "world/venue_kind.hpp"

#include <algorithm>

namespace convivia {

double population_bytes_per_resident(int group_count, int features) {
  const double groups = group_count;
  // Population: group, age_class, employed (1 byte each); trust (4 per group); culture (1 per
  // feature); tie_resident, tie_strength (4 per slot), tie_group (1 per slot); eleven 4-byte fields
  // (home_venue, fixed_venue, language, household, home_cell, last_discrimination_day, the three
  // cumulative counters, institutional_trust, belonging) plus participation_propensity,
  // relocation_tolerance, positive_contacts_at_month_start (4 each); arrival_month (2);
  // positive_contacts_by_month (3 x 2).
  return 3.0 + 4.0 * groups + features + tie_slots * 9.0 + 14 * 4.0 + 2.0 + 6.0;
}

double resident_bytes(int group_count, int features) {
  const double population = population_bytes_per_resident(group_count, features);
  // Households: at least one per eight residents, 11 bytes each (home_cell, group, first_member, member_count).
  const double households = 11.0 / 8.0;
  // Simulation: venue_of_resident_, outgroup_trust_, and the resident lists of the two venue buckets.
  const double simulation = 4.0 * 4.0;
  return population + households + simulation;
}

double cell_bytes() {
  // cell_district (4), cell_capacity (2), cell_social_housing (1), cell_home_venue (4), and the
  // leisure candidates (venue and distance, 8 bytes for each leisure kind).
  return 11.0 + 8.0 * static_cast<double>(leisure_venue_kinds.size());
}

double venue_bytes(int group_count) {
  // Venues: kind, slot_mask, weekday_mask, rounds (1 each); cell, district, capacity, cooperation,
  // attractiveness, x_m, y_m (4 each); the simulation's venue_group_share_ (4 per group) and the
  // offsets of the two venue buckets (4 each).
  return 4.0 + 7 * 4.0 + 4.0 * group_count + 2 * 4.0;
}

PlannedWorldSize planned_world_size(const ScenarioConfig& config, const DistrictTable* table) {
  PlannedWorldSize size;
  double listed = 0.0;
  double district_count = 0.0;
  if (table != nullptr) {
    for (const DistrictRecord& record : table->districts)
      for (const std::int64_t count : record.residents_by_group) listed += static_cast<double>(count);
    const GridExtent extent = grid_extent(*table, config.city.cell_size_m);
    size.width = extent.width;
    size.height = extent.height;
    district_count = static_cast<double>(table->districts.size());
  } else {
    const SyntheticCityConfig& s = config.city.synthetic;
    listed = static_cast<double>(s.residents);
    size.width = static_cast<double>(s.districts_x) * s.district_cells;
    size.height = static_cast<double>(s.districts_y) * s.district_cells;
    district_count = static_cast<double>(s.districts_x) * s.districts_y;
  }
  size.residents = listed * config.city.scale;
  size.cells = size.width * size.height;
  // Home blocks: one per cell with housing, and no more cells have housing than households exist.
  size.venues = std::min(size.cells, size.residents);
  for (int kind = 1; kind < venue_kind_count; ++kind) {
    const VenueKindConfig& kc = config.venues.kinds[static_cast<std::size_t>(kind)];
    const bool one_per_district = static_cast<VenueKind>(kind) == VenueKind::civic_forum && kc.per_1000_residents == 0.0;
    size.venues += one_per_district ? district_count : std::max(1.0, kc.per_1000_residents * size.residents / 1000.0);
  }
  return size;
}

double minimum_world_bytes(const PlannedWorldSize& size, int group_count, int features) {
  return size.residents * resident_bytes(group_count, features) + size.cells * cell_bytes() +
         size.venues * venue_bytes(group_count);
}

}  // namespace convivia
