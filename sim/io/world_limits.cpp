// World size limits (see world_limits.hpp). Sizes are computed in doubles from the scenario alone
// (world/world_size.hpp), so no absurd value can overflow before it is refused.
#include "io/world_limits.hpp"

#include "world/venue_kind.hpp"
#include "world/world_size.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string_view>

namespace convivia {
namespace {

std::string gib(double bytes) { return fmt::format("{:.1f} GiB", bytes / (1024.0 * 1024.0 * 1024.0)); }

std::string count_text(double value) {
  if (value < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{:.3g}", value);
}

std::optional<WorldLimitProblem> reference_model_problem(const ScenarioConfig& config) {
  const auto cells = [](std::int64_t width, std::int64_t height) { return width * height; };
  if (config.model == ModelKind::schelling && cells(config.schelling.width, config.schelling.height) > max_reference_cells) {
    return WorldLimitProblem{"schelling.width",
                             fmt::format("expected at most {} cells (width * height), got {} x {}", max_reference_cells,
                                         config.schelling.width, config.schelling.height)};
  }
  if (config.model == ModelKind::axelrod) {
    const ReferenceAxelrodConfig& a = config.axelrod;
    if (cells(a.width, a.height) > max_reference_cells) {
      return WorldLimitProblem{"axelrod.width", fmt::format("expected at most {} sites (width * height), got {} x {}",
                                                            max_reference_cells, a.width, a.height)};
    }
    if (a.max_events / a.sample_events > max_axelrod_samples) {
      return WorldLimitProblem{"axelrod.sample_events",
                               fmt::format("expected at most {} recorded samples (max_events / sample_events), got {}",
                                           max_axelrod_samples, a.max_events / a.sample_events)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<WorldLimitProblem> world_limit_problem(const ScenarioConfig& config, const DistrictTable* table,
                                                     double memory_bytes) {
  if (config.model != ModelKind::city) return reference_model_problem(config);
  const bool imported = table != nullptr;
  const std::string residents_key = imported ? "city.scale" : "city.synthetic.residents";
  const std::string cells_key = imported ? "city.cell_size_m" : "city.synthetic.district_cells";
  const PlannedWorldSize size = planned_world_size(config, table);

  if (size.residents > max_simulated_residents) {
    return WorldLimitProblem{
        residents_key, fmt::format("expected at most {} simulated residents, got {}{} (resident ids are 32-bit; lower "
                                   "city.scale)",
                                   count_text(max_simulated_residents), count_text(size.residents),
                                   imported ? " from the district table at this scale" : "")};
  }
  if (size.cells > static_cast<double>(max_grid_cells)) {
    return WorldLimitProblem{
        cells_key,
        imported ? fmt::format("expected at most {} grid cells, got {} x {} = {} cells over the district polygons at "
                               "{} m cells (do the polygons span far more than a city? else raise city.cell_size_m)",
                               max_grid_cells, count_text(size.width), count_text(size.height), count_text(size.cells),
                               config.city.cell_size_m)
                 : fmt::format("expected at most {} grid cells in total (districts_x * districts_y * district_cells^2), got {}",
                               max_grid_cells, count_text(size.cells))};
  }

  const int groups = std::max<int>(1, static_cast<int>(config.groups.size()));
  const double needed = minimum_world_bytes(size, groups, config.culture.features);
  if (needed > memory_bytes) {
    // Blame the largest part: residents, or the venue kind with the highest density.
    const double venue_part = size.venues * venue_bytes(groups);
    std::string key = residents_key;
    if (venue_part > size.residents * resident_bytes(groups, config.culture.features)) {
      int densest = 1;
      for (int kind = 1; kind < venue_kind_count; ++kind) {
        if (config.venues.kinds[static_cast<std::size_t>(kind)].per_1000_residents >
            config.venues.kinds[static_cast<std::size_t>(densest)].per_1000_residents)
          densest = kind;
      }
      key = "venues." + std::string(venue_kind_names[static_cast<std::size_t>(densest)]) + ".per_1000_residents";
    }
    return WorldLimitProblem{
        key, fmt::format("expected a world that fits in this machine's memory ({}); {} residents and {} venues need at "
                         "least {} (lower city.scale or the venue densities)",
                         gib(memory_bytes), count_text(size.residents), count_text(size.venues), gib(needed))};
  }
  return std::nullopt;
}

double machine_memory_bytes() {
  double bytes = static_cast<double>(::sysconf(_SC_PHYS_PAGES)) * static_cast<double>(::sysconf(_SC_PAGE_SIZE));
  // A container's memory limit (cgroup v2, then v1) may be lower than the machine's.
  for (const char* path : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    std::ifstream in(path);
    double limit = 0.0;
    if (in >> limit && limit > 0.0) bytes = std::min(bytes, limit);
  }
  return bytes;
}

}  // namespace convivia
