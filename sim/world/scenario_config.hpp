// The scenario as plain data: every key of a scenario file, with its default. sim/io parses and
// validates TOML into this struct at the boundary; the engine only asserts afterwards. Field names
// match the scenario keys (section.key), documented in docs/scenario-reference.md.
#pragma once

#include "policy/policy.hpp"
#include "world/venue_kind.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace convivia {

inline constexpr int max_group_count = 32;

struct GroupConfig {
  std::string name;
  std::string colour = "#888888";     // "#rrggbb", used by the viewer and reports
  double share = 0.0;                 // city-wide share of residents (synthetic cities); normalised
  bool speaks_language = true;        // members at the start speak the city's majority language
  double arrival_rate_per_year = 0.0; // weight of the group among arrivals: newcomers are drawn in proportion
                                      // to arrival_rate_per_year * group size; their total equals departures
  double departure_rate_per_year = 0.0;  // share of the group's households leaving the city per year
  bool newcomers_speak_language = true;  // members arriving during the run speak it (if speaks_language too)
};

struct RunConfig {
  int days = 365;
  std::uint64_t seed = 1;
  int start_weekday = 0;  // 0 = Monday ... 6 = Sunday for day 0
};

enum class CitySource { synthetic, import };

struct SyntheticCityConfig {
  int districts_x = 4;              // districts on a grid, districts_x by districts_y
  int districts_y = 4;
  int district_cells = 10;          // each district is district_cells by district_cells cells
  std::int64_t residents = 10000;   // total residents before any scaling
  double district_share_contrast = 0.0;  // 0: every district has the city-wide shares; 1: each district
                                          // is dominated by one group (its "home" group)
};

struct ImportedCityConfig {
  std::string district_table;     // CSV path, relative to the scenario file
  std::string district_polygons;  // GeoJSON path (WGS84 lon/lat), relative to the scenario file
  std::string id_column = "district_id";
  std::string name_column = "district_name";
  std::string total_column = "total";  // ignored as a group; empty if the table has none
};

struct CityConfig {
  CitySource source = CitySource::synthetic;
  double scale = 1.0;                 // fraction of the real (or configured) residents simulated
  double cell_size_m = 100.0;
  double vacancy_rate = 0.05;         // share of housing capacity left empty at the start
  double social_housing_share = 0.2;  // share of cells of social housing
  bool segregated_start = false;      // households of a group cluster in neighbouring cells
  SyntheticCityConfig synthetic;
  ImportedCityConfig imported;
};

struct PopulationConfig {
  double child_share = 0.16;          // residents under 18
  double senior_share = 0.19;         // residents 65 and over
  double employment_rate = 0.75;      // employed share of working-age adults
  double mean_household_size = 1.8;
  float initial_trust_in_group = 0.7;
  float initial_trust_out_group = 0.5;
  float initial_trust_spread = 0.1;   // half-width of the uniform spread around the initial trust
  float initial_out_group_disposition_sd = 0.2f;  // SD of a resident's shift of trust toward all out-groups
  float language_proficiency_speakers = 0.95;
  float language_proficiency_newcomers = 0.3;
};

struct CultureConfig {
  int features = 5;   // Axelrod F
  int traits = 10;    // Axelrod q
  double group_trait_bias = 0.6;  // chance that an initial trait is the group's own typical trait
};

struct VenueKindConfig {
  double per_1000_residents = 0.0;  // density of venues of this kind (ignored for home blocks)
  std::uint32_t capacity = 0;       // nominal capacity (residents); workplaces and schools fill to it
  std::uint8_t slot_mask = 0;       // bit s set: open in slot s (0 daytime, 1 leisure, 2 evening)
  std::uint8_t weekday_mask = 0;    // bit d set: open on weekday d (0 Monday ... 6 Sunday)
  float cooperation = 0.0f;         // how far activities there are cooperative and equal-status, [0,1]
  float attractiveness = 0.0f;      // utility in leisure choice
  int rounds = 1;                   // rounds of random pairing per slot
};

struct VenueConfig {
  std::array<VenueKindConfig, venue_kind_count> kinds = default_venue_kind_configs();
  static std::array<VenueKindConfig, venue_kind_count> default_venue_kind_configs();
};

struct ActivityConfig {
  float stay_home_utility = 0.5f;       // utility of staying home in a leisure slot
  float distance_weight_per_km = 0.8f;  // utility lost per km to a venue
  float comfort_weight = 2.0f;          // weight of own-group share seen at a venue, times prejudice
  float daytime_leisure_share = 0.5f;   // share of residents without school or work who go out in daytime
};

struct EncounterConfig {
  float avoidance = 0.6f;            // acceptance = 1 - avoidance * (1 - trust toward the other's group)
  float rate_positive = 0.01f;       // a_pos: trust += a_pos * (1 - trust) per positive contact
  float rate_negative = 0.03f;       // a_neg > a_pos: trust -= a_neg * trust per negative contact
  float rate_in_group = 0.002f;      // in-group reinforcement per in-group encounter
  float secondary_transfer = 0.3f;   // share of positive change that generalises to other out-groups
  float discrimination_base = 0.02f; // discrimination probability of a fully distrustful actor
  float positive_intercept = -0.3f;  // logit of a positive contact at cooperation 0, no shared language
  float positive_cooperation = 1.6f; // logit gain at cooperation 1
  float positive_language = 0.6f;    // logit gain when both speak the majority language well
  float positive_culture = 0.8f;     // logit gain at full cultural overlap
  float tie_probability = 0.02f;     // chance that a positive contact forms a tie
  float language_threshold = 0.5f;   // proficiency from which a resident counts as speaking the language
  bool culture_exchange = true;      // Axelrod trait adoption in encounters
  float conflict_escalation = 0.02f; // chance that a negative contact between fully distrustful residents escalates
  float language_growth_per_contact = 0.01f;  // proficiency += rate * (1 - proficiency) per encounter with a speaker
  float friend_meetings_per_week = 1.0f;      // chance that a tie of full strength meets in a week (times strength)
};

// What one discrimination event (in an encounter, a job application, housing or a public service)
// does to its target beyond being recorded.
struct DiscriminationConfig {
  float institutional_trust_loss = 0.02f;  // institutional trust -= loss * institutional trust
  float belonging_loss = 0.01f;            // belonging -= loss * belonging
};

// The monthly labour market (docs/model.md 7.3, systems/labour).
struct LabourConfig {
  float job_loss_per_month = 0.012f;   // chance that an employed adult leaves employment in a month
  int applications_per_month = 4;      // applications sent by each non-employed adult in a month
  float hire_probability = 0.0f;       // per application; 0: derived so population.employment_rate is stationary
  float language_penalty = 0.62f;      // share of the hire probability lost below encounters.language_threshold
  float discrimination_base = 0.2f;    // chance that an otherwise successful non-majority applicant is refused
};

// Monthly residential relocation (docs/model.md 7.4, systems/relocation). A household's tolerance is the
// lowest own-group share of its block it accepts: tolerance_base + tolerance_slope * (1 - mean
// out-group trust of its adults) + tolerance_spread * (2 * mean relocation_tolerance of its adults - 1).
struct RelocationConfig {
  float mobility_per_year = 0.074f;           // share of households moving within the city per year for other reasons
  float tolerance_base = 0.0f;                // tolerance at full out-group trust (before the individual part)
  float tolerance_slope = 0.3f;               // tolerance added as mean out-group trust falls from 1 to 0
  float tolerance_spread = 0.1f;              // half-width of the individual part of the tolerance
  float dissatisfied_move_per_month = 0.05f;  // chance that a dissatisfied household searches in a month
  int vacancies_sampled = 5;                  // vacant blocks a searching household looks at
  float distance_cost_per_km = 0.01f;         // satisfaction lost per km between the old and the new block
  float discrimination_base = 0.09f;          // chance that a private landlord refuses a non-majority applicant
  float private_access_without_income = 0.2f; // chance a household without employed adult or senior can rent privately
};

// Monthly public-service contacts and the recovery of institutional trust and belonging (systems/services).
struct ServiceConfig {
  float use_per_month = 0.25f;                // chance that an adult or senior uses a public service in a month
  float discrimination_base = 0.03f;          // chance that a non-majority user meets discrimination there
  float trust_gain_per_fair_use = 0.01f;      // institutional trust += gain * (1 - trust) per use without discrimination
  float recovery_per_month = 0.05f;           // institutional trust and belonging move this share toward their baselines
  float institutional_trust_baseline = 0.5f;  // level toward which institutional trust recovers
  float belonging_baseline = 0.5f;            // level toward which belonging recovers
};

// Weekly civic forums (docs/model.md 7.6): who attends and what attending does.
struct ParticipationConfig {
  float reach = 0.004f;                         // weekly chance of attending at participation propensity 1
  float non_speaker_propensity_factor = 0.6f;   // initial propensity of groups that do not speak the language, relative
  float institutional_trust_gain = 0.02f;       // per attendance: institutional trust += gain * (1 - trust)
  float belonging_gain = 0.01f;                 // per attendance: belonging += gain * (1 - belonging)
};

// Scheduled events (docs/model.md 7.7), written as [[events]] entries.
enum class EventKind : std::uint8_t { negative_media, positive_media };

struct EventConfig {
  int day = 0;                                 // day of the run on which it happens (0 = first day)
  EventKind kind = EventKind::negative_media;
  std::string group;                           // name of the group the news is about
  float strength = 0.0f;                       // share of trust toward the group lost (or gained), [0,1]
};

// How scheduled media events reach residents.
struct MediaConfig {
  float tie_protection = 0.5f;  // share of a negative event's effect removed for a resident with a tie into the group
};

// Policies imported from data files (docs/policies.md). The parser turns the ICC Index profile into
// [[policies]] entries placed before the file's own and then clears the path, so a resolved scenario
// lists the imported policies and does not import them twice.
struct PolicyImportConfig {
  std::string icc_profile;  // CSV with columns area, score (0-100), optional annual_cost; empty: none
};

// Language courses (docs/model.md 7.5): monthly proficiency growth of residents below the language
// threshold, scaled by the language-course lever.
struct LanguageConfig {
  float course_gain_per_month = 0.05f;  // proficiency += gain * intensity * (1 - proficiency) per month
};

// Ageing (systems/ageing): children become adults after child_years on average; the adult-to-senior
// and senior death rates follow from the start shares so the age structure stays stationary.
struct AgeingConfig {
  bool enabled = true;
  double child_years = 18.0;  // mean years spent as a child (residents under 18)
};

struct OutputConfig {
  int sample_residents = 1000;        // residents recorded per slot and day for the viewer
  float diversity_threshold = 0.5f;   // mean out-group trust at or above which diversity is a resource
};

// Which model a scenario runs: the city model, or one of the reference models (sim/reference,
// docs/reference-models.md), which ignore the city, group and venue keys.
enum class ModelKind : std::uint8_t { city, schelling, axelrod };

// How Schelling agents are activated. framework: every step all agents in a random order; an agent
// not yet happy counts its neighbours and either becomes happy for good or moves at once (the ABM
// framework comparison). netlogo: each tick the agents unhappy at its start move in a random order,
// then every agent re-evaluates (the NetLogo "Segregation" model).
enum class SchellingRules : std::uint8_t { framework, netlogo };

// Schelling's segregation model. An agent is happy when its same-group neighbours (Chebyshev radius)
// number at least min_similar and at least similar_wanted times all its neighbours.
struct ReferenceSchellingConfig {
  SchellingRules rules = SchellingRules::netlogo;
  int width = 51;
  int height = 51;
  bool torus = true;
  std::int64_t agents = 0;      // agents in two equal groups at random cells; 0: each cell filled with chance density
  double density = 0.95;        // used when agents = 0; each agent's group is a fair coin
  int radius = 1;               // Chebyshev radius of the neighbourhood (1: the 8 Moore neighbours)
  int min_similar = 0;          // same-group neighbours needed, as a count
  double similar_wanted = 0.3;  // same-group neighbours needed, as a fraction of all neighbours
  int max_steps = 1000;
  bool stop_when_all_happy = true;
};

// Axelrod's (1997) dissemination of culture on a non-periodic lattice with von Neumann neighbours.
struct ReferenceAxelrodConfig {
  int width = 10;
  int height = 10;
  int features = 5;                        // F
  int traits = 10;                         // q
  std::int64_t max_events = 100'000'000;   // stop here if no absorption came first
  std::int64_t sample_events = 1000;       // events between recorded samples of the state
};

struct ScenarioConfig {
  std::string name = "unnamed";
  std::string description;
  ModelKind model = ModelKind::city;
  RunConfig run;
  CityConfig city;
  std::vector<GroupConfig> groups;  // at least one; at most max_group_count
  PopulationConfig population;
  CultureConfig culture;
  VenueConfig venues;
  ActivityConfig activity;
  EncounterConfig encounters;
  DiscriminationConfig discrimination;
  LabourConfig labour;
  ServiceConfig services;
  RelocationConfig relocation;
  ParticipationConfig participation;
  MediaConfig media;
  std::vector<EventConfig> events;  // in the order given; several may share a day
  PolicyImportConfig policy_import;    // read into `policies` by the parser
  std::vector<PolicyConfig> policies;  // [[policies]] in the order given; levers combine as docs/policies.md says
  LanguageConfig language;
  AgeingConfig ageing;
  OutputConfig output;
  ReferenceSchellingConfig schelling;  // used when model = schelling
  ReferenceAxelrodConfig axelrod;      // used when model = axelrod
  std::string source_path;  // directory of the scenario file; data paths resolve against it
};

}  // namespace convivia
