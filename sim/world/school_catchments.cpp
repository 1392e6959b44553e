// School assignment (see school_catchments.hpp).
#include "world/school_catchments.hpp"

namespace convivia {

NearestVenueIndex index_of_kind(const Venues& venues, const City& city, VenueKind kind) {
  std::vector<float> xs, ys;
  std::vector<std::uint32_t> ids;
  for (std::uint32_t v = 0; v < venues.size(); ++v)
    if (venues.kind[v] == kind) {
      xs.push_back(venues.x_m[v]);
      ys.push_back(venues.y_m[v]);
      ids.push_back(v);
    }
  return NearestVenueIndex(xs, ys, ids, city.width * city.cell_size_m, city.height * city.cell_size_m);
}

SchoolCatchments::SchoolCatchments(const Venues& venues, const City& city)
    : venues_(venues), city_(city), schools_(index_of_kind(venues, city, VenueKind::school)) {}

std::uint32_t SchoolCatchments::choose(std::uint32_t home_cell, const std::vector<std::uint32_t>& load) const {
  if (schools_.empty()) return no_venue;
  const auto centre = city_.cell_centre_m(home_cell);
  schools_.nearest(centre[0], centre[1], 4, near_);
  for (std::uint32_t school : near_)
    if (load[school] < venues_.capacity[school]) return school;
  return near_.front();
}

std::vector<std::uint32_t> school_load(const Venues& venues, const Population& residents) {
  std::vector<std::uint32_t> load(venues.size(), 0);
  for (std::size_t i = 0; i < residents.size(); ++i)
    if (residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::child) && residents.fixed_venue[i] != no_venue)
      ++load[residents.fixed_venue[i]];
  return load;
}

void assign_schools(const Venues& venues, const City& city, Population& residents) {
  const SchoolCatchments catchments(venues, city);
  std::vector<std::uint32_t> load(venues.size(), 0);
  for (std::size_t i = 0; i < residents.size(); ++i) {
    if (residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child)) continue;
    const std::uint32_t school = catchments.choose(residents.home_cell[i], load);
    residents.fixed_venue[i] = school;
    if (school != no_venue) ++load[school];
  }
}

}  // namespace convivia
