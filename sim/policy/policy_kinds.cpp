// The table of policy kinds (see policy_kinds.hpp). Values at full intensity are modelling choices
// unless a source is named; each says why it is what it is.
#include "policy/policy_kinds.hpp"

#include "core/assert.hpp"

#include <algorithm>

namespace convivia {
namespace {

constexpr std::string_view enforcement_source =
    "assumed: halves every discrimination probability; no published elasticity of discrimination to enforcement";
constexpr std::string_view complaints_source =
    "assumed: x0.8, weaker than enforcement, as most discrimination is never reported";
constexpr std::string_view programming_attractiveness_source =
    "assumed: +0.2 utility, a quarter of the utility lost per km (0.8), so programmes draw visitors from about 250 m further";
constexpr std::string_view programming_cooperation_source =
    "assumed: +0.1, organised activities add some structure to casual venues";

constexpr int kind_index(VenueKind kind) { return static_cast<int>(kind); }

std::vector<LeverEffect> all_discrimination(float value, std::string_view source) {
  return {{LeverId::discrimination_multiplier, value, -1, source},
          {LeverId::labour_discrimination_multiplier, value, -1, source},
          {LeverId::service_discrimination_multiplier, value, -1, source},
          {LeverId::housing_discrimination_multiplier, value, -1, source}};
}

std::vector<LeverEffect> leisure_programming() {
  std::vector<LeverEffect> effects;
  for (VenueKind venue : leisure_venue_kinds) {
    effects.push_back({LeverId::attractiveness_bonus, 0.2f, kind_index(venue), programming_attractiveness_source});
    effects.push_back({LeverId::cooperation_bonus, 0.1f, kind_index(venue), programming_cooperation_source});
  }
  return effects;
}

std::array<PolicyKindInfo, policy_kind_count> make_kinds() {
  using K = PolicyKind;
  using L = LeverId;
  std::array<PolicyKindInfo, policy_kind_count> kinds = {{
      {K::school_mixing, "school_mixing", "Education",
       "controlled school choice: school places allocated so that schools mix groups",
       {{L::school_mixing_share, 0.5f, -1,
         "assumed: half of the places allocated by the mixing rule; controlled-choice schemes keep priorities for "
         "siblings and walking distance, so only part of the places are steered"}},
       ""},
      {K::intercultural_curriculum, "intercultural_curriculum", "Education",
       "cooperative, intercultural learning in schools (e.g. jigsaw classrooms)",
       {{L::cooperation_bonus, 0.2f, kind_index(VenueKind::school),
         "assumed: +0.2 lifts school cooperation from 0.6 to 0.8, between sports teams and civic forums; cooperative "
         "learning improves intergroup relations in class (Aronson's jigsaw classroom), with no published size on this scale"}},
       ""},
      {K::social_housing_mix, "social_housing_mix", "Neighbourhoods",
       "allocate social-housing vacancies so that blocks stay mixed",
       {{L::social_housing_mix, 0.5f, -1,
         "assumed: half of the eligible allocations are steered; allocation rules bind only part of the lettings"}},
       ""},
      {K::neighbourhood_projects, "neighbourhood_projects", "Neighbourhoods",
       "shared neighbourhood projects (gardens, courtyard groups) among neighbours",
       {{L::cooperation_bonus, 0.1f, kind_index(VenueKind::home_block),
         "assumed: +0.1 on the home block's 0.3; projects reach only part of a block's residents"}},
       ""},
      {K::staff_intercultural_competence, "staff_intercultural_competence", "Public services",
       "intercultural training of public-service staff",
       {{L::service_discrimination_multiplier, 0.7f, -1,
         "assumed: x0.7; diversity training changes behaviour modestly and the effect fades (Bezrukova et al. 2016, "
         "meta-analysis)"}},
       ""},
      {K::anti_discrimination_hiring, "anti_discrimination_hiring", "Business and labour market",
       "anonymised applications and hiring audits against labour-market discrimination",
       {{L::labour_discrimination_multiplier, 0.5f, -1,
         "assumed: x0.5; anonymised applications removed much of the gap in interview invitations in a Swedish field "
         "trial (Aslund and Nordstrom Skans 2012) but cover only the first step of hiring"}},
       ""},
      {K::diversity_charters, "diversity_charters", "Business and labour market",
       "employers' diversity charters and diversity management",
       {{L::cooperation_bonus, 0.1f, kind_index(VenueKind::workplace),
         "assumed: +0.1 on the workplace's 0.5; charters are voluntary and their effect on teamwork is not measured"}},
       ""},
      {K::intercultural_programming, "intercultural_programming", "Cultural and social life; public space",
       "intercultural programmes in parks, libraries, markets, sports clubs and community centres", leisure_programming(), ""},
      {K::intercultural_mediators, "intercultural_mediators", "Mediation and conflict resolution",
       "trained mediators who defuse conflicts between residents",
       {{L::mediation_share, 0.3f, -1,
         "assumed: 0.3 of would-be negative contacts defused; mediators reach only the conflicts that surface"}},
       ""},
      {K::language_courses, "language_courses", "Language", "free or subsidised courses in the majority language",
       {{L::language_course_intensity, 1.0f, -1,
         "by definition: intensity 1 is the course programme that language.course_gain_per_month describes"}},
       ""},
      {K::anti_rumour_campaign, "anti_rumour_campaign", "Media and communication",
       "anti-rumour agents and campaigns against stereotypes (as in Barcelona's anti-rumour strategy)",
       {{L::event_damping, 0.3f, -1,
         "assumed: 0.3 of a negative news shock's effect removed; evaluations of anti-rumour strategies are qualitative"},
        {L::prejudice_decay, 0.1f, -1,
         "assumed: a tenth of the fall below the initial out-group trust recovered per week, so a shock's effect halves "
         "in about 7 weeks (0.9^6.6 = 0.5)"}},
       ""},
      {K::welcome_programme, "welcome_programme", "Welcoming newcomers",
       "welcome programmes that pair newcomers with residents (buddies, welcome desks)",
       {{L::welcome_tie_probability, 0.5f, -1, "assumed: half of the newcomers take part and gain a lasting first contact"}},
       ""},
      {K::participatory_councils, "participatory_councils", "Leadership and citizenship; participation",
       "participatory councils and budgets open to all residents",
       {{L::forum_reach_multiplier, 2.0f, -1, "assumed: twice the weekly forum attendance"}}, ""},
      {K::representation, "representation", "Leadership and citizenship; participation",
       "outreach to and seats for under-represented groups in councils",
       {{L::representation, 0.5f, -1,
         "assumed: half the gap between each resident's forum propensity and the mean closed"}},
       ""},
      {K::anti_discrimination_enforcement, "anti_discrimination_enforcement", "Anti-discrimination",
       "enforcement of anti-discrimination law (testing, sanctions)", all_discrimination(0.5f, enforcement_source), ""},
      {K::complaints_office, "complaints_office", "Anti-discrimination",
       "an office that receives and follows up discrimination complaints", all_discrimination(0.8f, complaints_source),
       ""},
      {K::commitment, "commitment", "Commitment",
       "public commitment of the city to diversity as an advantage; makes every other policy more effective", {}, ""},
      {K::mixing_events, "mixing_events", "Interaction", "events that bring groups together at public venues",
       {{L::extra_rounds_public_venues, 1.0f, -1,
         "assumed: one more pairing round at every public venue; fewer than one round rounds to none"}},
       ""},
  }};
  for (std::size_t k = 0; k < kinds.size(); ++k) CONVIVIA_CHECK(static_cast<std::size_t>(kinds[k].kind) == k, "policy kinds out of order");
  return kinds;
}

}  // namespace

LeverCombination lever_combination(LeverId lever) {
  switch (lever) {
    case LeverId::discrimination_multiplier:
    case LeverId::labour_discrimination_multiplier:
    case LeverId::service_discrimination_multiplier:
    case LeverId::housing_discrimination_multiplier:
    case LeverId::forum_reach_multiplier: return LeverCombination::multiplier;
    case LeverId::mediation_share:
    case LeverId::social_housing_mix:
    case LeverId::welcome_tie_probability:
    case LeverId::representation:
    case LeverId::event_damping:
    case LeverId::prejudice_decay:
    case LeverId::school_mixing_share: return LeverCombination::chance;
    case LeverId::cooperation_bonus:
    case LeverId::attractiveness_bonus:
    case LeverId::language_course_intensity: return LeverCombination::additive;
    case LeverId::extra_rounds_public_venues: return LeverCombination::rounds;
  }
  return LeverCombination::additive;
}

bool lever_acts_on_venues(LeverId lever) {
  return lever == LeverId::cooperation_bonus || lever == LeverId::attractiveness_bonus ||
         lever == LeverId::extra_rounds_public_venues;
}

bool policy_kind_can_target_groups(PolicyKind kind) {
  if (kind == PolicyKind::commitment) return false;
  const auto& effects = policy_kind_info(kind).effects;
  return std::none_of(effects.begin(), effects.end(), [](const LeverEffect& e) { return lever_acts_on_venues(e.lever); });
}

std::string_view lever_name(LeverId lever) {
  switch (lever) {
    case LeverId::discrimination_multiplier: return "discrimination_multiplier";
    case LeverId::labour_discrimination_multiplier: return "labour_discrimination_multiplier";
    case LeverId::service_discrimination_multiplier: return "service_discrimination_multiplier";
    case LeverId::housing_discrimination_multiplier: return "housing_discrimination_multiplier";
    case LeverId::forum_reach_multiplier: return "forum_reach_multiplier";
    case LeverId::mediation_share: return "mediation_share";
    case LeverId::social_housing_mix: return "social_housing_mix";
    case LeverId::welcome_tie_probability: return "welcome_tie_probability";
    case LeverId::representation: return "representation";
    case LeverId::event_damping: return "event_damping";
    case LeverId::prejudice_decay: return "prejudice_decay";
    case LeverId::cooperation_bonus: return "cooperation_bonus";
    case LeverId::attractiveness_bonus: return "attractiveness_bonus";
    case LeverId::language_course_intensity: return "language_course_intensity";
    case LeverId::extra_rounds_public_venues: return "extra_rounds_public_venues";
    case LeverId::school_mixing_share: return "school_mixing_share";
  }
  return "";
}

const std::array<PolicyKindInfo, policy_kind_count>& policy_kinds() {
  static const std::array<PolicyKindInfo, policy_kind_count> kinds = make_kinds();
  return kinds;
}

const PolicyKindInfo& policy_kind_info(PolicyKind kind) { return policy_kinds()[static_cast<std::size_t>(kind)]; }

std::optional<PolicyKind> find_policy_kind(std::string_view name) {
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (info.name == name) return info.kind;
  }
  return std::nullopt;
}

}  // namespace convivia
