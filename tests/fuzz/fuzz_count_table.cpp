// Fuzzes the census-table reader of `convivia segregation` and the indices computed from what it
// accepts. The input is the CSV text, optionally followed by a line "#--options" and lines
// "id=<column>" or "ignore=<column>". Every index of an accepted table must be a number in [0, 1].
#include "fuzz_support.hpp"
#include "io/count_table_reader.hpp"
#include "io/input_error.hpp"
#include "systems/segregation.hpp"

#include <cmath>
#include <sstream>

using namespace convivia;

namespace {

void require_share(double value, const char* name) {
  if (!(value >= -1e-9 && value <= 1.0 + 1e-9)) fuzz::finding("an index outside [0, 1]", std::string(name) + " = " + std::to_string(value));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> parts = fuzz::split_parts(data, size, "#--options", 2);
  CountTableOptions options;
  std::istringstream lines(parts[1]);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("id=", 0) == 0) options.id_column = line.substr(3);
    if (line.rfind("ignore=", 0) == 0) options.ignored_columns.push_back(line.substr(7));
  }
  try {
    const CountTable table = parse_count_table(parts[0], "fuzz.csv", options);
    const SegregationIndices indices = compute_segregation(table.counts, table.unit_count(), table.group_count());
    require_share(indices.multigroup_dissimilarity, "multigroup dissimilarity");
    require_share(indices.theil_h, "Theil's H");
    for (const double d : indices.dissimilarity) require_share(d, "dissimilarity");
    for (const double d : pairwise_dissimilarity(table.counts, table.unit_count(), table.group_count()))
      require_share(d, "pairwise dissimilarity");
  } catch (const InputError&) {
  }
  return 0;
}
