// Building and writing the analysis tables (see analysis_tables.hpp).
#include "analysis/analysis_tables.hpp"

#include "analysis/analysis_file.hpp"
#include "analysis/point_statistics.hpp"
#include "analysis/sweep_sensitivity.hpp"
#include "io/atomic_file.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"

#include <filesystem>

namespace convivia::sweep {

AnalysisTables build_analysis_tables(const CollectedSweep& sweep, const std::string& baseline) {
  if (sweep.run_count() == 0) throw InputError(sweep.path, 0, "design/point", "a sweep with at least one run");
  AnalysisTables result;
  result.baseline_point = find_baseline_point(sweep, baseline);
  for (std::size_t r = 0; r < sweep.run_count(); ++r)
    if (sweep.point[r] == result.baseline_point) result.baseline_label = sweep.label[r];
  result.tables.push_back(point_summary_table(summarise_points(sweep)));
  if (sweep.point_count() > 1) {
    result.effects = point_effects(sweep, result.baseline_point);
    result.tables.push_back(effects_table(result.effects, result.baseline_point, result.baseline_label));
  }
  if (sweep.design == "saltelli") result.tables.push_back(sobol_table_of(sobol_table(sweep)));
  if (sweep.design == "morris") result.tables.push_back(morris_table_of(morris_table(sweep)));
  return result;
}

std::vector<std::string> write_analysis_tables(const std::string& directory, const std::vector<Table>& tables,
                                               const std::string& collected_path) {
  std::error_code code;
  std::filesystem::create_directories(directory, code);
  if (code) throw OutputError("cannot create " + directory + ": " + code.message());
  std::vector<std::string> written;
  for (const Table& table : tables) {
    const std::string path = (std::filesystem::path(directory) / (table.name + ".csv")).string();
    write_file_atomically(path, csv_text(table));
    written.push_back(path);
  }
  const std::string h5 = (std::filesystem::path(directory) / "analysis.h5").string();
  write_analysis_file(h5, tables, collected_path);
  written.push_back(h5);
  return written;
}

}  // namespace convivia::sweep
