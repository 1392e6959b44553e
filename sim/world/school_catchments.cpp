// School assignment (see school_catchments.hpp).
#include "world/school_catchments.hpp"

#include "core/random.hpp"

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

std::uint32_t SchoolCatchments::choose_mixing(std::uint32_t home_cell, const std::vector<std::uint32_t>& load,
                                              std::uint8_t group, const std::vector<std::uint32_t>& group_load,
                                              std::size_t group_count) const {
  if (schools_.empty()) return no_venue;
  const auto centre = city_.cell_centre_m(home_cell);
  schools_.nearest(centre[0], centre[1], 4, near_);
  std::uint32_t best = no_venue;
  double best_share = 2.0;
  for (std::uint32_t school : near_) {
    if (load[school] >= venues_.capacity[school]) continue;
    const double share = load[school] == 0 ? 0.0
                                           : static_cast<double>(group_load[school * group_count + group]) / static_cast<double>(load[school]);
    if (share < best_share) {  // strict: ties go to the nearer school
      best = school;
      best_share = share;
    }
  }
  return best != no_venue ? best : near_.front();
}

std::vector<std::uint32_t> school_load(const Venues& venues, const Population& residents) {
  std::vector<std::uint32_t> load(venues.size(), 0);
  for (std::size_t i = 0; i < residents.size(); ++i)
    if (residents.age_class[i] == static_cast<std::uint8_t>(AgeClass::child) && residents.fixed_venue[i] != no_venue)
      ++load[residents.fixed_venue[i]];
  return load;
}

void assign_schools(const Venues& venues, const City& city, Population& residents) {
  assign_schools(venues, city, residents, SchoolMixing{});
}

void assign_schools(const Venues& venues, const City& city, Population& residents, const SchoolMixing& mixing) {
  const SchoolCatchments catchments(venues, city);
  const auto group_count = static_cast<std::size_t>(residents.group_count);
  std::vector<std::uint32_t> load(venues.size(), 0);
  std::vector<std::uint32_t> group_load;
  if (mixing.mixing_share_of) group_load.assign(venues.size() * group_count, 0);
  for (std::size_t i = 0; i < residents.size(); ++i) {
    if (residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child)) continue;
    const std::uint8_t group = residents.group[i];
    bool controlled = false;
    if (mixing.mixing_share_of) {
      const float share = mixing.mixing_share_of(i);
      controlled = share > 0.0f &&
                   RandomStream(mixing.seed, RandomPurpose::school_choice, mixing.year, static_cast<std::uint32_t>(i)).uniform() < share;
    }
    const std::uint32_t school = controlled ? catchments.choose_mixing(residents.home_cell[i], load, group, group_load, group_count)
                                            : catchments.choose(residents.home_cell[i], load);
    residents.fixed_venue[i] = school;
    if (school == no_venue) continue;
    ++load[school];
    if (!group_load.empty()) ++group_load[school * group_count + group];
  }
}

}  // namespace convivia
