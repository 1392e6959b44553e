// The engine benchmark: throughput of the full model (every system of Simulation::step_day, default
// behaviour) on the benchmark cities of scenarios/bench at 10k, 100k and 1M residents, with 1 and 2
// threads; peak memory per resident; and the share of run time taken by the HDF5 output. It prints
// medians of several repetitions beside the project's targets (bench/README.md) and can append them as Markdown.
// The world is built once per size and copied for each repetition, so building is never timed.
// Results must not depend on the thread count: the state hashes of all runs of one size are
// compared, and the program exits non-zero if they differ (a diverged benchmark is worthless).
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"
#include "systems/simulation.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <oneapi/tbb/global_control.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef CONVIVIA_SOURCE_DIR
#define CONVIVIA_SOURCE_DIR "."
#endif
#include "convivia_git_commit.hpp"

namespace convivia {
namespace {

// The project's targets (bench/README.md) (speed and size, 2-core development machine).
constexpr double target_updates_per_second_1m = 20e6;  // 1M residents, 2 threads
constexpr double target_speedup_2_threads = 1.8;
constexpr double target_bytes_per_resident = 256.0;
constexpr double target_output_share = 0.05;
constexpr double target_linearity = 0.20;
constexpr int memory_days = 3;

struct Options {
  std::vector<std::string> sizes{"10k", "100k", "1m"};
  int days = 14;
  int repetitions = 3;
  int threads_max = 2;
  bool quick = false;
  bool full = false;
  std::string markdown;
  std::string scenarios = CONVIVIA_SOURCE_DIR;
  std::string measure_memory;  // hidden: run as the memory-measuring child for this size
};

struct ThreadResult {
  int threads = 0;
  std::vector<double> rates;  // resident-slot updates per second, one per repetition
  std::vector<double> seconds;
  double median_rate = 0.0;
  double median_seconds = 0.0;
  std::uint64_t hash = 0;
  bool hashes_agree = true;  // all repetitions at this thread count
};

struct Quietness {
  double load_at_start = 0.0, load_at_end = 0.0;
};

struct SizeResult {
  std::string size;
  std::size_t residents = 0;
  double build_seconds = 0.0;
  std::vector<ThreadResult> by_threads;
  std::optional<double> bytes_per_resident;
  bool hashes_agree = true;  // across thread counts
  // HDF5 output share (only for some sizes).
  std::optional<double> seconds_without_output, seconds_with_output, profile_output_seconds, profile_total_seconds;
};

std::string scenario_path(const Options& options, const std::string& size) {
  return (std::filesystem::path(options.scenarios) / "scenarios" / "bench" / fmt::format("city-{}.toml", size)).string();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  if (n == 0) return 0.0;
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --- machine description -------------------------------------------------------------------------

std::string cpu_model() {
  std::ifstream file("/proc/cpuinfo");
  std::string line;
  while (std::getline(file, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown CPU";
}

double memory_gib() {
  std::ifstream file("/proc/meminfo");
  std::string key;
  long long kib = 0;
  while (file >> key >> kib) {
    if (key == "MemTotal:") return static_cast<double>(kib) / (1024.0 * 1024.0);
    file.ignore(256, '\n');
  }
  return 0.0;
}

std::string machine_description() {
  return fmt::format("{}, {} cores, {:.1f} GiB memory", cpu_model(), std::thread::hardware_concurrency(), memory_gib());
}

// The 1-minute load average: how quiet the machine was (a 2-core machine is quiet below about 0.5).
double load_average() {
  std::ifstream file("/proc/loadavg");
  double one_minute = -1.0;
  file >> one_minute;
  return one_minute;
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

// --- peak memory -----------------------------------------------------------------------------------

// The child: loads, builds and runs a few days, then reports its own peak resident set size.
int measure_memory_child(const Options& options) {
  LoadedScenario scenario = load_scenario(scenario_path(options, options.measure_memory), {"run.days=" + std::to_string(memory_days)});
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(options.threads_max));
  // Moved, not copied, so the figure is that of a real run.
  Simulation simulation(scenario.file.config, build_world(scenario));
  RunObserver none;
  simulation.start(none);
  for (int day = 0; day < memory_days; ++day) simulation.step_day(none);
  simulation.finish(none);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("residents {} maxrss_kib {}\n", simulation.world().residents.size(), usage.ru_maxrss);
  return 0;
}

// Re-invokes this program with --measure-memory SIZE. Run before the parent builds anything large:
// on Linux a child's ru_maxrss starts from what it inherited at fork and exec, so the parent must be
// small at that moment for the child's figure to be its own.
std::optional<double> measure_bytes_per_resident(const Options& options, const std::string& size) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return std::nullopt;
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    const std::string threads = std::to_string(options.threads_max);
    const char* argv[] = {"convivia_engine_bench", "--measure-memory", size.c_str(), "--scenarios", options.scenarios.c_str(),
                          "--threads-max", threads.c_str(), nullptr};
    execv("/proc/self/exe", const_cast<char* const*>(argv));
    _exit(127);
  }
  close(pipe_fds[1]);
  std::string output;
  char buffer[256];
  ssize_t n = 0;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) output.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  std::istringstream in(output);
  std::string word_residents, word_maxrss;
  double residents = 0, maxrss_kib = 0;
  if (!(in >> word_residents >> residents >> word_maxrss >> maxrss_kib) || residents <= 0) return std::nullopt;
  return maxrss_kib * 1024.0 / residents;
}

// --- throughput ------------------------------------------------------------------------------------

struct TimedRun {
  double seconds = 0.0;
  std::int64_t updates = 0;
  std::uint64_t hash = 0;
};

// One run on a fresh copy of the world; only the loop of step_day is timed.
TimedRun timed_run(const ScenarioConfig& config, const World& world, int days) {
  Simulation simulation(config, World(world));
  RunObserver none;
  simulation.start(none);
  const auto start = std::chrono::steady_clock::now();
  for (int day = 0; day < days; ++day) simulation.step_day(none);
  const double seconds = seconds_since(start);
  simulation.finish(none);
  return {seconds, simulation.resident_slot_updates(), simulation.state_hash()};
}

// The HDF5 output share: the same days with and without the writer, start and finish included
// (the writer records the world at start and closes the file at finish).
void measure_output_share(const LoadedScenario& scenario, const World& world, int days, int threads, SizeResult& result) {
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const ScenarioConfig& config = scenario.file.config;
  {
    Simulation simulation(config, World(world));
    RunObserver none;
    const auto start = std::chrono::steady_clock::now();
    simulation.start(none);
    for (int day = 0; day < days; ++day) simulation.step_day(none);
    simulation.finish(none);
    result.seconds_without_output = seconds_since(start);
  }
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / fmt::format("convivia-engine-bench-{}", getpid());
  std::filesystem::create_directories(directory);
  struct RemoveDirectory {
    std::filesystem::path path;
    ~RemoveDirectory() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  } cleanup{directory};
  Simulation simulation(config, World(world));
  Hdf5RunWriter writer((directory / "run.h5").string(), make_provenance(scenario.file.text, config.run.seed));
  const auto start = std::chrono::steady_clock::now();
  simulation.start(writer);
  for (int day = 0; day < days; ++day) simulation.step_day(writer);
  simulation.finish(writer);
  result.seconds_with_output = seconds_since(start);
  result.profile_total_seconds = simulation.profile().total_seconds();
  for (const Profile::Entry& entry : simulation.profile().entries())
    if (entry.name == "output") result.profile_output_seconds = entry.seconds;
}

SizeResult measure_size(const Options& options, const std::string& size, bool with_output_share) {
  SizeResult result;
  result.size = size;
  fmt::print(stderr, "[{}] loading and building the world...\n", size);
  LoadedScenario scenario = load_scenario(scenario_path(options, size), {"run.days=" + std::to_string(options.days)});
  const auto build_start = std::chrono::steady_clock::now();
  const World world = build_world(scenario);
  result.build_seconds = seconds_since(build_start);
  result.residents = world.residents.size();

  for (int threads = 1; threads <= options.threads_max; ++threads) {
    tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    ThreadResult t;
    t.threads = threads;
    for (int rep = 0; rep < options.repetitions; ++rep) {
      const TimedRun run = timed_run(scenario.file.config, world, options.days);
      const double rate = static_cast<double>(run.updates) / run.seconds;
      fmt::print(stderr, "[{}] {} thread(s), repetition {}: {:.3f} s, {:.2f} M updates/s, hash {:016x}\n", size, threads, rep + 1,
                 run.seconds, rate / 1e6, run.hash);
      if (rep == 0) t.hash = run.hash;
      if (run.hash != t.hash) t.hashes_agree = false;
      t.rates.push_back(rate);
      t.seconds.push_back(run.seconds);
    }
    t.median_rate = median(t.rates);
    t.median_seconds = median(t.seconds);
    result.by_threads.push_back(t);
  }
  for (const ThreadResult& t : result.by_threads)
    if (!t.hashes_agree || t.hash != result.by_threads.front().hash) result.hashes_agree = false;

  if (with_output_share) {
    fmt::print(stderr, "[{}] HDF5 output share: {} days with and without the writer...\n", size, options.days);
    measure_output_share(scenario, world, options.days, options.threads_max, result);
  }
  return result;
}

// --- report ----------------------------------------------------------------------------------------

const ThreadResult* find_threads(const SizeResult& size, int threads) {
  for (const ThreadResult& t : size.by_threads)
    if (t.threads == threads) return &t;
  return nullptr;
}

std::string verdict_at_least(double measured, double target) {
  if (measured >= target) return "met";
  return fmt::format("NOT MET ({:.0f}% short)", 100.0 * (target - measured) / target);
}

std::string verdict_at_most(double measured, double target) {
  if (measured <= target) return "met";
  return fmt::format("NOT MET ({:.0f}% over)", 100.0 * (measured - target) / target);
}

// Lines of the target check, shared by the terminal and Markdown reports.
std::vector<std::string> target_lines(const std::vector<SizeResult>& results) {
  std::vector<std::string> lines;
  for (const SizeResult& s : results) {
    const ThreadResult* two = find_threads(s, 2);
    if (s.size == "1m" && two != nullptr)
      lines.push_back(fmt::format("throughput at 1M residents, 2 threads: {:.2f} M updates/s; target at least {:.0f} M: {}",
                                  two->median_rate / 1e6, target_updates_per_second_1m / 1e6,
                                  verdict_at_least(two->median_rate, target_updates_per_second_1m)));
  }
  for (const SizeResult& s : results) {
    const ThreadResult* one = find_threads(s, 1);
    const ThreadResult* two = find_threads(s, 2);
    if (one != nullptr && two != nullptr)
      lines.push_back(fmt::format("speedup 1 to 2 threads at {}: {:.2f}x; target at least {:.1f}x: {}", s.size,
                                  two->median_rate / one->median_rate, target_speedup_2_threads,
                                  verdict_at_least(two->median_rate / one->median_rate, target_speedup_2_threads)));
  }
  for (const SizeResult& s : results)
    if (s.bytes_per_resident)
      lines.push_back(fmt::format("peak memory at {}: {:.0f} bytes per resident; target at most {:.0f}: {}", s.size,
                                  *s.bytes_per_resident, target_bytes_per_resident,
                                  verdict_at_most(*s.bytes_per_resident, target_bytes_per_resident)));
  for (const SizeResult& s : results)
    if (s.seconds_with_output && s.seconds_without_output) {
      const double share = (*s.seconds_with_output - *s.seconds_without_output) / *s.seconds_with_output;
      const double profile_share = *s.profile_output_seconds / *s.profile_total_seconds;
      lines.push_back(fmt::format(
          "HDF5 output at {}: {:.1f}% of run time ({:.3f} s with, {:.3f} s without; the profile's output entry: {:.1f}%); "
          "target under {:.0f}%: {}",
          s.size, 100.0 * share, *s.seconds_with_output, *s.seconds_without_output, 100.0 * profile_share,
          100.0 * target_output_share, verdict_at_most(std::max(share, profile_share), target_output_share)));
    }
  // Linear cost: time per resident-slot at each size against the largest size measured.
  if (results.size() >= 2) {
    const SizeResult& largest = results.back();
    const int threads = largest.by_threads.back().threads;
    std::string text = fmt::format("cost growth ({} threads), time per resident-slot relative to {}:", threads, largest.size);
    double worst = 0.0;
    for (const SizeResult& s : results) {
      const ThreadResult* t = find_threads(s, threads);
      if (t == nullptr) continue;
      const double relative = largest.by_threads.back().median_rate / t->median_rate;
      worst = std::max(worst, std::abs(relative - 1.0));
      text += fmt::format(" {} {:.2f}", s.size, relative);
    }
    text += fmt::format("; target within {:.0f}% of linear: {}", 100.0 * target_linearity,
                        worst <= target_linearity ? "met" : fmt::format("NOT MET (off by up to {:.0f}%)", 100.0 * worst));
    lines.push_back(text);
  }
  bool agree = true;
  for (const SizeResult& s : results) agree = agree && s.hashes_agree;
  lines.push_back(agree ? "determinism: state hash identical for every thread count and repetition at every size"
                        : "determinism: STATE HASHES DIFFER between runs (see above); the figures are not valid");
  return lines;
}

std::string bytes_text(const SizeResult& s) {
  return s.bytes_per_resident ? fmt::format("{:.0f}", *s.bytes_per_resident) : std::string("-");
}

void print_table(const std::vector<SizeResult>& results, const Options& options) {
  fmt::print("\nengine benchmark: full model, default behaviour, {} days, median of {} repetition(s)\n", options.days,
             options.repetitions);
  fmt::print("{:<5} {:>9} {:>7} {:>15} {:>9} {:>9} {:>8} {:>14} {:>16} {:>16}\n", "size", "residents", "threads",
             "median M upd/s", "min", "max", "s/day", "vs 1 thread", "bytes/resident", "hash");
  for (const SizeResult& s : results) {
    const ThreadResult* one = find_threads(s, 1);
    for (const ThreadResult& t : s.by_threads) {
      const auto [min_rate, max_rate] = std::minmax_element(t.rates.begin(), t.rates.end());
      std::string ratio = "-";
      if (t.threads > 1 && one != nullptr) ratio = fmt::format("{:.2f}x", t.median_rate / one->median_rate);
      if (t.threads == 2) ratio += fmt::format(" [>={:.1f}]", target_speedup_2_threads);
      std::string rate = fmt::format("{:.2f}", t.median_rate / 1e6);
      if (s.size == "1m" && t.threads == 2) rate += fmt::format(" [>={:.0f}]", target_updates_per_second_1m / 1e6);
      fmt::print("{:<5} {:>9} {:>7} {:>15} {:>9.2f} {:>9.2f} {:>8.3f} {:>14} {:>16} {:>16x}\n", s.size, s.residents, t.threads, rate,
                 *min_rate / 1e6, *max_rate / 1e6, t.median_seconds / options.days, ratio,
                 t.threads == 1 ? fmt::format("{} [<={:.0f}]", bytes_text(s), target_bytes_per_resident) : std::string(),
                 t.hash);
    }
  }
  fmt::print("[the project's targets (bench/README.md) in brackets]\n\n");
  for (const std::string& line : target_lines(results)) fmt::print("{}\n", line);
}

bool append_markdown(const std::string& path, const std::vector<SizeResult>& results, const Options& options,
                     const Quietness& quietness) {
  std::ofstream out(path, std::ios::app);
  out << fmt::format("## Engine benchmark, {}\n\n", today_utc());
  out << fmt::format("- commit: {}\n", CONVIVIA_GIT_COMMIT);
  out << fmt::format("- machine: {}\n", machine_description());
  out << fmt::format("- 1-minute load average: {:.2f} at the start, {:.2f} at the end\n", quietness.load_at_start,
                     quietness.load_at_end);
  out << fmt::format("- run: full model, default behaviour, {} simulated days per run, median of {} repetition(s); "
                     "updates/s = resident-slot updates / wall seconds of the stepping loop\n\n",
                     options.days, options.repetitions);
  out << "| size | residents | threads | median M updates/s | min | max | s per day | vs 1 thread | bytes/resident |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const SizeResult& s : results) {
    const ThreadResult* one = find_threads(s, 1);
    for (const ThreadResult& t : s.by_threads) {
      const auto [min_rate, max_rate] = std::minmax_element(t.rates.begin(), t.rates.end());
      const std::string ratio = t.threads > 1 && one != nullptr ? fmt::format("{:.2f}x", t.median_rate / one->median_rate) : "-";
      out << fmt::format("| {} | {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.3f} | {} | {} |\n", s.size, s.residents, t.threads,
                         t.median_rate / 1e6, *min_rate / 1e6, *max_rate / 1e6, t.median_seconds / options.days, ratio,
                         t.threads == 1 ? bytes_text(s) : std::string());
    }
  }
  out << "\nTargets (bench/README.md): at least 20 M updates/s at 1M residents with 2 threads; at least 1.8x from 1 to 2 "
         "threads; at most 256 bytes per resident; HDF5 output under 5% of run time; cost linear within 20%.\n\n";
  for (const std::string& line : target_lines(results)) out << "- " << line << "\n";
  out << "\n";
  return static_cast<bool>(out);
}

int run(Options options) {
  if (options.quick) {
    options.sizes = {"10k", "100k"};
    options.days = 3;
    options.repetitions = 1;
  }
  for (const std::string& size : options.sizes)
    if (!std::filesystem::exists(scenario_path(options, size))) {
      fmt::print(stderr, "error: no benchmark scenario {} (use --scenarios to give the source directory)\n",
                 scenario_path(options, size));
      return 2;
    }
  fmt::print(stderr, "machine: {}; commit {}\n", machine_description(), CONVIVIA_GIT_COMMIT);
  Quietness quietness;
  quietness.load_at_start = load_average();

  // Memory first, while this process is still small (see measure_bytes_per_resident).
  std::map<std::string, std::optional<double>> bytes;
  for (const std::string& size : options.sizes) {
    fmt::print(stderr, "[{}] peak memory in a child process...\n", size);
    bytes[size] = measure_bytes_per_resident(options, size);
    if (!bytes[size]) fmt::print(stderr, "[{}] warning: the memory measurement failed\n", size);
  }

  std::vector<SizeResult> results;
  for (const std::string& size : options.sizes) {
    const bool with_output_share = size == "100k" || (options.full && size == "1m");
    results.push_back(measure_size(options, size, with_output_share));
    results.back().bytes_per_resident = bytes[size];
  }
  quietness.load_at_end = load_average();
  print_table(results, options);
  fmt::print("1-minute load average: {:.2f} at the start, {:.2f} at the end\n", quietness.load_at_start, quietness.load_at_end);
  if (!options.markdown.empty() && !append_markdown(options.markdown, results, options, quietness)) {
    fmt::print(stderr, "error: cannot append to {}\n", options.markdown);
    return 1;
  }
  for (const SizeResult& s : results)
    if (!s.hashes_agree) return 1;
  return 0;
}

}  // namespace
}  // namespace convivia

int main(int argc, char** argv) {
  convivia::Options options;
  CLI::App app{"Convivia engine benchmark: throughput, parallel speedup, memory and output share of the full model"};
  app.add_option("--sizes", options.sizes, "Benchmark cities to run (scenarios/bench/city-SIZE.toml)")
      ->delimiter(',')
      ->check(CLI::IsMember({"10k", "100k", "1m"}));
  app.add_option("--days", options.days, "Simulated days per run (14 includes a monthly indicator step)")->check(CLI::Range(1, 3650));
  app.add_option("--repetitions", options.repetitions, "Timed runs per size and thread count; the median is reported")
      ->check(CLI::Range(1, 100));
  app.add_option("--threads-max", options.threads_max, "Measure 1..T threads")->check(CLI::Range(1, 256));
  app.add_flag("--quick", options.quick, "Smoke test: 10k and 100k, 3 days, 1 repetition");
  app.add_flag("--full", options.full, "Also measure the HDF5 output share at 1M residents");
  app.add_option("--markdown", options.markdown, "Append the results as Markdown to FILE");
  app.add_option("--scenarios", options.scenarios, "Source directory holding scenarios/bench");
  app.add_option("--measure-memory", options.measure_memory, "")->group("");  // internal: the memory child
  CLI11_PARSE(app, argc, argv);
  try {
    if (!options.measure_memory.empty()) return convivia::measure_memory_child(options);
    return convivia::run(options);
  } catch (const std::exception& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 1;
  }
}
