// The single table of scenario keys (see scenario_keys.hpp), the text that describes each key's
// allowed values, and the generated reference tables of docs/scenario-reference.md.
#include "io/scenario_keys.hpp"

#include "policy/policy_kinds.hpp"

#include <charconv>
#include <cstdio>
#include <cmath>
#include <limits>
#include <type_traits>

namespace convivia::scenario_schema {
namespace {

Bounds closed(double min, double max) { return Bounds{min, max, false, false, true}; }
Bounds left_open(double min, double max) { return Bounds{min, max, true, false, true}; }
Bounds right_open(double min, double max) { return Bounds{min, max, false, true, true}; }

// Floats are reported as the shortest decimal of the float, so that 0.7f prints as 0.7 and reads
// back to the same float.
double float_as_double(float value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  double out = 0.0;
  std::from_chars(buffer, result.ptr, out);
  return out;
}

template <class Field>
double number_out(Field value) {
  if constexpr (std::is_same_v<Field, float>) {
    return float_as_double(value);
  } else {
    return static_cast<double>(value);
  }
}

// Field accessors: one generic lambda serves both const (get) and non-const (set) access.
template <class Target, class Access>
KeySpec<Target> real_key(std::string key, Access access, Bounds bounds, std::string meaning, std::string origin) {
  using Field = std::remove_cvref_t<decltype(access(std::declval<Target&>()))>;
  KeySpec<Target> spec;
  spec.key = std::move(key);
  spec.type = KeyType::real;
  spec.bounds = bounds;
  spec.meaning = std::move(meaning);
  spec.origin = std::move(origin);
  spec.get = [access](const Target& t) { return KeyValue(number_out(access(t))); };
  spec.set = [access](Target& t, const KeyValue& v) { access(t) = static_cast<Field>(std::get<double>(v)); };
  return spec;
}

template <class Target, class Access>
KeySpec<Target> integer_key(std::string key, Access access, std::int64_t min, std::int64_t max, std::string meaning,
                            std::string origin) {
  using Field = std::remove_cvref_t<decltype(access(std::declval<Target&>()))>;
  KeySpec<Target> spec;
  spec.key = std::move(key);
  spec.type = KeyType::integer;
  spec.int_min = min;
  spec.int_max = max;
  spec.meaning = std::move(meaning);
  spec.origin = std::move(origin);
  spec.get = [access](const Target& t) { return KeyValue(static_cast<std::int64_t>(access(t))); };
  spec.set = [access](Target& t, const KeyValue& v) { access(t) = static_cast<Field>(std::get<std::int64_t>(v)); };
  return spec;
}

template <class Target, class Access>
KeySpec<Target> bool_key(std::string key, Access access, std::string meaning, std::string origin) {
  KeySpec<Target> spec;
  spec.key = std::move(key);
  spec.type = KeyType::boolean;
  spec.meaning = std::move(meaning);
  spec.origin = std::move(origin);
  spec.get = [access](const Target& t) { return KeyValue(static_cast<bool>(access(t))); };
  spec.set = [access](Target& t, const KeyValue& v) { access(t) = std::get<bool>(v); };
  return spec;
}

template <class Target, class Access>
KeySpec<Target> string_key(std::string key, KeyType type, bool non_empty, Access access, std::string meaning,
                           std::string origin) {
  KeySpec<Target> spec;
  spec.key = std::move(key);
  spec.type = type;
  spec.non_empty = non_empty;
  spec.meaning = std::move(meaning);
  spec.origin = std::move(origin);
  spec.get = [access](const Target& t) { return KeyValue(std::string(access(t))); };
  spec.set = [access](Target& t, const KeyValue& v) { access(t) = std::get<std::string>(v); };
  return spec;
}

// A choice stored as an index into names (weekday) or an enum (city source).
template <class Target, class Access, std::size_t N>
KeySpec<Target> choice_key(std::string key, Access access, const std::array<std::string_view, N>& names,
                           std::string meaning, std::string origin) {
  using Field = std::remove_cvref_t<decltype(access(std::declval<Target&>()))>;
  KeySpec<Target> spec;
  spec.key = std::move(key);
  spec.type = KeyType::choice;
  spec.names.assign(names.begin(), names.end());
  spec.meaning = std::move(meaning);
  spec.origin = std::move(origin);
  spec.get = [access, names](const Target& t) {
    return KeyValue(std::string(names[static_cast<std::size_t>(access(t))]));
  };
  spec.set = [access, names](Target& t, const KeyValue& v) {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == std::get<std::string>(v)) access(t) = static_cast<Field>(i);
    }
  };
  return spec;
}

template <class Target, class Access, std::size_t N>
KeySpec<Target> mask_key(std::string key, Access access, const std::array<std::string_view, N>& names,
                         std::string meaning, std::string origin) {
  KeySpec<Target> spec;
  spec.key = std::move(key);
  spec.type = KeyType::name_list;
  spec.names.assign(names.begin(), names.end());
  spec.meaning = std::move(meaning);
  spec.origin = std::move(origin);
  spec.get = [access, names](const Target& t) {
    std::vector<std::string> list;
    for (std::size_t i = 0; i < N; ++i) {
      if (access(t) & (1u << i)) list.emplace_back(names[i]);
    }
    return KeyValue(std::move(list));
  };
  spec.set = [access, names](Target& t, const KeyValue& v) {
    unsigned mask = 0;
    for (const std::string& name : std::get<std::vector<std::string>>(v)) {
      for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name) mask |= 1u << i;
      }
    }
    access(t) = static_cast<std::uint8_t>(mask);
  };
  return spec;
}

constexpr std::array<std::string_view, 2> city_source_names = {"synthetic", "import"};
constexpr std::array<std::string_view, 3> model_names = {"city", "schelling", "axelrod"};
constexpr std::array<std::string_view, 2> schelling_rules_names = {"framework", "netlogo"};

// Behavioural parameters have no published value to copy; say so once, consistently.
std::vector<ScenarioKey> make_scenario_keys() {
  using C = ScenarioConfig;
  std::vector<ScenarioKey> k;
  // Top level.
  k.push_back(string_key<C>("name", KeyType::text, true, [](auto& c) -> auto& { return c.name; },
                            "short name of the scenario, recorded in output files", "placeholder"));
  k.push_back(string_key<C>("description", KeyType::text, false, [](auto& c) -> auto& { return c.description; },
                            "free text recorded in output files", "empty"));
  k.push_back(choice_key<C>("model", [](auto& c) -> auto& { return c.model; }, model_names,
                            "the city model, or a reference model (docs/reference-models.md) that ignores the city, "
                            "group and venue keys",
                            "the city model is what Convivia is for"));
  // [run]
  k.push_back(integer_key<C>("run.days", [](auto& c) -> auto& { return c.run.days; }, 1, 36500,
                             "simulated days", "one year: long enough for slow trust change to show"));
  k.push_back(integer_key<C>("run.seed", [](auto& c) -> auto& { return c.run.seed; }, 0,
                             std::numeric_limits<std::int64_t>::max(),
                             "seed of all random streams; replicates differ only in it", "any fixed value"));
  k.push_back(choice_key<C>("run.start_weekday", [](auto& c) -> auto& { return c.run.start_weekday; }, weekday_names,
                            "weekday of day 0", "convention"));
  // [city]
  k.push_back(choice_key<C>("city.source", [](auto& c) -> auto& { return c.city.source; }, city_source_names,
                            "generate a grid city, or import districts from a table and polygons",
                            "the synthetic city needs no data files"));
  k.push_back(real_key<C>("city.scale", [](auto& c) -> auto& { return c.city.scale; }, left_open(0, 1),
                          "fraction of the real (or configured) residents simulated",
                          "full size; lower it for quick runs"));
  k.push_back(real_key<C>("city.cell_size_m", [](auto& c) -> auto& { return c.city.cell_size_m; }, closed(10, 1000),
                          "side of a square raster cell in metres", "modelling choice: about a city block"));
  k.push_back(real_key<C>("city.vacancy_rate", [](auto& c) -> auto& { return c.city.vacancy_rate; },
                          right_open(0, 1), "share of housing capacity left empty at the start",
                          "modelling choice: room for households to move; to be calibrated"));
  k.push_back(real_key<C>("city.social_housing_share", [](auto& c) -> auto& { return c.city.social_housing_share; },
                          closed(0, 1), "share of cells of social housing",
                          "Berlin: the municipal housing companies hold roughly a fifth of the city's rental dwellings"));
  k.push_back(bool_key<C>("city.segregated_start", [](auto& c) -> auto& { return c.city.segregated_start; },
                          "households of a group start clustered in neighbouring cells",
                          "mixed start; clustering is an experiment"));
  // [city.synthetic]
  const std::string grid = "a 4 x 4 grid of 1 km districts at 100 m cells: small and quick";
  k.push_back(integer_key<C>("city.synthetic.districts_x", [](auto& c) -> auto& { return c.city.synthetic.districts_x; },
                             1, 1000, "districts from west to east", grid));
  k.push_back(integer_key<C>("city.synthetic.districts_y", [](auto& c) -> auto& { return c.city.synthetic.districts_y; },
                             1, 1000, "districts from south to north", grid));
  k.push_back(integer_key<C>("city.synthetic.district_cells",
                             [](auto& c) -> auto& { return c.city.synthetic.district_cells; }, 1, 1000,
                             "each district is district_cells by district_cells cells; the whole grid may have at "
                             "most 25,000,000 cells",
                             grid));
  k.push_back(integer_key<C>("city.synthetic.residents", [](auto& c) -> auto& { return c.city.synthetic.residents; },
                             1, 50'000'000, "total residents before city.scale is applied",
                             "a test-sized town of 10,000"));
  k.push_back(real_key<C>("city.synthetic.district_share_contrast",
                          [](auto& c) -> auto& { return c.city.synthetic.district_share_contrast; }, closed(0, 1),
                          "0: every district has the city-wide group shares; 1: each district is dominated by its "
                          "home group",
                          "no contrast: every district mirrors the city"));
  // [city.import]
  k.push_back(string_key<C>("city.import.district_table", KeyType::path, false,
                            [](auto& c) -> auto& { return c.city.imported.district_table; },
                            "CSV table of residents per district and group; required for imports", "none"));
  k.push_back(string_key<C>("city.import.district_polygons", KeyType::path, false,
                            [](auto& c) -> auto& { return c.city.imported.district_polygons; },
                            "GeoJSON district polygons (WGS84 lon/lat); required for imports", "none"));
  k.push_back(string_key<C>("city.import.id_column", KeyType::text, true,
                            [](auto& c) -> auto& { return c.city.imported.id_column; },
                            "column of the district id, matched against the polygons", "conventional name"));
  k.push_back(string_key<C>("city.import.name_column", KeyType::text, true,
                            [](auto& c) -> auto& { return c.city.imported.name_column; },
                            "column of the district name", "conventional name"));
  k.push_back(string_key<C>("city.import.total_column", KeyType::text, false,
                            [](auto& c) -> auto& { return c.city.imported.total_column; },
                            "column of the district total, not read as a group; empty if the table has none",
                            "conventional name"));
  // [population]
  k.push_back(real_key<C>("population.child_share", [](auto& c) -> auto& { return c.population.child_share; },
                          closed(0, 1), "share of residents under 18; with senior_share at most 1",
                          "Berlin statistics: about 16% are under 18"));
  k.push_back(real_key<C>("population.senior_share", [](auto& c) -> auto& { return c.population.senior_share; },
                          closed(0, 1), "share of residents 65 and over", "Berlin statistics: about 19% are 65+"));
  k.push_back(real_key<C>("population.employment_rate", [](auto& c) -> auto& { return c.population.employment_rate; },
                          closed(0, 1), "employed share of working-age adults",
                          "Berlin statistics: about 75% of working-age adults are employed"));
  k.push_back(real_key<C>("population.mean_household_size",
                          [](auto& c) -> auto& { return c.population.mean_household_size; }, closed(1, 10),
                          "mean residents per household", "close to Berlin's average of about 1.8 persons"));
  k.push_back(real_key<C>("population.initial_trust_in_group",
                          [](auto& c) -> auto& { return c.population.initial_trust_in_group; }, closed(0, 1),
                          "mean initial trust toward one's own group",
                          "assumed: a mild in-group preference over the neutral out-group start"));
  k.push_back(real_key<C>("population.initial_trust_out_group",
                          [](auto& c) -> auto& { return c.population.initial_trust_out_group; }, closed(0, 1),
                          "mean initial trust toward other groups",
                          "the neutral midpoint; the calibrated contact rates keep the baseline near it"));
  k.push_back(real_key<C>("population.initial_trust_spread",
                          [](auto& c) -> auto& { return c.population.initial_trust_spread; }, closed(0, 0.5),
                          "half-width of the uniform spread around the initial trust",
                          "assumed: small differences in a resident's trust toward different groups; the spread across residents comes from population.initial_out_group_disposition_sd"));
  k.push_back(real_key<C>("population.initial_out_group_disposition_sd",
                          [](auto& c) -> auto& { return c.population.initial_out_group_disposition_sd; }, closed(0, 0.5),
                          "standard deviation of a resident's shift of initial trust toward all other groups at once",
                          "European Social Survey: the 0-10 items on immigration (good or bad for the economy, "
                          "cultural life, the country) spread with a standard deviation of about 2 to 2.5 points "
                          "among German respondents, i.e. about 0.2 on the 0-1 trust scale"));
  k.push_back(real_key<C>("population.language_proficiency_speakers",
                          [](auto& c) -> auto& { return c.population.language_proficiency_speakers; }, closed(0, 1),
                          "initial proficiency in the majority language of groups that speak it",
                          "assumed: groups that speak the language start near full proficiency"));
  k.push_back(real_key<C>("population.language_proficiency_newcomers",
                          [](auto& c) -> auto& { return c.population.language_proficiency_newcomers; },
                          closed(0, 1), "initial proficiency of groups that do not speak it",
                          "assumed: below encounters.language_threshold, so residents of groups that do not speak the language start as learners"));
  // [culture]
  k.push_back(integer_key<C>("culture.features", [](auto& c) -> auto& { return c.culture.features; }, 1, 32,
                             "cultural features per resident (Axelrod's F)", "Axelrod (1997) base case F = 5"));
  k.push_back(integer_key<C>("culture.traits", [](auto& c) -> auto& { return c.culture.traits; }, 2, 255,
                             "traits per feature (Axelrod's q)", "Axelrod (1997) base case q = 10"));
  k.push_back(real_key<C>("culture.group_trait_bias", [](auto& c) -> auto& { return c.culture.group_trait_bias; },
                          closed(0, 1), "chance that an initial trait is the group's own typical trait",
                          "assumed: residents share more traits with their own group than with others without being identical to it (see the within- and between-group overlap indicators)"));
  // [venues.<kind>]
  for (int kind = 0; kind < venue_kind_count; ++kind) {
    const std::string prefix = "venues." + std::string(venue_kind_names[static_cast<std::size_t>(kind)]) + ".";
    const bool must_have_capacity =
        kind == static_cast<int>(VenueKind::school) || kind == static_cast<int>(VenueKind::workplace);
    const std::string origin = "per kind, see the table below";
    k.push_back(real_key<C>(prefix + "per_1000_residents",
                            [kind](auto& c) -> auto& { return c.venues.kinds[kind].per_1000_residents; },
                            closed(0, 1000),
                            "venues per 1000 residents (ignored for home blocks; 0 for civic forums means one per "
                            "district)",
                            origin));
    k.push_back(integer_key<C>(prefix + "capacity", [kind](auto& c) -> auto& { return c.venues.kinds[kind].capacity; },
                               must_have_capacity ? 1 : 0, 1'000'000,
                               "nominal capacity in residents; at least 1 for schools and workplaces, which fill to it; ignored "
                               "for home blocks, which hold their cell's residents",
                               origin));
    k.push_back(mask_key<C>(prefix + "slots", [kind](auto& c) -> auto& { return c.venues.kinds[kind].slot_mask; },
                            slot_names, "slots of the day in which it is open", origin));
    k.push_back(mask_key<C>(prefix + "weekdays",
                            [kind](auto& c) -> auto& { return c.venues.kinds[kind].weekday_mask; }, weekday_names,
                            "weekdays on which it is open", origin));
    k.push_back(real_key<C>(prefix + "cooperation",
                            [kind](auto& c) -> auto& { return c.venues.kinds[kind].cooperation; }, closed(0, 1),
                            "how far activities there are cooperative and equal-status", origin));
    k.push_back(real_key<C>(prefix + "attractiveness",
                            [kind](auto& c) -> auto& { return c.venues.kinds[kind].attractiveness; }, closed(-10, 10),
                            "utility in the leisure choice (leisure kinds)", origin));
    k.push_back(integer_key<C>(prefix + "rounds", [kind](auto& c) -> auto& { return c.venues.kinds[kind].rounds; }, 1,
                               16, "rounds of random pairing per slot", origin));
  }
  // [activity]
  k.push_back(real_key<C>("activity.stay_home_utility", [](auto& c) -> auto& { return c.activity.stay_home_utility; },
                          closed(-10, 10), "utility of staying home in a leisure slot",
                          "assumed: with the other activity weights, most residents without school or work go out in a leisure slot"));
  k.push_back(real_key<C>("activity.distance_weight_per_km",
                          [](auto& c) -> auto& { return c.activity.distance_weight_per_km; }, closed(0, 100),
                          "utility lost per km to a venue",
                          "assumed: venues a few km away lose most of their attraction against nearer ones"));
  k.push_back(real_key<C>("activity.comfort_weight", [](auto& c) -> auto& { return c.activity.comfort_weight; },
                          closed(0, 100), "weight of the own-group share seen at a venue, times prejudice",
                          "assumed: at full distrust the own-group share of a venue weighs as much as 2.5 km of distance"));
  k.push_back(real_key<C>("activity.daytime_leisure_share",
                          [](auto& c) -> auto& { return c.activity.daytime_leisure_share; }, closed(0, 1),
                          "share of residents without school or work who go out in daytime",
                          "assumed: half of the residents without school or work go out in daytime"));
  // [encounters]
  k.push_back(real_key<C>("encounters.avoidance", [](auto& c) -> auto& { return c.encounters.avoidance; },
                          closed(0, 1), "acceptance = 1 - avoidance * (1 - trust toward the other's group)",
                          "assumed: a fully distrustful resident declines 60% of out-group encounters; at the initial out-group trust of 0.5, 70% are accepted"));
  k.push_back(real_key<C>("encounters.rate_positive", [](auto& c) -> auto& { return c.encounters.rate_positive; },
                          closed(0, 1), "trust += rate_positive * (1 - trust) per positive contact",
                          "1% of the distance to full trust per positive contact; with it and the initial disposition spread, positive contact in the last 90 days correlates with out-group trust at about 0.2 after a year of the default city, as Pettigrew & Tropp (2006) report (tests/validation/contact_calibration_test.cpp)"));
  k.push_back(real_key<C>("encounters.rate_negative", [](auto& c) -> auto& { return c.encounters.rate_negative; },
                          closed(0, 1), "trust -= rate_negative * trust per negative contact",
                          "three times rate_positive: negative contact weighs more (Barlow et al. 2012; Graf, "
                          "Paolini & Rubin 2014), and at their observed 3:1 ratio of positive to negative contact "
                          "this keeps the baseline's mean out-group trust near its start"));
  k.push_back(real_key<C>("encounters.rate_in_group", [](auto& c) -> auto& { return c.encounters.rate_in_group; },
                          closed(0, 1), "in-group reinforcement per in-group encounter",
                          "assumed: in-group reinforcement is weak next to out-group contact effects"));
  k.push_back(real_key<C>("encounters.secondary_transfer",
                          [](auto& c) -> auto& { return c.encounters.secondary_transfer; }, closed(0, 1),
                          "share of a positive change that generalises to other out-groups",
                          "assumed: the secondary transfer effect is real but weaker than the primary one (Pettigrew 2009; Tausch et al. 2010)"));
  k.push_back(real_key<C>("encounters.discrimination_base",
                          [](auto& c) -> auto& { return c.encounters.discrimination_base; }, closed(0, 1),
                          "discrimination probability of a fully distrustful actor",
                          "assumed: a few percent of a fully distrustful actor's out-group encounters discriminate"));
  k.push_back(real_key<C>("encounters.positive_intercept",
                          [](auto& c) -> auto& { return c.encounters.positive_intercept; }, closed(-20, 20),
                          "logit of a positive contact at cooperation 0 without a shared language",
                          "calibrated: with it, positive intergroup contacts outnumber negative ones about 3 to 1 over a year of the default city, as Graf, Paolini & Rubin (2014) report (tests/validation/contact_calibration_test.cpp)"));
  k.push_back(real_key<C>("encounters.positive_cooperation",
                          [](auto& c) -> auto& { return c.encounters.positive_cooperation; }, closed(-20, 20),
                          "logit gain at cooperation 1",
                          "assumed: cooperation is the strongest of Allport's contact conditions in the model; a fully cooperative venue makes a positive outcome about 5 times as likely in odds"));
  k.push_back(real_key<C>("encounters.positive_language",
                          [](auto& c) -> auto& { return c.encounters.positive_language; }, closed(-20, 20),
                          "logit gain when both speak the majority language well",
                          "assumed: a shared language raises the odds of a positive outcome by about 1.8"));
  k.push_back(real_key<C>("encounters.positive_culture", [](auto& c) -> auto& { return c.encounters.positive_culture; },
                          closed(-20, 20), "logit gain at full cultural overlap",
                          "assumed: full cultural overlap raises the odds of a positive outcome by about 2.2"));
  k.push_back(real_key<C>("encounters.tie_probability", [](auto& c) -> auto& { return c.encounters.tie_probability; },
                          closed(0, 1), "chance that a positive contact forms a tie",
                          "assumed: about one positive contact in 50 starts or strengthens a personal tie"));
  k.push_back(real_key<C>("encounters.language_threshold",
                          [](auto& c) -> auto& { return c.encounters.language_threshold; }, closed(0, 1),
                          "proficiency from which a resident counts as speaking the language",
                          "midpoint of the proficiency scale (modelling choice)"));
  k.push_back(bool_key<C>("encounters.culture_exchange", [](auto& c) -> auto& { return c.encounters.culture_exchange; },
                          "Axelrod trait adoption in encounters", "on: the cultural dynamics are part of the model"));
  k.push_back(real_key<C>("encounters.conflict_escalation", [](auto& c) -> auto& { return c.encounters.conflict_escalation; },
                          closed(0, 1), "chance that a negative contact escalates into a conflict, at full mutual distrust",
                          "assumed; no comparable published rate, so conflicts are a relative indicator between scenarios"));
  k.push_back(real_key<C>("encounters.language_growth_per_contact",
                          [](auto& c) -> auto& { return c.encounters.language_growth_per_contact; }, closed(0, 1),
                          "proficiency gained by a non-speaker per encounter with a speaker, times (1 - proficiency)",
                          "assumed, not yet calibrated: a newcomer at 0.3 meeting a few speakers a day reaches the threshold within months"));
  k.push_back(real_key<C>("encounters.friend_meetings_per_week",
                          [](auto& c) -> auto& { return c.encounters.friend_meetings_per_week; }, closed(0, 1),
                          "chance that two residents with a tie meet in a week, times the tie's strength (0 turns weekly friend meetings off)",
                          "assumed: the closest ties meet weekly, a new acquaintance (strength 0.1) about once in ten weeks"));
  // [discrimination]
  k.push_back(real_key<C>("discrimination.institutional_trust_loss",
                          [](auto& c) -> auto& { return c.discrimination.institutional_trust_loss; }, closed(0, 1),
                          "share of institutional trust lost per discrimination event",
                          "assumed; perceived discrimination consistently lowers trust in institutions (Schmitt et al. 2014)"));
  k.push_back(real_key<C>("discrimination.belonging_loss", [](auto& c) -> auto& { return c.discrimination.belonging_loss; },
                          closed(0, 1), "share of belonging lost per discrimination event",
                          "assumed; half the institutional loss, as belonging rests also on ties"));
  // [labour]
  k.push_back(real_key<C>("labour.job_loss_per_month", [](auto& c) -> auto& { return c.labour.job_loss_per_month; },
                          closed(0, 1), "chance that an employed adult leaves employment in a month",
                          "Eurostat labour market flows (lfsi_long_q), EU, Q3 to Q4 2023: 1.2% of the employed became "
                          "unemployed and 2.4% left the labour force within the quarter; 1 - (1 - 0.036)^(1/3) = 1.2% "
                          "a month"));
  k.push_back(integer_key<C>("labour.applications_per_month",
                             [](auto& c) -> auto& { return c.labour.applications_per_month; }, 0, 100,
                             "applications sent by each adult without a job in a month",
                             "assumed; with the derived hire probability the monthly hire rate hardly depends on it"));
  k.push_back(real_key<C>("labour.hire_probability", [](auto& c) -> auto& { return c.labour.hire_probability; },
                          closed(0, 1),
                          "chance that an application succeeds on its merits; 0 derives it so that "
                          "population.employment_rate is stationary",
                          "derived: p with 1 - (1 - p)^applications = job_loss * e / (1 - e), where e is "
                          "population.employment_rate (hires balance job losses); 0.9% at the defaults"));
  k.push_back(real_key<C>("labour.language_penalty", [](auto& c) -> auto& { return c.labour.language_penalty; },
                          closed(0, 1),
                          "share of the hire probability lost by applicants below encounters.language_threshold",
                          "Dustmann & Fabbri (2003): fluency raises immigrants' employment probability by about 22 "
                          "points; a stationary rate of 53% instead of 75% needs a hire rate 0.38 times as high, so 1 - 0.38"));
  k.push_back(real_key<C>("labour.discrimination_base",
                          [](auto& c) -> auto& { return c.labour.discrimination_base; }, closed(0, 1),
                          "chance that an otherwise successful application from a non-majority applicant is refused "
                          "(times the labour_discrimination_multiplier lever)",
                          "Quillian et al. (2019), 97 field experiments: majority applicants get about 25% more "
                          "callbacks in the low-discrimination countries, Germany among them; refusal = 1 - 1/1.25"));
  // [services]
  k.push_back(real_key<C>("services.use_per_month", [](auto& c) -> auto& { return c.services.use_per_month; },
                          closed(0, 1), "chance that an adult or senior uses a public service in a month",
                          "assumed: about three contacts a year with offices, job centre, social and school "
                          "administration; no published rate used"));
  k.push_back(real_key<C>("services.discrimination_base",
                          [](auto& c) -> auto& { return c.services.discrimination_base; }, closed(0, 1),
                          "chance that a non-majority user meets discrimination at a public service (times the "
                          "service_discrimination_multiplier lever)",
                          "assumed, no published per-contact rate: about 9% of non-majority adults meet it at least "
                          "once a year at the default use; to be calibrated on minority surveys (EU-MIDIS II)"));
  k.push_back(real_key<C>("services.trust_gain_per_fair_use",
                          [](auto& c) -> auto& { return c.services.trust_gain_per_fair_use; }, closed(0, 1),
                          "per use without discrimination: institutional trust += gain * (1 - institutional trust)",
                          "assumed; half the loss per discrimination event (a bad experience weighs more)"));
  k.push_back(real_key<C>("services.recovery_per_month",
                          [](auto& c) -> auto& { return c.services.recovery_per_month; }, closed(0, 1),
                          "share of the distance to their baselines that institutional trust and belonging recover "
                          "each month",
                          "assumed: the effect of a discrimination event halves in about a year (0.95^13.5 = 0.5)"));
  k.push_back(real_key<C>("services.institutional_trust_baseline",
                          [](auto& c) -> auto& { return c.services.institutional_trust_baseline; }, closed(0, 1),
                          "level toward which institutional trust recovers", "the initial institutional trust of every resident"));
  k.push_back(real_key<C>("services.belonging_baseline",
                          [](auto& c) -> auto& { return c.services.belonging_baseline; }, closed(0, 1),
                          "level toward which belonging recovers", "the initial belonging of every resident"));
  // [relocation]
  k.push_back(real_key<C>("relocation.mobility_per_year",
                          [](auto& c) -> auto& { return c.relocation.mobility_per_year; }, closed(0, 1),
                          "share of households that move within the city in a year for reasons outside the model "
                          "(applied monthly as 1 - (1 - rate)^(30/365))",
                          "Berlin-Brandenburg statistical office, population register statistics 2024: 286,752 moves within "
                          "Berlin among about 3.9 million registered residents, 7.4% of residents a year (households "
                          "move as a unit, so the rate per person is the rate per household)"));
  k.push_back(real_key<C>("relocation.tolerance_base", [](auto& c) -> auto& { return c.relocation.tolerance_base; },
                          closed(-1, 1),
                          "lowest own-group share of its block a household accepts at full out-group trust (before "
                          "the individual part)",
                          "assumed: without prejudice a household accepts any block"));
  k.push_back(real_key<C>("relocation.tolerance_slope", [](auto& c) -> auto& { return c.relocation.tolerance_slope; },
                          closed(0, 1),
                          "tolerance added as the mean out-group trust of the household's adults falls from 1 to 0",
                          "assumed: at the default initial out-group trust (0.5) a household wants at least 15% of "
                          "its own group on the block; preference surveys (Clark 1991) find that most residents want "
                          "some of their own group nearby, with no German estimate on this scale; to be calibrated"));
  k.push_back(real_key<C>("relocation.tolerance_spread", [](auto& c) -> auto& { return c.relocation.tolerance_spread; },
                          closed(0, 1),
                          "half-width of the individual part of the tolerance (each resident's relocation_tolerance, "
                          "uniform in [0, 1], mapped to [-spread, +spread])",
                          "assumed: individual differences of 0.1 either way around the trust-based tolerance"));
  k.push_back(real_key<C>("relocation.dissatisfied_move_per_month",
                          [](auto& c) -> auto& { return c.relocation.dissatisfied_move_per_month; }, closed(0, 1),
                          "chance that a household whose block is below its tolerance searches for a new home in a "
                          "month",
                          "assumed: in a tight housing market a dissatisfied household searches about once in 20 "
                          "months; no published rate"));
  k.push_back(integer_key<C>("relocation.vacancies_sampled",
                             [](auto& c) -> auto& { return c.relocation.vacancies_sampled; }, 1, 100,
                             "blocks with free housing a searching household looks at",
                             "assumed: a handful of viewings per search"));
  k.push_back(real_key<C>("relocation.distance_cost_per_km",
                          [](auto& c) -> auto& { return c.relocation.distance_cost_per_km; }, closed(0, 1),
                          "satisfaction (in own-group share) lost per km between the old and the new block",
                          "assumed: small, so it mainly orders acceptable blocks by distance; movers prefer short "
                          "moves (40% of moves within Berlin stay in the district, population register statistics 2021)"));
  k.push_back(real_key<C>("relocation.discrimination_base",
                          [](auto& c) -> auto& { return c.relocation.discrimination_base; }, closed(0, 1),
                          "chance that a private landlord refuses an application from a household of a group other "
                          "than the majority (times the housing_discrimination_multiplier lever); social housing is "
                          "allocated by rule and does not refuse",
                          "Auspurg, Hinz and Schmid (2017), e-mail field experiment in the rental market of a large "
                          "German city: net discrimination rate of 9 percentage points against applicants with Turkish "
                          "names"));
  k.push_back(real_key<C>("relocation.private_access_without_income",
                          [](auto& c) -> auto& { return c.relocation.private_access_without_income; }, closed(0, 1),
                          "chance that a household with neither an employed adult nor a senior can rent private "
                          "housing in a search (households with earnings or a pension always can; social housing is "
                          "open to all)",
                          "assumed: transfers pay rent only up to a local limit, so few private lets in a tight market "
                          "are open to such households; no published rate"));
  // [participation]
  k.push_back(real_key<C>("participation.reach", [](auto& c) -> auto& { return c.participation.reach; }, closed(0, 1),
                          "weekly chance that an adult or senior with participation propensity 1 attends the forum of "
                          "their district (times the forum_reach_multiplier lever)",
                          "assumed: about one adult in ten attends a forum at least once a year (mean weekly chance "
                          "about 0.2%, some 70 people a week per Berlin district at scale 0.15); no published rate "
                          "for weekly district forums, to be calibrated"));
  k.push_back(real_key<C>("participation.non_speaker_propensity_factor",
                          [](auto& c) -> auto& { return c.participation.non_speaker_propensity_factor; }, closed(0, 1),
                          "initial participation propensity of groups that do not speak the majority language, "
                          "relative to speakers",
                          "German Volunteer Survey 2019: 27.0% of people with a migration history engage vs 44.4% "
                          "without (ratio about 0.6)"));
  k.push_back(real_key<C>("participation.institutional_trust_gain",
                          [](auto& c) -> auto& { return c.participation.institutional_trust_gain; }, closed(0, 1),
                          "per attendance: institutional trust += gain * (1 - institutional trust)",
                          "assumed; as large as the loss per discrimination event, so one forum offsets one event"));
  k.push_back(real_key<C>("participation.belonging_gain", [](auto& c) -> auto& { return c.participation.belonging_gain; },
                          closed(0, 1), "per attendance: belonging += gain * (1 - belonging)",
                          "assumed; as large as the loss per discrimination event"));
  // [media]
  k.push_back(real_key<C>("media.tie_protection", [](auto& c) -> auto& { return c.media.tie_protection; }, closed(0, 1),
                          "share of a negative media event's effect removed for a resident with a tie to a member of "
                          "the group",
                          "assumed: half; direct contact weakens the effect of negative news on attitudes toward "
                          "immigrants (Schemer 2012), with no published size on this scale"));
  // [schelling] and [axelrod]: the reference models (docs/reference-models.md).
  const std::string netlogo = "NetLogo Segregation model default";
  k.push_back(choice_key<C>("schelling.rules", [](auto& c) -> auto& { return c.schelling.rules; }, schelling_rules_names,
                            "framework: all agents in random order each step, happiness sticks, movers move at once "
                            "(ABM framework comparison); netlogo: agents unhappy at the start of a tick move, then all "
                            "re-evaluate",
                            netlogo));
  k.push_back(integer_key<C>("schelling.width", [](auto& c) -> auto& { return c.schelling.width; }, 1, 10'000,
                             "grid cells from west to east", netlogo + " (51 x 51 patches)"));
  k.push_back(integer_key<C>("schelling.height", [](auto& c) -> auto& { return c.schelling.height; }, 1, 10'000,
                             "grid cells from south to north", netlogo + " (51 x 51 patches)"));
  k.push_back(bool_key<C>("schelling.torus", [](auto& c) -> auto& { return c.schelling.torus; },
                          "edges wrap around; otherwise cells at the edge have fewer neighbours", netlogo));
  k.push_back(integer_key<C>("schelling.agents", [](auto& c) -> auto& { return c.schelling.agents; }, 0, 100'000'000,
                             "agents, in two equal groups at random cells; fewer than the cells; 0: use density",
                             "0, so density applies as in NetLogo"));
  k.push_back(real_key<C>("schelling.density", [](auto& c) -> auto& { return c.schelling.density; }, left_open(0, 1),
                          "chance that a cell starts with an agent (of either group with equal chance), when agents = 0",
                          netlogo + " (95%)"));
  k.push_back(integer_key<C>("schelling.radius", [](auto& c) -> auto& { return c.schelling.radius; }, 1, 100,
                             "Chebyshev radius of the neighbourhood (1: the 8 surrounding cells)", netlogo));
  k.push_back(integer_key<C>("schelling.min_similar", [](auto& c) -> auto& { return c.schelling.min_similar; }, 0,
                             100'000, "same-group neighbours an agent needs to be happy, as a count",
                             "0: NetLogo uses only the fraction"));
  k.push_back(real_key<C>("schelling.similar_wanted", [](auto& c) -> auto& { return c.schelling.similar_wanted; },
                          closed(0, 1), "same-group neighbours an agent needs to be happy, as a fraction of its neighbours",
                          netlogo + " (30%)"));
  k.push_back(integer_key<C>("schelling.max_steps", [](auto& c) -> auto& { return c.schelling.max_steps; }, 1, 1'000'000,
                             "steps (ticks) at most", "a safety limit; NetLogo runs converge in well under 100 ticks"));
  k.push_back(bool_key<C>("schelling.stop_when_all_happy",
                          [](auto& c) -> auto& { return c.schelling.stop_when_all_happy; },
                          "stop as soon as every agent is happy", "NetLogo's stop rule"));
  k.push_back(integer_key<C>("axelrod.width", [](auto& c) -> auto& { return c.axelrod.width; }, 1, 10'000,
                             "lattice sites from west to east (edges do not wrap)", "Axelrod (1997): 10 x 10"));
  k.push_back(integer_key<C>("axelrod.height", [](auto& c) -> auto& { return c.axelrod.height; }, 1, 10'000,
                             "lattice sites from south to north", "Axelrod (1997): 10 x 10"));
  k.push_back(integer_key<C>("axelrod.features", [](auto& c) -> auto& { return c.axelrod.features; }, 1, 64,
                             "cultural features per site (F)", "Axelrod (1997) baseline: F = 5"));
  k.push_back(integer_key<C>("axelrod.traits", [](auto& c) -> auto& { return c.axelrod.traits; }, 1, 256,
                             "traits per feature (q)", "Axelrod (1997) baseline: q = 10"));
  k.push_back(integer_key<C>("axelrod.max_events", [](auto& c) -> auto& { return c.axelrod.max_events; }, 1,
                             std::numeric_limits<std::int64_t>::max(), "events at most, if absorption comes later",
                             "a safety limit about 1000 times the events a 10 x 10 run needs"));
  k.push_back(integer_key<C>("axelrod.sample_events", [](auto& c) -> auto& { return c.axelrod.sample_events; }, 1,
                             std::numeric_limits<std::int64_t>::max(), "events between recorded samples of the state",
                             "about 100 samples for a 10 x 10 run"));
  // [policy_import]
  k.push_back(string_key<C>("policy_import.icc_profile", KeyType::path, false,
                            [](auto& c) -> auto& { return c.policy_import.icc_profile; },
                            "CSV of the city's ICC Index profile (columns area, score 0-100, optional annual_cost); "
                            "each score becomes policies of its area at intensity score / 100 for the whole run, "
                            "placed before the [[policies]] of the file (docs/policies.md); the resolved scenario "
                            "lists them as [[policies]] and leaves this key empty",
                            "empty: no profile"));
  // [language]
  k.push_back(real_key<C>("language.course_gain_per_month",
                          [](auto& c) -> auto& { return c.language.course_gain_per_month; }, closed(0, 1),
                          "monthly proficiency growth of residents below encounters.language_threshold at full course "
                          "intensity: proficiency += gain * language_course_intensity * (1 - proficiency)",
                          "German integration course: 600 lessons toward level B1, about 6 months full time (BAMF); "
                          "0.05 takes a newcomer from 0.3 to the threshold 0.5 in about 7 months"));
  // [ageing]
  k.push_back(bool_key<C>("ageing.enabled", [](auto& c) -> auto& { return c.ageing.enabled; },
                          "yearly ageing: children become adults, adults seniors, seniors die and are replaced by "
                          "children in their household, at rates that keep the start age shares",
                          "on: runs longer than a year need a stationary age structure"));
  k.push_back(real_key<C>("ageing.child_years", [](auto& c) -> auto& { return c.ageing.child_years; }, closed(1, 100),
                          "mean years spent as a child; children become adults with probability 1 / child_years per "
                          "year, and the yearly flow (children / child_years) sets the adult-to-senior and senior "
                          "death rates",
                          "children are residents under 18 (population.child_share)"));
  // [output]
  k.push_back(integer_key<C>("output.sample_residents", [](auto& c) -> auto& { return c.output.sample_residents; }, 0,
                             100'000, "residents recorded per slot and day for the viewer",
                             "enough for the viewer, small files"));
  k.push_back(real_key<C>("output.diversity_threshold", [](auto& c) -> auto& { return c.output.diversity_threshold; },
                          closed(0, 1), "mean out-group trust at or above which diversity counts as a resource",
                          "midpoint of the trust scale (modelling choice)"));
  return k;
}

std::vector<GroupKey> make_group_keys() {
  using G = GroupConfig;
  std::vector<GroupKey> k;
  k.push_back(string_key<G>("name", KeyType::text, true, [](auto& g) -> auto& { return g.name; },
                            "unique, non-empty name of the group", "required"));
  k.push_back(string_key<G>("colour", KeyType::colour, true, [](auto& g) -> auto& { return g.colour; },
                            "colour in the viewer and reports", "neutral grey"));
  k.push_back(real_key<G>("share", [](auto& g) -> auto& { return g.share; }, closed(0, 1e9),
                          "city-wide share of residents (synthetic cities); shares are weights (counts will do) "
                          "normalised to sum 1",
                          "required for synthetic cities"));
  k.push_back(bool_key<G>("speaks_language", [](auto& g) -> auto& { return g.speaks_language; },
                          "members speak the city's majority language (at the start and, unless "
                          "newcomers_speak_language is false, on arrival)",
                          "most residents do"));
  k.push_back(bool_key<G>("newcomers_speak_language", [](auto& g) -> auto& { return g.newcomers_speak_language; },
                          "members who arrive during the run speak the majority language (false: they arrive as "
                          "learners, with population.language_proficiency_newcomers, even if the registered "
                          "population of the group speaks it)",
                          "true: newcomers are like the group's registered members"));
  k.push_back(real_key<G>("arrival_rate_per_year", [](auto& g) -> auto& { return g.arrival_rate_per_year; },
                          closed(0, 1),
                          "weight of the group among arriving households: the city's housing is full, so arrivals "
                          "equal departures in total and are split between groups in proportion to "
                          "arrival_rate_per_year * residents of the group; if every group has 0, a departing "
                          "household is replaced by one of its own group",
                          "0: no group is favoured among arrivals unless set"));
  k.push_back(real_key<G>("departure_rate_per_year", [](auto& g) -> auto& { return g.departure_rate_per_year; },
                          closed(0, 1),
                          "share of the group's households that leave the city per year (monthly probability "
                          "1 - (1 - rate)^(30/365)); their dwellings are taken over at once by arriving households",
                          "0: no turnover unless set"));
  return k;
}

std::vector<EventKey> make_event_keys() {
  using E = EventConfig;
  std::vector<EventKey> k;
  k.push_back(integer_key<E>("day", [](auto& e) -> auto& { return e.day; }, 0, 36500,
                             "day of the run on which it happens (0 is the first day); days after the run never happen",
                             "required"));
  k.push_back(choice_key<E>("kind", [](auto& e) -> auto& { return e.kind; }, event_kind_names,
                            "negative_media lowers other groups' trust toward the group; positive_media raises it",
                            "a negative news shock, the case the model is built to study (docs/model.md 7.7)"));
  k.push_back(string_key<E>("group", KeyType::text, true, [](auto& e) -> auto& { return e.group; },
                            "name of the group the news is about (one of the [[groups]] names)", "required"));
  k.push_back(real_key<E>("strength", [](auto& e) -> auto& { return e.strength; }, closed(0, 1),
                          "share of trust toward the group lost (negative) or of the gap to 1 gained (positive)",
                          "required"));
  return k;
}

std::vector<PolicyKey> make_policy_keys() {
  using P = PolicyConfig;
  std::vector<PolicyKey> k;
  PolicyKey kind;
  kind.key = "kind";
  kind.type = KeyType::choice;
  for (const PolicyKindInfo& info : policy_kinds()) {
    if (info.modelled()) kind.names.push_back(info.name);
  }
  kind.meaning = "which policy (docs/policies.md lists the kinds, their ICC Index areas and the levers they move)";
  kind.origin = "required";
  kind.get = [](const P& p) { return KeyValue(std::string(policy_kind_info(p.kind).name)); };
  kind.set = [](P& p, const KeyValue& v) {
    if (const auto found = find_policy_kind(std::get<std::string>(v))) p.kind = *found;
  };
  k.push_back(std::move(kind));
  k.push_back(real_key<P>("intensity", [](auto& p) -> auto& { return p.intensity; }, closed(0, 1),
                          "share of the kind's full-intensity effect on its levers (0: none, 1: full)", "required"));
  k.push_back(integer_key<P>("start_day", [](auto& p) -> auto& { return p.start_day; }, 0, 36500,
                             "first day on which the policy acts (0 is the first day of the run)", "required"));
  k.push_back(integer_key<P>("end_day", [](auto& p) -> auto& { return p.end_day; }, 0, policy_open_end_day,
                             "last day on which the policy acts, inclusive; at least start_day",
                             "36500, past the longest run: to the end of the run"));
  k.push_back(real_key<P>("annual_cost", [](auto& p) -> auto& { return p.annual_cost_eur; }, closed(0, 1e12),
                          "cost per year while active, in euros (at most 10^12, so sums stay exact enough); summed over active policies for reports", "required"));
  k.push_back(string_key<P>("name", KeyType::text, false, [](auto& p) -> auto& { return p.name; },
                            "optional label for reports", "empty"));
  return k;
}

std::vector<std::string> make_sections() {
  std::vector<std::string> s = {"run", "city", "city.synthetic", "city.import", "population", "culture", "venues"};
  for (std::string_view kind : venue_kind_names) s.push_back("venues." + std::string(kind));
  for (const char* name : {"activity", "encounters", "discrimination", "output"}) s.emplace_back(name);
  for (const char* name : {"schelling", "axelrod"}) s.emplace_back(name);
  for (const char* name : {"participation", "media"}) s.emplace_back(name);
  for (const char* name : {"labour", "services"}) s.emplace_back(name);
  s.emplace_back("relocation");
  for (const char* name : {"language", "ageing"}) s.emplace_back(name);
  s.emplace_back("policy_import");
  return s;
}

// Why each kind's defaults are what they are (the values themselves live in venue_defaults.cpp).
constexpr std::array<std::string_view, venue_kind_count> venue_kind_reasons = {
    "neighbours meet on the stairs and in the courtyard in the evening; casual, little shared activity",
    "weekday classes with shared tasks; more places than pupils at default shares, so schools are not crowded",
    "small teams on weekdays working toward shared goals; more places than workers at default shares",
    "open to all every day; people share space but rarely act together",
    "quiet shared use, some organised activities; closed on Sundays",
    "brief exchanges between buyers and sellers; closed on Sundays",
    "team play with common goals, the classic cooperative contact setting",
    "organised courses and groups; closed on Sundays",
    "a weekly meeting on neighbourhood matters, one per district; deliberation on equal terms",
};

std::string quoted(std::string_view text) {
  std::string out(1, '"');
  out += text;
  out += '"';
  return out;
}

std::string name_alternatives(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += ", ";
    text += quoted(names[i]);
  }
  return text;
}

template <class Target>
std::string range_text(const KeySpec<Target>& spec) {
  if (spec.type == KeyType::integer) {
    return "[" + std::to_string(spec.int_min) + ", " + std::to_string(spec.int_max) + "]";
  }
  const Bounds& b = spec.bounds;
  if (!b.has_max) return (b.min_open ? "> " : ">= ") + shortest_number(b.min);
  return (b.min_open ? "(" : "[") + shortest_number(b.min) + ", " + shortest_number(b.max) + (b.max_open ? ")" : "]");
}

template <class Target>
std::string type_text(const KeySpec<Target>& spec) {
  switch (spec.type) {
    case KeyType::text: return "string";
    case KeyType::path: return "path";
    case KeyType::integer: return "integer";
    case KeyType::real: return "number";
    case KeyType::boolean: return "boolean";
    case KeyType::choice: return "string";
    case KeyType::colour: return "string";
    case KeyType::name_list: return "array of strings";
  }
  return "";
}

// The "Allowed" column of the reference.
template <class Target>
std::string allowed_text(const KeySpec<Target>& spec) {
  switch (spec.type) {
    case KeyType::text: return spec.non_empty ? "non-empty" : "any";
    case KeyType::path: return "file path, relative to the scenario file";
    case KeyType::integer:
    case KeyType::real: return range_text(spec);
    case KeyType::boolean: return "true, false";
    case KeyType::choice: return name_alternatives(spec.names);
    case KeyType::colour: return "\"#rrggbb\"";
    case KeyType::name_list: return "any of " + name_alternatives(spec.names);
  }
  return "";
}

std::string table_cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

}  // namespace

const std::vector<ScenarioKey>& scenario_keys() {
  static const std::vector<ScenarioKey> keys = make_scenario_keys();
  return keys;
}

const std::vector<GroupKey>& group_keys() {
  static const std::vector<GroupKey> keys = make_group_keys();
  return keys;
}

const std::vector<EventKey>& event_keys() {
  static const std::vector<EventKey> keys = make_event_keys();
  return keys;
}

const std::vector<PolicyKey>& policy_keys() {
  static const std::vector<PolicyKey> keys = make_policy_keys();
  return keys;
}

const std::vector<std::string>& scenario_sections() {
  static const std::vector<std::string> sections = make_sections();
  return sections;
}

std::string shortest_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

template <class Target>
std::string expected_text(const KeySpec<Target>& spec) {
  switch (spec.type) {
    case KeyType::text: return spec.non_empty ? "a non-empty string" : "a string";
    case KeyType::path: return "a string (a file path)";
    case KeyType::integer: return "an integer in " + range_text(spec);
    case KeyType::real:
      return spec.bounds.has_max ? "a number in " + range_text(spec) : "a finite number " + range_text(spec);
    case KeyType::boolean: return "a boolean (true or false)";
    case KeyType::choice: return "one of " + name_alternatives(spec.names);
    case KeyType::colour: return "a colour string \"#rrggbb\"";
    case KeyType::name_list: return "an array of distinct names from " + name_alternatives(spec.names);
  }
  return "";
}

template std::string expected_text(const ScenarioKey&);
template std::string expected_text(const GroupKey&);
template std::string expected_text(const EventKey&);
template std::string expected_text(const PolicyKey&);

std::string toml_literal(const KeyValue& value) {
  struct Printer {
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
      std::string text = shortest_number(v);
      // Keep floats visibly floats; TOML would read "1" as an integer (accepted, but less clear).
      if (text.find_first_of(".eni") == std::string::npos) text += ".0";
      return text;
    }
    std::string operator()(const std::string& v) const {
      std::string out = "\"";
      for (unsigned char c : v) {
        switch (c) {
          case '"': out += "\\\""; break;
          case '\\': out += "\\\\"; break;
          case '\n': out += "\\n"; break;
          case '\t': out += "\\t"; break;
          case '\r': out += "\\r"; break;
          default:
            if (c < 0x20 || c == 0x7f) {
              char buffer[8];
              std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
              out += buffer;
            } else {
              out += static_cast<char>(c);
            }
        }
      }
      return out + "\"";
    }
    std::string operator()(const std::vector<std::string>& v) const {
      std::string out = "[";
      for (std::size_t i = 0; i < v.size(); ++i) out += (i > 0 ? ", " : "") + (*this)(v[i]);
      return out + "]";
    }
  };
  return std::visit(Printer{}, value);
}

std::string reference_tables_markdown() {
  const ScenarioConfig defaults;
  std::string md;
  auto header = [&md](const std::string& title) {
    md += "### " + title + "\n\n";
    md += "| Key | Type | Default | Allowed | Meaning | Default from |\n";
    md += "|---|---|---|---|---|---|\n";
  };
  auto row = [&md](const std::string& key, const auto& spec, const std::string& default_text) {
    const std::string shown = default_text.empty() ? "see below" : "`" + table_cell(default_text) + "`";
    md += "| `" + key + "` | " + type_text(spec) + " | " + shown + " | " +
          table_cell(allowed_text(spec)) + " | " + table_cell(spec.meaning) + " | " + table_cell(spec.origin) + " |\n";
  };
  std::string section = "-";
  for (const ScenarioKey& spec : scenario_keys()) {
    const std::size_t dot = spec.key.rfind('.');
    std::string this_section = dot == std::string::npos ? "" : spec.key.substr(0, dot);
    const bool venue = this_section.rfind("venues.", 0) == 0;
    // Venue keys are the same for every kind: one table of keys, then the defaults per kind.
    if (venue && this_section != "venues.home_block") continue;
    if (venue) this_section = "venues.<kind>";
    if (this_section != section) {
      if (section != "-") md += "\n";
      section = this_section;
      header(section.empty() ? "Top level" : "[" + section + "]");
    }
    const std::string key = venue ? "venues.<kind>." + spec.key.substr(dot + 1) : spec.key;
    row(key, spec, venue ? "" : toml_literal(spec.get(defaults)));
    if (spec.key == "output.diversity_threshold") break;  // the last key of the city model's tables
  }
  md += "\n### [[groups]]\n\nOne entry per group, in the order groups are numbered.\n\n";
  md += "| Key | Type | Default | Allowed | Meaning | Default from |\n|---|---|---|---|---|---|\n";
  const GroupConfig group_defaults;
  for (const GroupKey& spec : group_keys()) row(spec.key, spec, toml_literal(spec.get(group_defaults)));

  md += "\n### [[events]]\n\nScheduled events, any number, in any order; see \"Scheduled events\" above.\n\n";
  md += "| Key | Type | Default | Allowed | Meaning | Default from |\n|---|---|---|---|---|---|\n";
  const EventConfig event_defaults;
  for (const EventKey& spec : event_keys()) row(spec.key, spec, toml_literal(spec.get(event_defaults)));

  md += "\n### [[policies]]\n\nPolicies, any number, in any order; see \"Policies\" above and docs/policies.md.\n\n";
  md += "| Key | Type | Default | Allowed | Meaning | Default from |\n|---|---|---|---|---|---|\n";
  const PolicyConfig policy_defaults;
  for (const PolicyKey& spec : policy_keys()) row(spec.key, spec, toml_literal(spec.get(policy_defaults)));
  md += "| `districts` | array of strings | `[]` | ids or names of the city's districts | target districts; empty: every "
        "district (docs/policies.md, \"Targets\") | empty: the whole city |\n";
  md += "| `groups` | array of strings | `[]` | names of [[groups]]; not for policies acting on venues, nor commitment | "
        "target groups; empty: every group | empty: every group |\n";
  md += "\n### Venue defaults per kind\n\n";
  md += "| Kind | per_1000_residents | capacity | slots | weekdays | cooperation | attractiveness | rounds | Why |\n";
  md += "|---|---|---|---|---|---|---|---|---|\n";
  for (int kind = 0; kind < venue_kind_count; ++kind) {
    const std::string prefix = "venues." + std::string(venue_kind_names[static_cast<std::size_t>(kind)]) + ".";
    md += "| " + std::string(venue_kind_names[static_cast<std::size_t>(kind)]);
    for (const ScenarioKey& spec : scenario_keys()) {
      if (spec.key.rfind(prefix, 0) == 0) md += " | `" + toml_literal(spec.get(defaults)) + "`";
    }
    md += " | " + std::string(venue_kind_reasons[static_cast<std::size_t>(kind)]) + " |\n";
  }
  return md;
}

}  // namespace convivia::scenario_schema
