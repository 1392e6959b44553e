// Scenario files: TOML text parsed and validated at the boundary into a ScenarioConfig (docs/scenario-reference.md).
// Every problem is reported as an InputError naming the file, line and dotted key; the
// engine never sees an unchecked value. The keys, their types, defaults and ranges are listed once,
// in scenario_keys.hpp, and docs/scenario-reference.md is generated from that table.
#pragma once

#include "world/scenario_config.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace convivia {

struct ScenarioFile {
  ScenarioConfig config;
  std::string text;  // the file text verbatim, or with a base the merged scenario (recorded in output files)
  std::string path;  // as given
  std::vector<std::string> overrides;  // the "key=value" overrides applied, in order (recorded in output files)
};

// Reads, parses and validates the file (over its base files, if it names one with `base`; see
// scenario_inheritance.hpp), then applies each override "key=value" (value in TOML
// syntax; a bare word that is not valid TOML is taken as a string) with the same checks. Sets
// config.source_path to the (absolute) directory of the file. Throws InputError on any problem.
ScenarioFile load_scenario_file(const std::string& path, const std::vector<std::string>& overrides = {});

// Same from text; display_path is used in messages, base_directory for relative data paths.
ScenarioConfig parse_scenario_text(std::string_view text, const std::string& display_path,
                                   const std::vector<std::string>& overrides, const std::string& base_directory);

// Every [[events]] entry names one of config.groups; throws InputError (file, no line) otherwise. The
// parser checks this when [[groups]] are given; imported cities call it once the table set the groups.
void check_event_groups(const ScenarioConfig& config, const std::string& file);

// The resolved scenario: every key with its value (defaults filled in) as TOML, which parses back
// to the same config.
std::string resolved_scenario_toml(const ScenarioConfig& config);

}  // namespace convivia
