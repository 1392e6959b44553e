// Venue placement, school and workplace assignment, leisure candidates (see venue_builder.hpp).
#include "world/venue_builder.hpp"

#include "core/assert.hpp"
#include "core/random.hpp"
#include "world/nearest_venues.hpp"
#include "world/school_catchments.hpp"

#include <algorithm>
#include <cmath>

namespace convivia {
namespace {

std::uint32_t add_venue(Venues& venues, const City& city, VenueKind kind, std::uint32_t cell, const VenueKindConfig& kc,
                        std::uint32_t capacity) {
  const auto centre = city.cell_centre_m(cell);
  venues.kind.push_back(kind);
  venues.cell.push_back(cell);
  venues.district.push_back(city.cell_district[cell]);
  venues.capacity.push_back(capacity);
  venues.slot_mask.push_back(kc.slot_mask);
  venues.weekday_mask.push_back(kc.weekday_mask);
  venues.cooperation.push_back(kc.cooperation);
  venues.attractiveness.push_back(kc.attractiveness);
  venues.rounds.push_back(static_cast<std::uint8_t>(kc.rounds));
  venues.x_m.push_back(static_cast<float>(centre[0]));
  venues.y_m.push_back(static_cast<float>(centre[1]));
  return static_cast<std::uint32_t>(venues.size() - 1);
}

// Picks a cell with probability proportional to its residents (inverse CDF on cumulative counts).
std::uint32_t weighted_cell(const std::vector<std::uint32_t>& cells, const std::vector<std::uint64_t>& cumulative,
                            RandomStream& random) {
  const auto target = static_cast<std::uint64_t>(random.uniform_double() * static_cast<double>(cumulative.back()));
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return cells[static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(cells.size()) - 1))];
}

}  // namespace

VenueBuild build_venues(const ScenarioConfig& config, const City& city, Population& residents) {
  VenueBuild build;
  Venues& venues = build.venues;
  const auto& kinds = config.venues.kinds;
  const std::size_t resident_count = residents.size();

  // Home blocks, in cell order: every inhabited cell and every cell with housing (households may move
  // into a cell that is empty at the start). Other venues are placed by residents, in inhabited cells.
  std::vector<std::uint32_t> cell_residents(city.cell_count(), 0);
  for (std::size_t i = 0; i < resident_count; ++i) ++cell_residents[residents.home_cell[i]];
  build.cell_home_venue.assign(city.cell_count(), no_venue);
  std::vector<std::uint32_t> housing;  // cells with a home block
  std::vector<std::uint32_t> inhabited;
  std::vector<std::uint64_t> cumulative;
  std::uint64_t running = 0;
  for (std::uint32_t cell = 0; cell < city.cell_count(); ++cell) {
    const bool has_housing = !city.cell_capacity.empty() && city.cell_capacity[cell] > 0;
    if (cell_residents[cell] == 0 && !has_housing) continue;
    const auto& kc = kinds[static_cast<int>(VenueKind::home_block)];
    build.cell_home_venue[cell] = add_venue(venues, city, VenueKind::home_block, cell, kc, cell_residents[cell]);
    housing.push_back(cell);
    if (cell_residents[cell] == 0) continue;
    inhabited.push_back(cell);
    running += cell_residents[cell];
    cumulative.push_back(running);
  }
  for (std::size_t i = 0; i < resident_count; ++i) residents.home_venue[i] = build.cell_home_venue[residents.home_cell[i]];
  if (inhabited.empty()) return build;

  std::size_t children = 0, employed = 0;
  for (std::size_t i = 0; i < resident_count; ++i) {
    children += residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::child);
    employed += residents.employed[i];
  }

  // Other kinds from densities, in kind order, placed by residents.
  RandomStream placement(config.run.seed, RandomPurpose::venue_placement, 0, 0);
  for (int k = 1; k < venue_kind_count; ++k) {
    const auto kind = static_cast<VenueKind>(k);
    const VenueKindConfig& kc = kinds[k];
    if (kind == VenueKind::civic_forum && kc.per_1000_residents == 0.0) {
      // One forum per district with residents, in its most populous cell.
      std::vector<std::uint32_t> best_cell(city.districts.size(), no_venue);
      for (std::uint32_t cell : inhabited) {
        const auto d = static_cast<std::size_t>(city.cell_district[cell]);
        if (best_cell[d] == no_venue || cell_residents[cell] > cell_residents[best_cell[d]]) best_cell[d] = cell;
      }
      for (std::uint32_t cell : best_cell)
        if (cell != no_venue) add_venue(venues, city, kind, cell, kc, kc.capacity);
      continue;
    }
    auto count = static_cast<std::size_t>(std::llround(kc.per_1000_residents * static_cast<double>(resident_count) / 1000.0));
    std::uint32_t capacity = kc.capacity;
    // Schools and workplaces must hold everyone who needs one.
    const std::size_t users = kind == VenueKind::school ? children : kind == VenueKind::workplace ? employed : 0;
    if (users > 0) {
      count = std::max<std::size_t>(count, 1);
      capacity = std::max<std::uint32_t>(capacity, static_cast<std::uint32_t>((users + count - 1) / count));
    }
    if (kc.per_1000_residents > 0.0) count = std::max<std::size_t>(count, 1);
    for (std::size_t n = 0; n < count; ++n) add_venue(venues, city, kind, weighted_cell(inhabited, cumulative, placement), kc, capacity);
  }

  assign_schools(venues, city, residents);
  std::vector<std::uint32_t> load = school_load(venues, residents);
  std::vector<std::uint32_t> near;

  // Employed adults: a random workplace, probing onward from it until one has room.
  std::vector<std::uint32_t> workplaces;
  for (std::uint32_t v = 0; v < venues.size(); ++v)
    if (venues.kind[v] == VenueKind::workplace) workplaces.push_back(v);
  for (std::size_t i = 0; i < resident_count && !workplaces.empty(); ++i) {
    if (!residents.employed[i]) continue;
    RandomStream random(config.run.seed, RandomPurpose::assignment, 0, static_cast<std::uint32_t>(i));
    std::size_t w = random.below(static_cast<std::uint32_t>(workplaces.size()));
    for (std::size_t probe = 0; probe < workplaces.size() && load[workplaces[w]] >= venues.capacity[workplaces[w]]; ++probe)
      w = (w + 1) % workplaces.size();
    residents.fixed_venue[i] = workplaces[w];
    ++load[workplaces[w]];
  }

  // Leisure candidates: the nearest venue of each leisure kind for every cell with a home block.
  LeisureCandidates& leisure = build.leisure;
  leisure.per_cell = static_cast<int>(leisure_venue_kinds.size());
  leisure.venue.assign(city.cell_count() * leisure_venue_kinds.size(), no_venue);
  leisure.distance_km.assign(city.cell_count() * leisure_venue_kinds.size(), 0.0f);
  for (std::size_t k = 0; k < leisure_venue_kinds.size(); ++k) {
    const NearestVenueIndex index = index_of_kind(venues, city, leisure_venue_kinds[k]);
    if (index.empty()) continue;
    for (std::uint32_t cell : housing) {
      const auto centre = city.cell_centre_m(cell);
      index.nearest(centre[0], centre[1], 1, near);
      const std::uint32_t v = near.front();
      const std::size_t at = cell * leisure_venue_kinds.size() + k;
      leisure.venue[at] = v;
      leisure.distance_km[at] = static_cast<float>(std::hypot(venues.x_m[v] - centre[0], venues.y_m[v] - centre[1]) / 1000.0);
    }
  }
  return build;
}

}  // namespace convivia
