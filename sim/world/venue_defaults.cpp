// Default settings of each venue kind (VenueConfig::default_venue_kind_configs). The reason for each
// choice is given in docs/scenario-reference.md; behavioural values (cooperation, attractiveness,
// rounds) are modelling choices to be calibrated, densities are rough orders of magnitude.
#include "world/scenario_config.hpp"

namespace convivia {
namespace {

// Bits of slot_mask and weekday_mask.
constexpr std::uint8_t daytime = 1u << 0;
constexpr std::uint8_t leisure = 1u << 1;
constexpr std::uint8_t evening = 1u << 2;
constexpr std::uint8_t monday_to_friday = 0b0011111;
constexpr std::uint8_t monday_to_saturday = 0b0111111;
constexpr std::uint8_t all_week = 0b1111111;
constexpr std::uint8_t wednesday = 1u << 2;

VenueKindConfig kind(double per_1000_residents, std::uint32_t capacity, std::uint8_t slot_mask,
                     std::uint8_t weekday_mask, float cooperation, float attractiveness, int rounds) {
  VenueKindConfig config;
  config.per_1000_residents = per_1000_residents;
  config.capacity = capacity;
  config.slot_mask = slot_mask;
  config.weekday_mask = weekday_mask;
  config.cooperation = cooperation;
  config.attractiveness = attractiveness;
  config.rounds = rounds;
  return config;
}

}  // namespace

std::array<VenueKindConfig, venue_kind_count> VenueConfig::default_venue_kind_configs() {
  std::array<VenueKindConfig, venue_kind_count> kinds{};
  auto at = [&kinds](VenueKind k) -> VenueKindConfig& { return kinds[static_cast<std::size_t>(k)]; };
  // per_1000_residents is ignored for home blocks (one per block of homes).
  at(VenueKind::home_block) = kind(0.0, 100, evening, all_week, 0.3f, 0.0f, 1);
  at(VenueKind::school) = kind(1.0, 600, daytime, monday_to_friday, 0.6f, 0.0f, 2);
  at(VenueKind::workplace) = kind(40.0, 25, daytime, monday_to_friday, 0.5f, 0.0f, 2);
  at(VenueKind::park) = kind(1.0, 300, daytime | leisure, all_week, 0.15f, 0.6f, 1);
  at(VenueKind::library) = kind(0.1, 150, daytime | leisure, monday_to_saturday, 0.35f, 0.4f, 1);
  at(VenueKind::market) = kind(0.3, 400, daytime | leisure, monday_to_saturday, 0.1f, 0.5f, 1);
  at(VenueKind::sports) = kind(0.5, 60, leisure, all_week, 0.7f, 0.5f, 2);
  at(VenueKind::community_centre) = kind(0.2, 80, leisure, monday_to_saturday, 0.6f, 0.3f, 2);
  // per_1000_residents 0 means one forum per district.
  at(VenueKind::civic_forum) = kind(0.0, 60, leisure, wednesday, 0.85f, 0.0f, 2);
  return kinds;
}

}  // namespace convivia
