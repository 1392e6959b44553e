// `convivia segregation` (see segregation_command.hpp). The whole report is built as text before
// anything is written, so a bad table leaves stdout empty and no output file.
#include "cli/segregation_command.hpp"

#include "io/atomic_file.hpp"
#include "io/count_table_reader.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "systems/segregation.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace convivia {
namespace {

// One plain-words line per index, shared by --help and the table.
constexpr const char* meaning_dissimilarity =
    "share of the group that would have to move to another unit to be spread like everyone else";
constexpr const char* meaning_pairwise = "share of either group that would have to move for the two to be spread alike";
constexpr const char* meaning_multigroup =
    "how far the units' mixes are from the city's mix, as a share of the largest possible gap";
constexpr const char* meaning_theil =
    "how much less mixed the units are than the city (1 = each unit holds one group only)";
constexpr const char* meaning_isolation =
    "share of the own group among the residents of the unit of an average member (compare with its city share)";
constexpr const char* meaning_exposure =
    "share of the column's group among the residents of the unit of an average member of the row's group";

struct Report {
  CountTable table;
  SegregationIndices indices;
  std::vector<double> pairwise;
  std::int64_t resident_count = 0;
  std::size_t empty_unit_count = 0;
};

Report make_report(CountTable table) {
  Report report;
  report.indices = compute_segregation(table.counts, table.unit_count(), table.group_count());
  report.pairwise = pairwise_dissimilarity(table.counts, table.unit_count(), table.group_count());
  for (const std::int64_t total : table.group_totals) report.resident_count += total;
  const std::size_t G = table.group_count();
  for (std::size_t u = 0; u < table.unit_count(); ++u) {
    const auto row = table.counts.begin() + static_cast<std::ptrdiff_t>(u * G);
    if (std::all_of(row, row + static_cast<std::ptrdiff_t>(G), [](std::int64_t x) { return x == 0; })) ++report.empty_unit_count;
  }
  report.table = std::move(table);
  return report;
}

// A square group-by-group matrix with numbered columns; the diagonal is shown as `diagonal` if given.
void append_matrix(std::string& out, const std::vector<std::string>& names, const std::vector<double>& values, const char* diagonal) {
  const std::size_t G = names.size();
  const std::size_t number_width = fmt::format("[{}]", G).size();
  std::size_t label_width = 0;
  for (const std::string& name : names) label_width = std::max(label_width, name.size());
  label_width += 3 + number_width;  // "  [12] name"
  out += fmt::format("{:<{}}", "", label_width);
  for (std::size_t h = 0; h < G; ++h) out += fmt::format(" {:>6}", fmt::format("[{}]", h + 1));
  out += "\n";
  for (std::size_t g = 0; g < G; ++g) {
    out += fmt::format("{:<{}}", fmt::format("  {:>{}} {}", fmt::format("[{}]", g + 1), number_width, names[g]), label_width);
    for (std::size_t h = 0; h < G; ++h) {
      out += g == h && diagonal != nullptr ? fmt::format(" {:>6}", diagonal) : fmt::format(" {:>6.3f}", values[g * G + h]);
    }
    out += "\n";
  }
}

std::string format_table(const Report& report, const SegregationOptions& options) {
  const CountTable& table = report.table;
  const SegregationIndices& s = report.indices;
  const std::size_t G = table.group_count();
  std::string out;
  out += fmt::format("Segregation of {} groups over {} units ({} residents) in {}\n", G, table.unit_count(),
                     report.resident_count, options.table);
  if (report.empty_unit_count > 0) out += fmt::format("{} units without residents are left out.\n", report.empty_unit_count);

  out += "\nCity as a whole\n";
  out += fmt::format("  {:<30} {:.3f}   {}\n", "multigroup dissimilarity D", s.multigroup_dissimilarity, meaning_multigroup);
  out += fmt::format("  {:<30} {:.3f}   {}\n", "Theil's information index H", s.theil_h, meaning_theil);

  std::size_t name_width = 5;
  for (const std::string& name : table.group_names) name_width = std::max(name_width, name.size());
  out += "\nEach group\n";
  out += fmt::format("  {:<{}} {:>11} {:>8} {:>11} {:>10}\n", "group", name_width, "residents", "share", "D vs rest", "isolation");
  for (std::size_t g = 0; g < G; ++g) {
    const double share = static_cast<double>(table.group_totals[g]) / static_cast<double>(report.resident_count);
    out += fmt::format("  {:<{}} {:>11} {:>7.1f}% {:>11.3f} {:>10.3f}\n", table.group_names[g], name_width, table.group_totals[g],
                       100.0 * share, s.dissimilarity[g], s.isolation[g]);
  }
  out += fmt::format("  D vs rest: {}\n", meaning_dissimilarity);
  out += fmt::format("  isolation: {}\n", meaning_isolation);

  out += fmt::format("\nDissimilarity between two groups (pairwise D)\n  {}\n", meaning_pairwise);
  append_matrix(out, table.group_names, report.pairwise, "-");
  out += fmt::format("\nExposure (each row sums to 1; the diagonal is isolation)\n  {}\n", meaning_exposure);
  append_matrix(out, table.group_names, s.exposure, nullptr);
  return out;
}

// RFC 4180: quoted only when needed.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string format_csv(const Report& report) {
  const std::vector<std::string>& names = report.table.group_names;
  const SegregationIndices& s = report.indices;
  const std::size_t G = names.size();
  std::string out = "index,group,other_group,value\n";
  const auto row = [&](const char* index, const std::string& group, const std::string& other, double value) {
    out += fmt::format("{},{},{},{}\n", index, csv_field(group), csv_field(other), value);
  };
  row("multigroup_dissimilarity", "", "", s.multigroup_dissimilarity);
  row("theil_h", "", "", s.theil_h);
  for (std::size_t g = 0; g < G; ++g) row("dissimilarity", names[g], "", s.dissimilarity[g]);
  for (std::size_t g = 0; g < G; ++g) {
    for (std::size_t h = g + 1; h < G; ++h) row("pairwise_dissimilarity", names[g], names[h], report.pairwise[g * G + h]);
  }
  for (std::size_t g = 0; g < G; ++g) row("isolation", names[g], "", s.isolation[g]);
  for (std::size_t g = 0; g < G; ++g) {
    for (std::size_t h = 0; h < G; ++h) row("exposure", names[g], names[h], s.exposure[g * G + h]);
  }
  return out;
}

std::string format_json(const Report& report, const SegregationOptions& options) {
  const CountTable& table = report.table;
  const SegregationIndices& s = report.indices;
  const std::size_t G = table.group_count();
  nlohmann::ordered_json j;
  j["table"] = options.table;
  j["unit_count"] = table.unit_count();
  j["empty_unit_count"] = report.empty_unit_count;
  j["resident_count"] = report.resident_count;
  j["groups"] = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < G; ++g) j["groups"].push_back({{"name", table.group_names[g]}, {"residents", table.group_totals[g]}});
  j["multigroup_dissimilarity"] = s.multigroup_dissimilarity;
  j["theil_h"] = s.theil_h;
  nlohmann::ordered_json dissimilarity, pairwise, isolation, exposure;
  for (std::size_t g = 0; g < G; ++g) {
    const std::string& name = table.group_names[g];
    dissimilarity[name] = s.dissimilarity[g];
    isolation[name] = s.isolation[g];
    for (std::size_t h = 0; h < G; ++h) {
      if (h != g) pairwise[name][table.group_names[h]] = report.pairwise[g * G + h];
      exposure[name][table.group_names[h]] = s.exposure[g * G + h];
    }
  }
  j["dissimilarity"] = dissimilarity;
  j["pairwise_dissimilarity"] = pairwise;
  j["isolation"] = isolation;
  j["exposure"] = exposure;
  return j.dump(2) + "\n";
}

}  // namespace

void add_segregation_command(CLI::App& app, SegregationOptions& options) {
  CLI::App* command = app.add_subcommand("segregation", "Segregation indices of a census table (residents per unit and group)");
  command->footer(fmt::format(
      "\nThe table is a CSV file: a header row, then one row per spatial unit (district, tract, block) with the unit id\n"
      "in the first column and one column per group holding its number of residents. Leave out columns that are not\n"
      "groups (names, totals) with --ignore.\n"
      "\nExamples:\n"
      "  convivia segregation scenarios/data/berlin/districts.csv --ignore district_name --ignore total\n"
      "  convivia segregation counts.csv --format csv -o indices.csv\n"
      "\nThe indices (each from 0 to 1; 0 = every unit has the city's mix; docs/segregation.md has the formulas):\n"
      "  D vs rest       (each group) {}\n"
      "  pairwise D      (two groups) {}\n"
      "  multigroup D    {}\n"
      "  Theil's H       {}\n"
      "  isolation       (each group) {}\n"
      "  exposure        (A to B) share of group B among the residents of the unit of an average member of group A\n"
      "\nExit status: 0 success; 2 a bad table or option (the message names the file, line and column); 1 the output\n"
      "could not be written.",
      meaning_dissimilarity, meaning_pairwise, meaning_multigroup, meaning_theil, meaning_isolation));
  command->add_option("table", options.table, "Census table (CSV): unit id, then residents per group")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--format", options.format, "table (default): aligned text; csv: index,group,other_group,value; json: one object")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  command->add_option("-o,--output", options.output, "Write to FILE instead of standard output")
      ->type_name("FILE")
      ->check([](const std::string& path) { return path.empty() ? std::string("the output path is empty") : std::string(); });
  command->add_option("--ignore", options.ignored_columns, "A column that is not a group, e.g. a name or total column (repeatable)")
      ->type_name("COLUMN")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command->add_option("--id-column", options.id_column, "The column with the unit ids (default: the first column)")->type_name("NAME");
}

int segregation_command(const SegregationOptions& options) {
  std::string text;
  try {
    CountTableOptions reading;
    reading.id_column = options.id_column;
    reading.ignored_columns = options.ignored_columns;
    const Report report = make_report(read_count_table(options.table, reading));
    if (options.format == "csv") {
      text = format_csv(report);
    } else if (options.format == "json") {
      text = format_json(report, options);
    } else {
      text = format_table(report, options);
    }
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }

  if (options.output.empty()) {
    fmt::print("{}", text);
    return 0;
  }
  std::error_code same_error;
  if (std::filesystem::exists(options.output) && std::filesystem::equivalent(options.output, options.table, same_error)) {
    fmt::print(stderr, "error: the output file {} is the table itself; choose another -o\n", options.output);
    return 2;
  }
  const auto directory = std::filesystem::path(options.output).parent_path();
  if (!directory.empty() && !std::filesystem::is_directory(directory)) {
    fmt::print(stderr, "error: cannot write {}: directory {} does not exist\n", options.output, directory.string());
    return 2;
  }
  // Written atomically, so a failed write (a full disk) leaves no partial file.
  try {
    write_file_atomically(options.output, text);
  } catch (const OutputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  }
  fmt::print(stderr, "wrote {}\n", options.output);
  return 0;
}

}  // namespace convivia
