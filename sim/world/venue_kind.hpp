// The kinds of places where residents meet (docs/model.md section 2). The order is part of the output
// contract: venue kinds are stored by index in output files.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace convivia {

enum class VenueKind : std::uint8_t {
  home_block,
  school,
  workplace,
  park,
  library,
  market,
  sports,
  community_centre,
  civic_forum,
};

inline constexpr int venue_kind_count = 9;

inline constexpr std::array<std::string_view, venue_kind_count> venue_kind_names = {
    "home_block", "school", "workplace", "park", "library", "market", "sports", "community_centre", "civic_forum"};

// Kinds a resident may choose in a leisure slot.
inline constexpr std::array<VenueKind, 5> leisure_venue_kinds = {
    VenueKind::park, VenueKind::library, VenueKind::market, VenueKind::sports, VenueKind::community_centre};

inline constexpr std::string_view venue_kind_name(VenueKind kind) {
  return venue_kind_names[static_cast<int>(kind)];
}

}  // namespace convivia
