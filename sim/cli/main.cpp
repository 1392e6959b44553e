// The convivia command: subcommands for running scenarios and checking them.
#include "cli/analyze_command.hpp"
#include "cli/compare_command.hpp"
#include "cli/report_command.hpp"
#include "cli/run_command.hpp"
#include "cli/segregation_command.hpp"
#include "cli/sweep_command.hpp"
#include "cli/validate_command.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

int main(int argc, char** argv) {
  CLI::App app{
      "Convivia: agent-based simulation of urban interaction and social cohesion.\n"
      "Residents of varied origins meet at home, school, work and in public places; encounters build or erode\n"
      "trust between groups. Compare intercultural policy scenarios on trust, contact and segregation.",
      "convivia"};
  app.set_version_flag("--version", std::string("convivia ") + CONVIVIA_VERSION);
  app.require_subcommand(0, 1);
  app.footer(
      "\nStart here:\n"
      "  convivia run scenarios/default.toml          run the default city (Berlin) for one year\n"
      "  convivia validate scenarios/default.toml     check a scenario and see every key with its value\n"
      "  convivia segregation scenarios/data/berlin/districts.csv --ignore district_name --ignore total\n"
      "                                               segregation indices of a census table (no simulation)\n"
      "  convivia compare base.h5 policy.h5           headline indicators of two runs side by side\n"
      "  convivia sweep run SWEEP.toml -o DIR         a parameter sweep (plan, run, slurm, collect: docs/sweeps.md)\n"
      "  convivia analyze experiments.h5 -o DIR       means, effects and Sobol' indices of a collected sweep\n"
      "  convivia report FILE.h5 -o DIR               an HTML page with figures of a run or a collected sweep\n"
      "  convivia run --help                          all options of a run\n"
      "  docs/tutorial.md                             from a census table to a workshop, step by step\n"
      "\nAll guides: docs/index.md. Scenario keys: docs/scenario-reference.md; output files: docs/output-format.md.");

  convivia::RunOptions run_options;
  convivia::ValidateOptions validate_options;
  convivia::SegregationOptions segregation_options;
  convivia::add_run_command(app, run_options);
  convivia::add_validate_command(app, validate_options);
  convivia::add_segregation_command(app, segregation_options);
  convivia::CompareOptions compare_options;
  convivia::add_compare_command(app, compare_options);
  convivia::SweepOptions sweep_options;
  convivia::add_sweep_command(app, sweep_options);
  convivia::AnalyzeOptions analyze_options;
  convivia::add_analyze_command(app, analyze_options);
  convivia::ReportOptions report_options;
  convivia::add_report_command(app, report_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? 0 : 2;
  }
  if (app.got_subcommand("run")) return convivia::run_command(run_options);
  if (app.got_subcommand("validate")) return convivia::validate_command(validate_options);
  if (app.got_subcommand("segregation")) return convivia::segregation_command(segregation_options);
  if (app.got_subcommand("compare")) return convivia::compare_command(compare_options);
  if (app.got_subcommand("sweep")) return convivia::sweep_command(app, sweep_options);
  if (app.got_subcommand("analyze")) return convivia::analyze_command(analyze_options);
  if (app.got_subcommand("report")) return convivia::report_command(report_options);
  fmt::print("{}", app.help());
  return 0;
}
