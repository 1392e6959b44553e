// Sweep files (docs/sweeps.md): a TOML file naming a base scenario, the factors to vary (each a
// scenario key with a list of values or a range with a distribution), the design that combines
// them, replicates, a master seed and the outcomes to keep. Parsed once at the boundary into plain
// structs; every problem is an InputError naming the sweep file, the line and the key, like
// scenario errors. Scenario keys and values are checked later, at plan time (plan_check.hpp),
// through the same overrides as `convivia run --set`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace convivia::sweep {

// What one run of the sweep evaluates: the base scenario (through `convivia run`), or a built-in
// test function with known sensitivity indices (test_models.hpp), evaluated in process.
enum class SweepModel { scenario, ishigami, sobol_g };

enum class DesignKind { full_factorial, latin_hypercube, sobol, morris, saltelli };

enum class Distribution { uniform, log_uniform, integer, normal };

// One value of a list factor: its TOML literal as `--set` takes it, a label for tables and plots,
// and the number it stands for (NaN for strings, arrays and tables; booleans are 0 and 1).
struct FactorValue {
  std::string literal;
  std::string label;
  double number = 0.0;
  int line = 0;  // line of the value in the sweep file
};

// A key set to one value in every run ([set] table).
struct FixedValue {
  std::string key;
  std::string literal;
  int line = 0;
};

struct FactorSpec {
  std::string name;  // column name in the design table (default: the key)
  std::string key;   // scenario key (or test-model input) the factor sets
  int line = 0;      // line of the factor's [[factors]] header
  int index = 0;     // position among the factors
  bool policy = false;  // a policy factor: runs that differ only in policy factors share seeds

  // A list of values ...
  std::vector<FactorValue> values;
  // ... or a range with a distribution: uniform, log_uniform and integer on [min, max], normal with
  // mean and sd truncated to [min, max].
  bool is_range = false;
  Distribution distribution = Distribution::uniform;
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
  double sd = 0.0;
  int levels = 0;  // full factorial: evenly spaced levels of a range (0 for list factors)
  int range_line = 0;

  // Levels in a full factorial: the values of a list, `levels` of a range.
  int level_count() const { return is_range ? levels : static_cast<int>(values.size()); }
};

struct DesignSpec {
  DesignKind kind = DesignKind::full_factorial;
  int points = 0;        // latin_hypercube, sobol
  int trajectories = 0;  // morris
  int levels = 4;        // morris grid levels (even)
  int base_points = 0;   // saltelli: N, giving N * (factors + 2) design points
  int line = 0;
};

enum class Summary { final, mean, min, max, series };

// One outcome kept per run: a scalar summary of a series of the run file, or the whole series.
struct OutcomeSpec {
  std::string name;
  std::string series;  // dataset path in the run file, e.g. "daily/diversity_resource_share"
  Summary summary = Summary::final;
  std::optional<std::pair<double, double>> window;  // inclusive, in the units of the series' time axis
  std::vector<std::pair<std::string, std::string>> select;  // dimension name -> label to pick
  int line = 0;
};

struct SweepFile {
  std::string path;       // as given
  std::string directory;  // absolute directory of the sweep file
  std::string text;       // verbatim
  std::string name;
  std::string description;
  SweepModel model = SweepModel::scenario;
  std::string base;  // absolute path of the base scenario (model = scenario)
  std::uint64_t seed = 1;
  int replicates = 1;
  bool common_random_numbers = true;
  std::vector<FixedValue> fixed;  // [set]: applied to every run, before the factors
  DesignSpec design;
  std::vector<FactorSpec> factors;
  std::vector<OutcomeSpec> outcomes;
};

// Reads and checks a sweep file; throws InputError (file, line, key) on any problem.
SweepFile read_sweep_file(const std::string& path);
SweepFile parse_sweep_text(const std::string& text, const std::string& display_path, const std::string& directory);

// Design points the file's design makes (a double: a full factorial's product may exceed any int).
double design_point_count(const SweepFile& sweep);

const char* design_kind_name(DesignKind kind);
const char* distribution_name(Distribution distribution);
const char* summary_name(Summary summary);
const char* model_name(SweepModel model);
// The model of that name in a sweep file ("scenario", "ishigami", "sobol_g"), or none.
std::optional<SweepModel> model_from_name(const std::string& name);

}  // namespace convivia::sweep
