// `convivia report` (see report_command.hpp). Inputs are checked and every table is computed before
// anything is written; the Python scripts get one JSON file saying what to draw and from where.
#include "cli/report_command.hpp"

#include "analysis/analysis_tables.hpp"
#include "analysis/child_process.hpp"
#include "analysis/collected_sweep.hpp"
#include "analysis/report_inputs.hpp"
#include "analysis/series_statistics.hpp"
#include "cli/baseline_help.hpp"
#include "cli/report_python.hpp"
#include "io/atomic_file.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "io/run_file_reader.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>

namespace convivia {
namespace {

namespace fs = std::filesystem;

// What the scripts are told: the source file, and for a sweep the analysis file, the baseline,
// the points asked for on maps and the run files of every point.
struct ReportPlan {
  sweep::ReportSource source = sweep::ReportSource::run;
  nlohmann::json manifest;
  std::vector<sweep::Table> tables;  // sweeps only
};

ReportPlan plan_report(const ReportOptions& options) {
  ReportPlan plan;
  plan.source = sweep::detect_report_source(options.file);
  nlohmann::json& m = plan.manifest;
  m["source"] = fs::absolute(options.file).string();
  m["source_name"] = fs::path(options.file).filename().string();
  if (plan.source == sweep::ReportSource::run) {
    for (const auto& [given, name] : {std::pair{!options.baseline.empty(), "--baseline"}, std::pair{!options.map_points.empty(), "--map-points"},
                                      std::pair{!options.runs_directory.empty(), "--runs"}})
      if (given) throw InputError(options.file, 0, name, "a collected sweep: this option does not apply to a single run file");
    fmt::print(stderr, "report: reading the run file {}\n", options.file);
    (void)read_run_file(options.file);  // refuses a damaged file or one without the headline series
    m["kind"] = "run";
    return plan;
  }
  fmt::print(stderr, "report: reading the collected sweep {}\n", options.file);
  const sweep::CollectedSweep sweep = sweep::read_collected_sweep(options.file);
  sweep::AnalysisTables analysis = sweep::build_analysis_tables(sweep, options.baseline);
  fmt::print(stderr, "report: computing means over replicates of the kept time series\n");
  const sweep::CollectedSeriesSet series = sweep::read_collected_series(options.file, sweep.run_count());
  if (!series.series.empty()) analysis.tables.push_back(sweep::series_summary_table(sweep::summarise_series(sweep, series.series)));
  nlohmann::json requested = nlohmann::json::array();
  for (const std::string& choice : options.map_points) {
    try {
      requested.push_back(sweep::find_baseline_point(sweep, choice));
    } catch (const InputError&) {
      throw InputError(options.file, 0, "--map-points",
                       "design points, each named by its label or by one name=label item that picks out exactly one point; \"" +
                           choice + "\" matches none or several");
    }
  }
  m["kind"] = "sweep";
  m["analysis_file"] = "analysis.h5";
  m["baseline_point"] = analysis.baseline_point;
  m["baseline_given"] = !options.baseline.empty();
  m["map_points_requested"] = requested;
  m["skipped_series"] = series.skipped;
  const sweep::SweepRunFiles runs = sweep::locate_run_files(sweep, options.runs_directory);
  nlohmann::json files = nlohmann::json::object();
  for (const auto& [point, paths] : runs.by_point) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < paths.size(); ++i) list.push_back({{"run", runs.run_of_file.at(point)[i]}, {"path", fs::absolute(paths[i]).string()}});
    files[std::to_string(point)] = list;
  }
  m["run_files"] = files;
  m["run_files_problem"] = runs.problem;
  plan.tables = std::move(analysis.tables);
  return plan;
}

// Moves the finished report from `staging` to `directory`: a rename when the directory is new or
// empty, else file by file, index.html last, replacing an older report's files.
void publish(const fs::path& staging, const fs::path& directory) {
  std::error_code code;
  if (fs::exists(directory) && fs::is_directory(directory) && fs::is_empty(directory)) fs::remove(directory, code);
  if (!fs::exists(directory)) {
    fs::rename(staging, directory, code);
    if (code) throw OutputError("cannot rename " + staging.string() + " to " + directory.string() + ": " + code.message());
    return;
  }
  if (!fs::is_directory(directory)) throw OutputError(directory.string() + " exists and is not a directory");
  const auto move = [&](const fs::path& from) {
    fs::rename(from, directory / from.filename(), code);
    if (code) throw OutputError("cannot move " + from.string() + " into " + directory.string() + ": " + code.message());
  };
  for (const fs::directory_entry& entry : fs::directory_iterator(staging))
    if (entry.path().filename() != "index.html") move(entry.path());
  move(staging / "index.html");
  fs::remove(staging, code);
}

void draw(const ReportPlan& plan, const fs::path& staging, const std::string& python) {
  const std::string manifest_path = (staging / "report-inputs.json").string();
  write_file_atomically(manifest_path, plan.manifest.dump(2) + "\n");
  const std::string script = (fs::path(report_scripts_directory()) / "make_report.py").string();
  if (!fs::is_regular_file(script))
    throw OutputError("the report scripts are missing: no " + script + " (set CONVIVIA_REPORT_SCRIPTS to the directory analysis/report)");
  fmt::print(stderr, "report: drawing the figures with {} {}\n", python, script);
  const sweep::ChildExit exit = sweep::run_to_end({python, script, manifest_path, staging.string()});
  if (exit.status() == 2) throw InputError(plan.manifest["source"].get<std::string>(), 0, "", "a readable file (see the message above)");
  if (!exit.success()) throw OutputError("drawing the report failed: " + script + " " + exit.describe());
  fs::remove(manifest_path);
  if (!fs::is_regular_file(staging / "index.html")) throw OutputError(script + " wrote no index.html");
}

}  // namespace

void add_report_command(CLI::App& app, ReportOptions& options) {
  CLI::App* command = app.add_subcommand("report", "An HTML page with figures of a run file or a collected sweep");
  command->footer(
      "\nWrites DIR/index.html and its figures (PNG files beside it; no network resources). For a collected sweep:\n"
      "each kept time series per design point with the 95% interval of the mean over replicates, each outcome's\n"
      "effect against the baseline with its 95% interval, Sobol' indices (saltelli designs) or Morris mu* against\n"
      "sigma (morris designs), and district maps of the share of residents regarding diversity as a resource,\n"
      "drawn from the sweep's run files; DIR also gets the tables of `convivia analyze`. For a run file: the\n"
      "headline indicators over the run, the trust matrix between groups and district maps. The figures are drawn\n"
      "by Python (Debian's python3-matplotlib, python3-h5py, python3-numpy); see docs/analysis.md, \"Reports\".\n"
      "\nExamples:\n"
      "  convivia report runs/experiments.h5 -o runs/report " +
      std::string(baseline_example) + baseline_example_note +
      "  convivia report baseline.h5 -o baseline-report\n");
  command->add_option("file", options.file, "a run file (convivia run) or collected sweep (convivia sweep collect)")->required();
  command->add_option("-o,--output", options.directory, "directory for index.html and its figures (created if missing)")->required();
  command->add_option("--baseline", options.baseline,
                      "sweeps: the baseline point, its label or one name=label item of it (default: point 0)");
  command->add_option("--map-points", options.map_points,
                      "sweeps: a point to map, by its label or one name=label item; repeat it, or separate points with ';'\n"
                      "(default: the baseline and the point with the largest effect on the final share regarding diversity as a resource)")
      ->expected(1)
      ->allow_extra_args(false)  // one point per occurrence, so the option does not swallow FILE
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(';');
  command->add_option("--runs", options.runs_directory,
                      "sweeps: the sweep directory holding runs/ (default: the directory of FILE, if it is one)");
}

int report_command(const ReportOptions& options) {
  ReportPlan plan;
  try {
    plan = plan_report(options);
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
  const std::string python = report_python();
  if (const std::string problem = report_python_problem(python); !problem.empty()) {
    fmt::print(stderr, "error: {}\n", problem);
    return 1;
  }
  if (plan.manifest["kind"] == "sweep" && !plan.manifest["run_files_problem"].get<std::string>().empty())
    fmt::print(stderr, "warning: {}; the page says so instead of showing those district maps\n",
               plan.manifest["run_files_problem"].get<std::string>());
  fs::path directory = fs::absolute(options.directory).lexically_normal();
  if (!directory.has_filename()) directory = directory.parent_path();
  const fs::path staging = directory.string() + ".tmp-" + std::to_string(::getpid());
  std::error_code code;
  try {
    fs::remove_all(staging, code);
    fs::create_directories(staging, code);
    if (code) throw OutputError("cannot create " + staging.string() + ": " + code.message());
    if (!plan.tables.empty()) {
      for (const std::string& path : sweep::write_analysis_tables(staging.string(), plan.tables, options.file))
        fmt::print(stderr, "report: wrote {}\n", fs::path(path).filename().string());
    }
    draw(plan, staging, python);
    publish(staging, directory);
  } catch (const InputError& error) {
    fs::remove_all(staging, code);
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  } catch (const OutputError& error) {
    fs::remove_all(staging, code);
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  } catch (const fs::filesystem_error& error) {
    fs::remove_all(staging, code);
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  }
  fmt::print("wrote {}\n", (fs::path(options.directory) / "index.html").string());
  return 0;
}

}  // namespace convivia
