// Residents and households as structures of arrays with stable dense ids. Per-group and per-feature
// values are flattened: trust[resident * group_count + g], culture[resident * features + f],
// tie_resident[resident * tie_slots + k]. Hot arrays (touched every slot) come first; cold ones
// (touched monthly or by indicators) after.
#pragma once

#include <cstdint>
#include <vector>

namespace convivia {

enum class AgeClass : std::uint8_t { child, adult, senior };

inline constexpr int tie_slots = 4;
inline constexpr std::uint32_t no_resident = 0xffffffffu;
inline constexpr std::int32_t never = -1000000;
// arrival_month of residents present at the start or born in the city.
inline constexpr std::int16_t not_a_newcomer = -1;

struct Population {
  int group_count = 0;
  int features = 0;

  // Hot: read or written in every slot.
  std::vector<std::uint8_t> group;
  std::vector<float> trust;                 // [resident][group]
  std::vector<std::uint8_t> culture;        // [resident][feature], trait index < traits
  std::vector<std::uint32_t> home_venue;    // home-block venue
  std::vector<std::uint32_t> fixed_venue;   // school (children) or workplace (employed adults), or no_venue
  std::vector<std::uint32_t> tie_resident;  // [resident][slot], no_resident if free
  std::vector<float> tie_strength;          // [resident][slot]
  std::vector<std::uint8_t> tie_group;      // [resident][slot]: the tied resident's group, kept with the tie so
                                            // indicators and meetings need not look the friend up
  std::vector<float> language;              // proficiency in the majority language, [0,1]

  // Cold.
  std::vector<std::uint8_t> age_class;
  std::vector<std::uint8_t> employed;
  std::vector<std::uint32_t> household;
  std::vector<std::uint32_t> home_cell;
  std::vector<std::int32_t> last_discrimination_day;  // never if none
  std::vector<std::uint32_t> discrimination_events;   // cumulative
  std::vector<std::uint32_t> positive_intergroup_contacts;  // cumulative
  std::vector<std::uint32_t> negative_intergroup_contacts;  // cumulative
  std::vector<float> institutional_trust;
  std::vector<float> belonging;
  std::vector<float> participation_propensity;
  std::vector<float> relocation_tolerance;
  std::vector<std::int16_t> arrival_month;  // month (day / 30) a newcomer arrived, or not_a_newcomer
  // Positive intergroup contacts in each of the last three 30-day months (a ring indexed by month
  // modulo 3), and the cumulative count when the current month began; see systems/recent_contacts.
  std::vector<std::uint16_t> positive_contacts_by_month;  // [resident][3]
  std::vector<std::uint32_t> positive_contacts_at_month_start;

  std::size_t size() const { return group.size(); }
};

// Households relocate as a unit; their members have consecutive resident ids.
struct Households {
  std::vector<std::uint32_t> home_cell;
  std::vector<std::uint8_t> group;
  std::vector<std::uint32_t> first_member;
  std::vector<std::uint16_t> member_count;

  std::size_t size() const { return home_cell.size(); }
};

}  // namespace convivia
