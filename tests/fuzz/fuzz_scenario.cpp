// Fuzzes the scenario parser: TOML text, its chain of base files and --set overrides. The input is
// the scenario text, optionally followed by a line "#--set" and one override per line. The scenario
// is read as if it lay in scenarios/, so `base = "library/baseline.toml"` and data paths reach the
// project's real files. A scenario that parses must print as a resolved scenario that parses back to
// the same resolved text (what `convivia validate` prints and run files record).
#include "fuzz_support.hpp"
#include "io/input_error.hpp"
#include "io/scenario_parser.hpp"

#include <sstream>

using namespace convivia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> parts = fuzz::split_parts(data, size, "#--set", 2);
  std::vector<std::string> overrides;
  std::istringstream lines(parts[1]);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) overrides.push_back(line);
  const std::string directory = std::string(fuzz::source_dir()) + "/scenarios";
  ScenarioConfig config;
  try {
    config = parse_scenario_text(parts[0], "fuzz.toml", overrides, directory);
  } catch (const InputError&) {
    return 0;
  }
  const std::string resolved = resolved_scenario_toml(config);
  try {
    const ScenarioConfig again = parse_scenario_text(resolved, "resolved.toml", {}, directory);
    if (resolved_scenario_toml(again) != resolved) fuzz::finding("the resolved scenario does not read back to itself", resolved);
  } catch (const InputError& error) {
    fuzz::finding("the resolved scenario does not parse", std::string(error.what()) + "\n" + resolved);
  }
  return 0;
}
