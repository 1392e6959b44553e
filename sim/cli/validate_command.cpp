// `convivia validate` (see validate_command.hpp). Exit status 0 if valid, 2 otherwise.
#include "cli/validate_command.hpp"

#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"

#include <fmt/core.h>

namespace convivia {

void add_validate_command(CLI::App& app, ValidateOptions& options) {
  CLI::App* validate = app.add_subcommand(
      "validate", "Check a scenario file and print it with every default filled in");
  validate->footer("\nExample:\n  convivia validate scenarios/default.toml --set city.scale=0.1");
  validate->add_option("scenario", options.scenario, "Scenario file (TOML)")->required()->check(CLI::ExistingFile);
  validate->add_option("--set", options.overrides, "Override a scenario key, e.g. --set city.scale=0.1 (repeatable)")
      ->type_name("KEY=VALUE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

int validate_command(const ValidateOptions& options) {
  try {
    const LoadedScenario scenario = load_scenario(options.scenario, options.overrides);
    fmt::print("{}", resolved_scenario_toml(scenario.file.config));
    if (scenario.district_table)
      fmt::print("# city data: {} districts, {} groups\n", scenario.district_table->districts.size(),
                 scenario.district_table->group_names.size());
    fmt::print(stderr, "{}: valid\n", options.scenario);
    return 0;
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
}

}  // namespace convivia
