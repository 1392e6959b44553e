// `convivia compare` (see compare_command.hpp). Every file is read and checked, and the whole report
// built, before anything is written: a bad file leaves stdout empty and writes no CSV.
#include "cli/compare_command.hpp"

#include "io/atomic_file.hpp"
#include "io/hdf5_run_writer.hpp"

#include "io/input_error.hpp"
#include "io/replicate_statistics.hpp"
#include "io/run_file_reader.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

namespace convivia {
namespace {

constexpr double not_available = std::numeric_limits<double>::quiet_NaN();

// How a scenario's difference to the baseline is computed.
enum class Method { baseline, single, paired, welch };

const char* method_token(Method method) {
  switch (method) {
    case Method::baseline: return "baseline";
    case Method::single: return "single";
    case Method::paired: return "paired";
    case Method::welch: return "welch";
  }
  return "";
}

const char* method_words(Method method) {
  switch (method) {
    case Method::baseline: return "the baseline";
    case Method::single: return "one run each: plain difference";
    case Method::paired: return "paired by seed: interval over the per-seed differences";
    case Method::welch: return "seeds differ from the baseline's: Welch's unpaired interval";
  }
  return "";
}

struct Scenario {
  std::string name;
  std::vector<RunFile> runs;
  Method method = Method::baseline;
  std::vector<std::size_t> baseline_partner;  // paired: index of the baseline run with the same seed
  double mean_annual_cost_eur = 0.0;          // mean over the runs of each run's mean annual policy cost
};

struct Row {
  std::int64_t day = 0;
  std::size_t indicator = 0;
  std::size_t scenario = 0;
  MeanInterval value{not_available, not_available, not_available, 0.0};
  MeanInterval difference{not_available, not_available, not_available, 0.0};
};

// Cost-effectiveness of a scenario against the baseline on a day: the change in the share of residents
// who regard diversity as a resource per million euros of annual policy cost difference.
struct CostRow {
  std::int64_t day = 0;
  std::size_t scenario = 0;
  MeanInterval share_change{not_available, not_available, not_available, 0.0};  // a share difference
  double cost_difference_eur = 0.0;                                              // per year
  MeanInterval points_per_million_eur{not_available, not_available, not_available, 0.0};
};

struct Report {
  std::vector<Scenario> scenarios;
  std::vector<std::int64_t> days;
  std::vector<std::size_t> indicators;
  bool replicates = false;
  std::vector<Row> rows;
  std::vector<CostRow> cost_rows;  // per day, then per scenario after the baseline
};

InputError option_error(const std::string& what) { return InputError("compare", 0, "", what); }

// The run files named by one scenario argument, and the scenario's name.
Scenario parse_scenario(const std::string& spec) {
  Scenario scenario;
  std::vector<std::string> paths;
  const std::size_t equals = spec.find('=');
  if (equals != std::string::npos) {
    scenario.name = spec.substr(0, equals);
    if (scenario.name.empty()) throw option_error("scenario \"" + spec + "\" has an empty name before '='");
    std::string list = spec.substr(equals + 1);
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      if (comma > start) paths.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    if (paths.empty()) throw option_error("scenario " + scenario.name + " names no file after '='");
  } else if (std::filesystem::is_directory(spec)) {
    const std::filesystem::path directory(spec);
    scenario.name = directory.lexically_normal().filename().string();
    if (scenario.name.empty()) scenario.name = directory.lexically_normal().parent_path().filename().string();
    for (const auto& entry : std::filesystem::directory_iterator(directory))
      if (entry.is_regular_file() && entry.path().extension() == ".h5") paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) throw InputError(spec, 0, "", "the directory holds no .h5 run file");
  } else {
    scenario.name = std::filesystem::path(spec).stem().string();
    paths.push_back(spec);
  }
  for (const std::string& path : paths) scenario.runs.push_back(read_run_file(path));
  return scenario;
}

// Every run must describe the same city over the same days as the first run of the baseline.
void check_matching(const std::vector<Scenario>& scenarios) {
  const RunFile& first = scenarios.front().runs.front();
  for (const Scenario& scenario : scenarios)
    for (const RunFile& run : scenario.runs) {
      const auto mismatch = [&](const std::string& what) {
        return InputError(run.path, 0, "", what + " than " + first.path + "; compare runs of one city over the same days");
      };
      if (run.group_names != first.group_names) throw mismatch("other groups");
      if (run.district_names != first.district_names) throw mismatch("other districts");
      if (run.resident_count != first.resident_count)
        throw mismatch(fmt::format("another resident count ({} rather than {})", run.resident_count, first.resident_count));
      if (run.days_run != first.days_run)
        throw mismatch(fmt::format("another number of days ({} rather than {})", run.days_run, first.days_run));
    }
}

// Paired if the scenario holds exactly the baseline's seeds, each once.
void choose_method(Scenario& scenario, const Scenario& baseline, bool replicates) {
  if (!replicates) {
    scenario.method = Method::single;
    return;
  }
  std::vector<std::string> seeds, baseline_seeds;
  for (const RunFile& run : scenario.runs) seeds.push_back(run.seed);
  for (const RunFile& run : baseline.runs) baseline_seeds.push_back(run.seed);
  const std::set<std::string> unique(seeds.begin(), seeds.end());
  std::vector<std::string> sorted = seeds, baseline_sorted = baseline_seeds;
  std::sort(sorted.begin(), sorted.end());
  std::sort(baseline_sorted.begin(), baseline_sorted.end());
  if (unique.size() != seeds.size() || sorted != baseline_sorted) {
    scenario.method = Method::welch;
    return;
  }
  scenario.method = Method::paired;
  for (const std::string& seed : seeds)
    scenario.baseline_partner.push_back(
        static_cast<std::size_t>(std::find(baseline_seeds.begin(), baseline_seeds.end(), seed) - baseline_seeds.begin()));
}

// A scenario's value of the indicator on the day and its difference to the baseline.
Row compare_values(const Report& report, std::size_t s, std::size_t indicator, std::int64_t day) {
  const Scenario& baseline = report.scenarios.front();
  const Scenario& scenario = report.scenarios[s];
  std::vector<double> baseline_values, values;
  for (const RunFile& run : baseline.runs) baseline_values.push_back(run.value(indicator, day));
  for (const RunFile& run : scenario.runs) values.push_back(run.value(indicator, day));
  Row row{day, indicator, s};
  if (!report.replicates) {
    row.value.mean = row.value.low = row.value.high = values.front();
    if (s > 0) row.difference.mean = row.difference.low = row.difference.high = values.front() - baseline_values.front();
  } else {
    row.value = mean_interval(values);
    if (scenario.method == Method::paired) {
      std::vector<double> partners;
      for (const std::size_t b : scenario.baseline_partner) partners.push_back(baseline_values[b]);
      row.difference = paired_difference_interval(partners, values);
    } else if (scenario.method == Method::welch) {
      row.difference = welch_difference_interval(baseline_values, values);
    }
  }
  return row;
}

Report make_report(const CompareOptions& options) {
  Report report;
  if (options.scenarios.size() < 2) throw option_error("give two or more scenarios; the first is the baseline");
  for (const std::string& spec : options.scenarios) {
    report.scenarios.push_back(parse_scenario(spec));
    for (std::size_t s = 0; s + 1 < report.scenarios.size(); ++s)
      if (report.scenarios[s].name == report.scenarios.back().name)
        throw option_error("two scenarios are named " + report.scenarios.back().name + "; name them with NAME=FILE,...");
  }
  check_matching(report.scenarios);

  const std::int64_t days_run = report.scenarios.front().runs.front().days_run;
  report.days = options.days.empty() ? std::vector<std::int64_t>{days_run - 1} : options.days;
  for (const std::int64_t day : report.days)
    if (day < 0 || day >= days_run)
      throw option_error(fmt::format("day {} is outside the runs, which recorded days 0 to {}", day, days_run - 1));

  if (options.indicators.empty()) {
    for (std::size_t i = 0; i < headline_indicators().size(); ++i) report.indicators.push_back(i);
  } else {
    for (const std::string& name : options.indicators) {
      const int index = find_headline_indicator(name);
      if (index < 0) {
        std::string known;
        for (const HeadlineIndicator& indicator : headline_indicators()) known += fmt::format(" {}", indicator.name);
        throw option_error("unknown indicator " + name + "; known:" + known);
      }
      report.indicators.push_back(static_cast<std::size_t>(index));
    }
  }

  report.replicates = std::any_of(report.scenarios.begin(), report.scenarios.end(), [](const Scenario& s) { return s.runs.size() > 1; });
  if (report.replicates)
    for (const Scenario& scenario : report.scenarios)
      if (scenario.runs.size() < 2)
        throw InputError(scenario.runs.front().path, 0, "",
                         "scenario " + scenario.name +
                             " has one run file, while others have replicates; a 95% confidence interval needs two or more "
                             "replicate files per scenario");
  for (std::size_t s = 1; s < report.scenarios.size(); ++s) choose_method(report.scenarios[s], report.scenarios[0], report.replicates);

  for (const std::int64_t day : report.days)
    for (const std::size_t indicator : report.indicators)
      for (std::size_t s = 0; s < report.scenarios.size(); ++s) report.rows.push_back(compare_values(report, s, indicator, day));

  // Policy cost, and the headline's change per million euros of annual cost difference.
  for (Scenario& scenario : report.scenarios) {
    double sum = 0.0;
    for (const RunFile& run : scenario.runs) sum += run.mean_annual_policy_cost_eur();
    scenario.mean_annual_cost_eur = sum / static_cast<double>(scenario.runs.size());
  }
  const auto headline = static_cast<std::size_t>(find_headline_indicator("diversity_resource_share"));
  for (const std::int64_t day : report.days)
    for (std::size_t s = 1; s < report.scenarios.size(); ++s) {
      CostRow row{day, s};
      row.share_change = compare_values(report, s, headline, day).difference;
      row.cost_difference_eur = report.scenarios[s].mean_annual_cost_eur - report.scenarios.front().mean_annual_cost_eur;
      row.points_per_million_eur = share_change_per_million_eur(row.share_change, row.cost_difference_eur);
      report.cost_rows.push_back(row);
    }
  return report;
}

// Shares as percent (differences in percentage points), other indicators in their own units.
std::string show(double value, bool is_share, bool signed_value) {
  if (std::isnan(value)) return "n/a";
  if (is_share) return signed_value ? fmt::format("{:+.1f}", value * 100.0) : fmt::format("{:.1f}%", value * 100.0);
  return signed_value ? fmt::format("{:+.3f}", value) : fmt::format("{:.3f}", value);
}

std::string show_interval(const MeanInterval& interval, bool is_share, bool signed_value) {
  if (std::isnan(interval.low)) return "";
  return fmt::format("[{}, {}]", show(interval.low, is_share, signed_value), show(interval.high, is_share, signed_value));
}

// Whole euros with thousands separators, e.g. "400,000" or "+400,000".
std::string show_euros(double euros, bool signed_value) {
  if (std::isnan(euros)) return "n/a";
  const std::string digits = fmt::format("{:.0f}", std::abs(euros));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const bool negative = euros < 0.0 && grouped != "0";
  return (negative ? "-" : (signed_value ? "+" : "")) + grouped;
}

constexpr const char* no_cost_difference = "n/a (no cost difference)";

std::string format_cost_table(const Report& report) {
  std::size_t name_width = 8;
  for (const Scenario& scenario : report.scenarios) name_width = std::max(name_width, scenario.name.size());
  const bool any_cost = std::any_of(report.scenarios.begin(), report.scenarios.end(),
                                    [](const Scenario& scenario) { return scenario.mean_annual_cost_eur != 0.0; });
  if (!any_cost) return "\nPolicy cost: no scenario has a policy cost, so there is no cost-effectiveness to show.\n";
  std::string out = "\nPolicy cost: mean annual cost of the active policies over the run (euros per year)\n";
  out += fmt::format("  {:<{}}  {:>14}  {:>14}\n", "scenario", name_width, "annual cost", "difference");
  for (std::size_t s = 0; s < report.scenarios.size(); ++s) {
    const double cost = report.scenarios[s].mean_annual_cost_eur;
    out += fmt::format("  {:<{}}  {:>14}", report.scenarios[s].name, name_width, show_euros(cost, false));
    if (s > 0) out += fmt::format("  {:>14}", show_euros(cost - report.scenarios.front().mean_annual_cost_eur, true));
    out += "\n";
  }
  for (const std::int64_t day : report.days) {
    out += fmt::format(
        "\nCost-effectiveness on day {}: change in residents who regard diversity as a resource (percentage points)\n"
        "per million euros of annual cost difference to the baseline\n",
        day);
    out += fmt::format("  {:<{}}  {:>11}  {:>15}  {:>18}", "scenario", name_width, "change (pp)", "cost difference", "pp per million EUR");
    out += report.replicates ? "  95% CI\n" : "\n";
    for (const CostRow& row : report.cost_rows) {
      if (row.day != day) continue;
      out += fmt::format("  {:<{}}  {:>11}  {:>15}", report.scenarios[row.scenario].name, name_width,
                         show(row.share_change.mean, true, true), show_euros(row.cost_difference_eur, true));
      if (row.cost_difference_eur == 0.0) {
        out += fmt::format("  {}\n", no_cost_difference);
        continue;
      }
      out += fmt::format("  {:>18}", show(row.points_per_million_eur.mean, false, true));
      if (report.replicates) out += "  " + show_interval(row.points_per_million_eur, false, true);
      out += "\n";
    }
  }
  return out;
}

std::string format_table(const Report& report) {
  std::string out;
  const Scenario& baseline = report.scenarios.front();
  const RunFile& first = baseline.runs.front();
  out += fmt::format("Comparison of {} scenarios ({} residents, {} groups, {} days); baseline: {}\n", report.scenarios.size(),
                     first.resident_count, first.group_names.size(), first.days_run, baseline.name);
  std::size_t name_width = 8;
  for (const Scenario& scenario : report.scenarios) name_width = std::max(name_width, scenario.name.size());
  for (const Scenario& scenario : report.scenarios) {
    std::string seeds;
    for (const RunFile& run : scenario.runs) seeds += (seeds.empty() ? "" : ", ") + run.seed;
    out += fmt::format("  {:<{}}  {} run{} (seed{} {}){}\n", scenario.name, name_width, scenario.runs.size(),
                       scenario.runs.size() > 1 ? "s" : "", scenario.runs.size() > 1 ? "s" : "", seeds,
                       scenario.method == Method::baseline ? "" : std::string("; ") + method_words(scenario.method));
  }
  out += "Shares are in percent and their differences in percentage points.\n";
  if (report.replicates) out += "Intervals are 95% confidence intervals over the replicates (Student's t).\n";

  std::size_t description_width = 0;
  for (const std::size_t i : report.indicators) description_width = std::max(description_width, headline_indicators()[i].description.size());
  std::size_t row_index = 0;
  const std::size_t S = report.scenarios.size();
  for (const std::int64_t day : report.days) {
    out += fmt::format("\nDay {}\n", day);
    if (!report.replicates) {
      out += fmt::format("  {:<{}}", "indicator", description_width);
      for (std::size_t s = 0; s < S; ++s) {
        const std::size_t width = std::max<std::size_t>(9, report.scenarios[s].name.size());
        out += fmt::format("  {:>{}}", report.scenarios[s].name, width);
        if (s > 0) out += fmt::format("  {:>{}}", "difference", 10);
      }
      out += "\n";
      for (const std::size_t indicator : report.indicators) {
        const HeadlineIndicator& about = headline_indicators()[indicator];
        out += fmt::format("  {:<{}}", about.description, description_width);
        for (std::size_t s = 0; s < S; ++s, ++row_index) {
          const Row& row = report.rows[row_index];
          const std::size_t width = std::max<std::size_t>(9, report.scenarios[s].name.size());
          out += fmt::format("  {:>{}}", show(row.value.mean, about.is_share, false), width);
          if (s > 0) out += fmt::format("  {:>{}}", show(row.difference.mean, about.is_share, true), 10);
        }
        out += "\n";
      }
      continue;
    }
    for (const std::size_t indicator : report.indicators) {
      const HeadlineIndicator& about = headline_indicators()[indicator];
      out += fmt::format("  {}\n", about.description);
      out += fmt::format("    {:<{}}  {:>9}  {:<20}  {:>10}  {}\n", "scenario", name_width, "mean", "95% CI", "difference", "95% CI");
      for (std::size_t s = 0; s < S; ++s, ++row_index) {
        const Row& row = report.rows[row_index];
        out += fmt::format("    {:<{}}  {:>9}  {:<20}  {:>10}  {:<20}", report.scenarios[s].name, name_width,
                           show(row.value.mean, about.is_share, false), show_interval(row.value, about.is_share, false),
                           s > 0 ? show(row.difference.mean, about.is_share, true) : "", show_interval(row.difference, about.is_share, true));
        // Trailing blanks of the last column are dropped.
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "\n";
      }
    }
  }
  return out + format_cost_table(report);
}

// Shortest text that reads back as the same double; empty for NaN.
std::string csv_number(double value) { return std::isnan(value) ? std::string() : fmt::format("{}", value); }

std::string format_csv(const Report& report) {
  // The policy cost columns describe the scenario (every row); the cost-effectiveness columns are
  // filled on the diversity_resource_share rows of scenarios after the baseline with a cost difference.
  std::string out =
      "day,indicator,scenario,runs,value,value_ci_low,value_ci_high,difference,difference_ci_low,difference_ci_high,difference_method,"
      "annual_policy_cost_eur,annual_policy_cost_difference_eur,pp_per_million_eur,pp_per_million_eur_ci_low,"
      "pp_per_million_eur_ci_high\n";
  const std::string_view headline = "diversity_resource_share";
  for (const Row& row : report.rows) {
    const Scenario& scenario = report.scenarios[row.scenario];
    const bool interval = report.replicates;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}", row.day, headline_indicators()[row.indicator].name, scenario.name,
                       scenario.runs.size(), csv_number(row.value.mean), interval ? csv_number(row.value.low) : "",
                       interval ? csv_number(row.value.high) : "", csv_number(row.difference.mean),
                       interval ? csv_number(row.difference.low) : "", interval ? csv_number(row.difference.high) : "",
                       method_token(scenario.method));
    const double cost_difference = scenario.mean_annual_cost_eur - report.scenarios.front().mean_annual_cost_eur;
    out += fmt::format(",{},{}", csv_number(scenario.mean_annual_cost_eur), row.scenario > 0 ? csv_number(cost_difference) : "");
    MeanInterval ratio{not_available, not_available, not_available, 0.0};
    if (row.scenario > 0 && headline_indicators()[row.indicator].name == headline)
      for (const CostRow& cost : report.cost_rows)
        if (cost.day == row.day && cost.scenario == row.scenario) ratio = cost.points_per_million_eur;
    out += fmt::format(",{},{},{}\n", csv_number(ratio.mean), interval ? csv_number(ratio.low) : "",
                       interval ? csv_number(ratio.high) : "");
  }
  return out;
}

nlohmann::ordered_json json_number(double value) { return std::isnan(value) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value); }

std::string format_json(const Report& report) {
  nlohmann::ordered_json j;
  j["baseline"] = report.scenarios.front().name;
  j["replicates"] = report.replicates;
  j["days"] = report.days;
  j["scenarios"] = nlohmann::ordered_json::array();
  for (const Scenario& scenario : report.scenarios) {
    nlohmann::ordered_json s;
    s["name"] = scenario.name;
    s["difference_method"] = method_token(scenario.method);
    s["mean_annual_policy_cost_eur"] = scenario.mean_annual_cost_eur;
    s["files"] = nlohmann::ordered_json::array();
    s["seeds"] = nlohmann::ordered_json::array();
    for (const RunFile& run : scenario.runs) {
      s["files"].push_back(run.path);
      s["seeds"].push_back(run.seed);
    }
    j["scenarios"].push_back(s);
  }
  j["results"] = nlohmann::ordered_json::array();
  for (const Row& row : report.rows) {
    nlohmann::ordered_json r;
    r["day"] = row.day;
    r["indicator"] = headline_indicators()[row.indicator].name;
    r["scenario"] = report.scenarios[row.scenario].name;
    r["runs"] = report.scenarios[row.scenario].runs.size();
    r["value"] = json_number(row.value.mean);
    if (report.replicates) r["value_ci"] = {json_number(row.value.low), json_number(row.value.high)};
    if (row.scenario > 0) {
      r["difference"] = json_number(row.difference.mean);
      if (report.replicates) {
        r["difference_ci"] = {json_number(row.difference.low), json_number(row.difference.high)};
        r["difference_degrees_of_freedom"] = row.difference.degrees_of_freedom;
      }
    }
    j["results"].push_back(r);
  }
  j["cost_effectiveness"] = nlohmann::ordered_json::array();
  for (const CostRow& row : report.cost_rows) {
    nlohmann::ordered_json c;
    c["day"] = row.day;
    c["scenario"] = report.scenarios[row.scenario].name;
    c["diversity_resource_share_difference_pp"] = json_number(row.share_change.mean * 100.0);
    c["annual_policy_cost_difference_eur"] = row.cost_difference_eur;
    c["pp_per_million_eur"] = json_number(row.points_per_million_eur.mean);
    if (report.replicates) c["pp_per_million_eur_ci"] = {json_number(row.points_per_million_eur.low), json_number(row.points_per_million_eur.high)};
    j["cost_effectiveness"].push_back(c);
  }
  return j.dump(2) + "\n";
}

// Written atomically (io/atomic_file.hpp): a failed write leaves no partial file. Prints the reason.
bool write_file(const std::string& path, const std::string& text) {
  try {
    write_file_atomically(path, text);
    return true;
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return false;
  }
}

}  // namespace

void add_compare_command(CLI::App& app, CompareOptions& options) {
  CLI::App* command = app.add_subcommand("compare", "Compare headline indicators of scenarios from their run files");
  std::string names;
  for (const HeadlineIndicator& indicator : headline_indicators()) names += fmt::format("  {:<32} {}\n", indicator.name, indicator.description);
  command->footer(
      "\nEach SCENARIO is one of:\n"
      "  FILE.h5                    one run; named after the file\n"
      "  NAME=A.h5,B.h5,...         replicate runs of one scenario, named NAME\n"
      "  DIRECTORY                  every .h5 file in the directory as replicates, named after the directory\n"
      "The first scenario is the baseline; differences are to it. With replicates every scenario needs two or\n"
      "more files: the table shows means with 95% confidence intervals (Student's t); the difference to the\n"
      "baseline is paired by seed when both hold the same seeds, and Welch's unpaired interval otherwise.\n"
      "Monthly indicators take the month that started on or before the day.\n"
      "Policy cost is each scenario's mean annual cost of active policies over the run; cost-effectiveness\n"
      "is the change in residents who regard diversity as a resource (percentage points) per million euros\n"
      "of annual cost difference to the baseline (n/a when the costs are equal).\n"
      "\nExamples:\n"
      "  convivia compare base.h5 policy.h5\n"
      "  convivia compare base=b1.h5,b2.h5,b3.h5 policy=p1.h5,p2.h5,p3.h5 --at 180 --at 364 --csv compare.csv\n"
      "\nIndicators (--indicator):\n" +
      names + "\ndocs/compare.md explains the intervals.");
  command->add_option("scenarios", options.scenarios, "Scenarios: FILE, NAME=FILE,FILE,... or DIRECTORY (two or more)")->required();
  command->add_option("--at", options.days, "Day to compare (repeatable; default: the last day of the runs)");
  command->add_option("--indicator", options.indicators, "Indicator to compare (repeatable; default: all)");
  command->add_option("--csv", options.csv, "Also write the results as a tidy CSV to FILE (- for standard output)");
  command->add_flag("--json", options.json, "Print the results as JSON instead of the table");
}

int compare_command(const CompareOptions& options) {
  std::string text, csv;
  try {
    const Report report = make_report(options);
    text = options.json ? format_json(report) : format_table(report);
    if (!options.csv.empty()) csv = format_csv(report);
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
  if (options.csv == "-") {
    fmt::print("{}", csv);
    return 0;
  }
  fmt::print("{}", text);
  if (!options.csv.empty()) {
    if (!write_file(options.csv, csv)) return 1;
    fmt::print(stderr, "wrote {}\n", options.csv);
  }
  return 0;
}

}  // namespace convivia
