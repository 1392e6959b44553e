// Fuzzes the sweep-file parser (analysis/sweep_file) and what `convivia sweep plan` builds from an
// accepted file: the design, the runs with their seeds, each point's scenario overrides and the
// design table. The file is read as if it lay in scenarios/sweeps/, so `base = "../tests/tiny.toml"`
// reaches a real scenario. Only InputError may leave the parser; a file it accepts must plan
// without any exception. Plans of more than 20,000 runs are accepted by the parser but not built
// here: they are valid sweeps whose planning would take the fuzzer's time on size alone.
#include "analysis/sweep_file.hpp"
#include "analysis/sweep_plan.hpp"
#include "fuzz_support.hpp"
#include "io/input_error.hpp"

#include <exception>

using namespace convivia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string directory = std::string(fuzz::source_dir()) + "/scenarios/sweeps";
  sweep::SweepFile file;
  try {
    file = sweep::parse_sweep_text(text, "fuzz-sweep.toml", directory);
  } catch (const InputError&) {
    return 0;
  }
  if (sweep::design_point_count(file) * file.replicates > 20'000) return 0;
  try {
    const sweep::SweepPlan plan = sweep::make_plan(file);
    if (plan.runs.size() != plan.points.size() * static_cast<std::size_t>(file.replicates))
      fuzz::finding("the plan's runs are not points x replicates", text);
    for (std::size_t point = 0; point < plan.points.size(); ++point) (void)plan.overrides(static_cast<int>(point));
    (void)sweep::design_csv(plan);
  } catch (const std::exception& error) {
    fuzz::finding("an accepted sweep file does not plan", std::string(error.what()) + "\n" + text);
  }
  return 0;
}
