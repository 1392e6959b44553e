// Fuzzes the import of a real city: a district table (CSV) and its polygons (GeoJSON), as the input
// "<csv>\n#--geojson\n<geojson>". What the loader does with them is done too: the groups are taken
// from the table, the size limits are checked, and a city that passes and is small enough to be
// quick is planned (rasterised, counts scaled) as world building would.
#include "fuzz_support.hpp"
#include "io/district_table_reader.hpp"
#include "io/input_error.hpp"
#include "io/world_limits.hpp"
#include "world/city_plan.hpp"
#include "world/world_size.hpp"

using namespace convivia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> parts = fuzz::split_parts(data, size, "#--geojson", 2);
  ScenarioConfig config;
  config.city.source = CitySource::import;
  config.city.imported.district_table = fuzz::write_scratch_file("districts.csv", parts[0]);
  config.city.imported.district_polygons = fuzz::write_scratch_file("districts.geojson", parts[1]);
  config.city.imported.total_column = "total";
  try {
    const DistrictTable table = read_district_table(config.city.imported);
    apply_district_table_groups(config, table);
    if (world_limit_problem(config, &table, 4.0 * 1024 * 1024 * 1024)) return 0;
    // Rasterising costs time in proportion to the cells: plan only cities a fuzzer can afford.
    if (planned_world_size(config, &table).cells > 20000.0) return 0;
    const CityPlan plan = plan_imported_city(config, table);
    if (plan.city.cell_count() == 0) fuzz::finding("an imported city without cells", config.city.imported.district_table);
  } catch (const InputError&) {
  }
  return 0;
}
