// The reference-model benchmark: the framework-comparison Schelling models (small and large, from
// scenarios/reference) on one thread, timed step by step (median over repetitions of each step's
// time, and the median 20-step model time, setup excluded and reported apart), and Axelrod's
// F = 5, q = 10 lattice (scenarios/reference/axelrod.toml) timed to absorption. Each repetition uses
// its own seed (the scenario's seed + repetition), as the framework comparison draws a new model per
// sample. Prints a table beside the project's target (bench/README.md) and can append it as Markdown.
#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"
#include "reference/axelrod.hpp"
#include "reference/schelling.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#ifndef CONVIVIA_SOURCE_DIR
#define CONVIVIA_SOURCE_DIR "."
#endif
#include "convivia_git_commit.hpp"

namespace convivia {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

struct SchellingTiming {
  std::string name;
  std::vector<double> step_ms_median;  // per step, median over repetitions
  double setup_ms = 0.0;               // median
  double model_ms = 0.0;               // median of the sum of all steps
  double model_ms_min = 0.0, model_ms_max = 0.0;
  double percent_similar = 0.0;        // median
};

SchellingTiming time_schelling(const std::string& name, const ScenarioConfig& config, int repetitions) {
  SchellingTiming timing;
  timing.name = name;
  const auto steps = static_cast<std::size_t>(config.schelling.max_steps);
  std::vector<std::vector<double>> step_ms(steps);
  std::vector<double> setup_ms, model_ms, similar;
  for (int r = 0; r < repetitions; ++r) {
    const auto setup_start = Clock::now();
    SchellingModel model(config.schelling, config.run.seed + static_cast<std::uint64_t>(r));
    setup_ms.push_back(milliseconds_since(setup_start));
    double total = 0.0;
    while (!model.finished()) {
      const auto start = Clock::now();
      model.step();
      const double ms = milliseconds_since(start);
      step_ms[static_cast<std::size_t>(model.steps_done() - 1)].push_back(ms);
      total += ms;
    }
    model_ms.push_back(total);
    similar.push_back(model.measure().percent_similar);
  }
  for (auto& values : step_ms) timing.step_ms_median.push_back(median(values));
  timing.setup_ms = median(setup_ms);
  timing.model_ms = median(model_ms);
  timing.model_ms_min = *std::min_element(model_ms.begin(), model_ms.end());
  timing.model_ms_max = *std::max_element(model_ms.begin(), model_ms.end());
  timing.percent_similar = median(similar);
  return timing;
}

struct AxelrodTiming {
  double ms = 0.0, ms_min = 0.0, ms_max = 0.0;
  double events = 0.0;   // median
  double regions = 0.0;  // mean
};

AxelrodTiming time_axelrod(const ScenarioConfig& config, int repetitions) {
  std::vector<double> ms, events;
  double regions = 0.0;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = Clock::now();
    AxelrodModel model(config.axelrod, config.run.seed + static_cast<std::uint64_t>(r));
    run_axelrod(model, config.axelrod.max_events, config.axelrod.sample_events);
    ms.push_back(milliseconds_since(start));
    events.push_back(static_cast<double>(model.events()));
    regions += model.stable_regions();
  }
  AxelrodTiming timing;
  timing.ms = median(ms);
  timing.ms_min = *std::min_element(ms.begin(), ms.end());
  timing.ms_max = *std::max_element(ms.begin(), ms.end());
  timing.events = median(events);
  timing.regions = regions / repetitions;
  return timing;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one.empty() ? "unknown" : one;
}

}  // namespace
}  // namespace convivia

int main(int argc, char** argv) {
  using namespace convivia;
  CLI::App app("Reference-model benchmark: framework-comparison Schelling (small, large) and Axelrod F = 5, q = 10");
  int repetitions = 101;
  int axelrod_repetitions = 51;
  bool quick = false;
  std::string markdown;
  std::string source = CONVIVIA_SOURCE_DIR;
  app.add_option("--repetitions", repetitions, "Schelling runs per size (default 101); medians are reported")
      ->check(CLI::Range(1, 100000));
  app.add_option("--axelrod-repetitions", axelrod_repetitions, "Axelrod runs (default 51)")->check(CLI::Range(1, 100000));
  app.add_flag("--quick", quick, "smoke test: 3 repetitions of each");
  app.add_option("--markdown", markdown, "append the results as Markdown to FILE");
  app.add_option("--scenarios", source, "source directory that holds scenarios/reference");
  CLI11_PARSE(app, argc, argv);
  if (quick) repetitions = axelrod_repetitions = 3;

  std::vector<SchellingTiming> schelling;
  AxelrodTiming axelrod;
  const std::string load_start = load_average();
  try {
    for (const char* name : {"schelling-small", "schelling-large"}) {
      const LoadedScenario scenario = load_scenario(source + "/scenarios/reference/" + name + ".toml");
      schelling.push_back(time_schelling(name, scenario.file.config, repetitions));
    }
    const LoadedScenario scenario = load_scenario(source + "/scenarios/reference/axelrod.toml");
    axelrod = time_axelrod(scenario.file.config, axelrod_repetitions);
  } catch (const InputError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  }
  const std::string load_end = load_average();

  std::string text;
  text += fmt::format("- commit: {}\n", std::string(CONVIVIA_GIT_COMMIT).substr(0, 12));
  text += fmt::format("- 1-minute load average: {} at the start, {} at the end\n", load_start, load_end);
  text += fmt::format("- one thread; Schelling: median of {} runs (seeds 42..{}), setup not timed in the model time; "
                      "Axelrod: median of {} runs\n\n",
                      repetitions, 41 + repetitions, axelrod_repetitions);
  text += "| model | setup ms | 20-step model ms (median) | min | max | target | final % similar |\n";
  text += "|---|---:|---:|---:|---:|---|---:|\n";
  for (const SchellingTiming& t : schelling) {
    text += fmt::format("| {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {} | {:.1f} |\n", t.name, t.setup_ms, t.model_ms,
                        t.model_ms_min, t.model_ms_max, t.name == "schelling-large" ? "<= 5 ms" : "-",
                        t.percent_similar);
  }
  text += "\nPer-step time in ms (median over runs):\n\n| step |";
  for (const SchellingTiming& t : schelling) text += " " + t.name + " |";
  text += "\n|---:|";
  for (std::size_t i = 0; i < schelling.size(); ++i) text += "---:|";
  text += "\n";
  for (std::size_t step = 0; step < schelling.front().step_ms_median.size(); ++step) {
    text += fmt::format("| {} |", step + 1);
    for (const SchellingTiming& t : schelling) {
      text += step < t.step_ms_median.size() ? fmt::format(" {:.4f} |", t.step_ms_median[step]) : " - |";
    }
    text += "\n";
  }
  text += fmt::format("\n| model | time to absorption ms (median) | min | max | events (median) | mean stable regions |\n"
                      "|---|---:|---:|---:|---:|---:|\n| axelrod F=5 q=10 | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.2f} |\n",
                      axelrod.ms, axelrod.ms_min, axelrod.ms_max, axelrod.events, axelrod.regions);
  fmt::print("{}", text);

  if (!markdown.empty()) {
    std::ofstream out(markdown, std::ios::app);
    char date[16];
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    out << "\n## Reference-model benchmark, " << date << "\n\n" << text;
    if (!out) {
      fmt::print(stderr, "error: cannot write {}\n", markdown);
      return 1;
    }
  }
  const bool large_in_target = schelling.back().model_ms <= 5.0;
  if (!large_in_target) fmt::print("\nnote: the large Schelling median is above the 5 ms target\n");
  return 0;
}
