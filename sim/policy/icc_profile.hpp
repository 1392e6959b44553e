// A city's Intercultural Cities (ICC) Index profile turned into policies: the Council of Europe
// scores a city from 0 to 100 in each area of the index, and every policy kind whose area (the
// `icc_area` of policy_kinds) the score belongs to becomes a policy of intensity score / 100 that acts
// for the whole run. Pure functions on validated rows; reading the CSV file is io/icc_profile_reader.
// The mapping is documented in docs/policies.md ("Importing an ICC Index profile").
#pragma once

#include "policy/policy.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace convivia {

// The areas of the ICC Index, in the index's order.
enum class IccArea : std::uint8_t {
  commitment,
  education,
  neighbourhoods,
  public_services,
  business_and_labour_market,
  cultural_and_social_life,
  public_space,
  mediation_and_conflict_resolution,
  language,
  media_and_communication,
  international_outlook,
  intelligence_and_competence,
  welcoming_newcomers,
  leadership_and_citizenship,
  anti_discrimination,
  participation,
  interaction,
};
inline constexpr int icc_area_count = 17;

// The area's name as the index spells it ("Business and labour market").
std::string_view icc_area_name(IccArea area);

// The area named, ignoring case and spaces around it; nothing for an unknown name.
std::optional<IccArea> find_icc_area(std::string_view name);

// The area of the policy-kind table (PolicyKindInfo::icc_area) that an index area feeds: the table
// joins two pairs of index areas ("Cultural and social life; public space", "Leadership and
// citizenship; participation"). Empty for the areas no policy kind models (International outlook,
// Intelligence and competence).
std::string_view policy_area_of(IccArea area);

// One row of a profile: an area, its score and, if given, what the city spends on it.
struct IccAreaScore {
  IccArea area = IccArea::commitment;
  double score = 0.0;                         // [0, 100]
  std::optional<double> annual_cost_eur;      // euros per year for the area; nothing: 0
};

// The policies a profile stands for, in the order of the policy-kind table. Each modelled kind whose
// table area has a score gets intensity = score / 100 (a table area fed by two index areas takes the
// mean of the scores given), start day 0, an open end, the name "ICC profile: <table area>" and an
// equal share of the table area's annual cost (the sum of the costs given for its index areas).
// Rows must be valid (scores in [0, 100], costs >= 0, each area at most once); kinds that are not
// modelled get no policy, and their share of the cost goes to the area's modelled kinds.
std::vector<PolicyConfig> policies_from_icc_profile(const std::vector<IccAreaScore>& rows);

}  // namespace convivia
