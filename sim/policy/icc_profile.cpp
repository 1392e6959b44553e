// ICC Index areas and the mapping from a profile's scores to policies (see icc_profile.hpp).
#include "policy/icc_profile.hpp"

#include "core/assert.hpp"
#include "policy/policy_kinds.hpp"

#include <algorithm>
#include <string>

namespace convivia {
namespace {

struct AreaInfo {
  IccArea area;
  std::string_view name;         // as the index spells it
  std::string_view policy_area;  // the policy-kind table's area; empty: no kind models it
};

constexpr std::array<AreaInfo, icc_area_count> areas = {{
    {IccArea::commitment, "Commitment", "Commitment"},
    {IccArea::education, "Education", "Education"},
    {IccArea::neighbourhoods, "Neighbourhoods", "Neighbourhoods"},
    {IccArea::public_services, "Public services", "Public services"},
    {IccArea::business_and_labour_market, "Business and labour market", "Business and labour market"},
    {IccArea::cultural_and_social_life, "Cultural and social life", "Cultural and social life; public space"},
    {IccArea::public_space, "Public space", "Cultural and social life; public space"},
    {IccArea::mediation_and_conflict_resolution, "Mediation and conflict resolution", "Mediation and conflict resolution"},
    {IccArea::language, "Language", "Language"},
    {IccArea::media_and_communication, "Media and communication", "Media and communication"},
    {IccArea::international_outlook, "International outlook", ""},
    {IccArea::intelligence_and_competence, "Intelligence and competence", ""},
    {IccArea::welcoming_newcomers, "Welcoming newcomers", "Welcoming newcomers"},
    {IccArea::leadership_and_citizenship, "Leadership and citizenship", "Leadership and citizenship; participation"},
    {IccArea::anti_discrimination, "Anti-discrimination", "Anti-discrimination"},
    {IccArea::participation, "Participation", "Leadership and citizenship; participation"},
    {IccArea::interaction, "Interaction", "Interaction"},
}};

const AreaInfo& info(IccArea area) { return areas[static_cast<std::size_t>(area)]; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string_view icc_area_name(IccArea area) { return info(area).name; }

std::optional<IccArea> find_icc_area(std::string_view name) {
  const std::string_view wanted = trimmed(name);
  for (const AreaInfo& area : areas) {
    if (equal_ignoring_case(area.name, wanted)) return area.area;
  }
  return std::nullopt;
}

std::string_view policy_area_of(IccArea area) { return info(area).policy_area; }

std::vector<PolicyConfig> policies_from_icc_profile(const std::vector<IccAreaScore>& rows) {
  std::vector<PolicyConfig> policies;
  std::vector<std::string_view> done;  // table areas already turned into policies
  for (const PolicyKindInfo& kind : policy_kinds()) {
    const std::string_view table_area = kind.icc_area;
    if (std::find(done.begin(), done.end(), table_area) != done.end()) continue;
    done.push_back(table_area);

    double score_sum = 0.0;
    double cost_eur = 0.0;
    int scores = 0;
    for (const IccAreaScore& row : rows) {
      if (policy_area_of(row.area) != table_area) continue;
      CONVIVIA_CHECK(row.score >= 0.0 && row.score <= 100.0, "ICC Index scores are in [0, 100]");
      CONVIVIA_CHECK(row.annual_cost_eur.value_or(0.0) >= 0.0, "ICC profile costs are not negative");
      score_sum += row.score;
      cost_eur += row.annual_cost_eur.value_or(0.0);
      ++scores;
    }
    if (scores == 0) continue;

    std::vector<PolicyKind> modelled;
    for (const PolicyKindInfo& other : policy_kinds()) {
      if (other.icc_area == table_area && other.modelled()) modelled.push_back(other.kind);
    }
    for (PolicyKind modelled_kind : modelled) {
      PolicyConfig policy;
      policy.kind = modelled_kind;
      policy.intensity = static_cast<float>(score_sum / scores / 100.0);
      policy.start_day = 0;
      policy.end_day = policy_open_end_day;
      policy.annual_cost_eur = cost_eur / static_cast<double>(modelled.size());
      policy.name = "ICC profile: " + std::string(table_area);
      policies.push_back(std::move(policy));
    }
  }
  return policies;
}

}  // namespace convivia
