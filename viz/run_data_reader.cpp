// Reading the viewer's part of a run file (see run_data_reader.hpp).
#include "run_data_reader.hpp"

#include "io/hdf5_reading.hpp"
#include "io/input_error.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>

namespace convivia::viz {
namespace {

using hdf5::read_dataset;
using hdf5::require_length;

void expect(bool condition, const std::string& message) {
  if (!condition) throw OutputError(message);
}

void read_city(hid_t file, RunData& run) {
  std::vector<hsize_t> dims;
  run.cell_district = read_dataset<std::int32_t>(file, "city/cell_district", dims);
  expect(dims.size() == 2 && dims[0] > 0 && dims[1] > 0, "/city/cell_district is not a [y, x] raster");
  run.height = static_cast<int>(dims[0]);
  run.width = static_cast<int>(dims[1]);
  run.cell_size_m = hdf5::read_double_attribute(file, "city", "cell_size_m");
  expect(run.cell_size_m > 0.0 && std::isfinite(run.cell_size_m), "/city has no positive cell_size_m");
  const auto districts = static_cast<std::int32_t>(run.district_count());
  for (const std::int32_t d : run.cell_district)
    expect(d >= -1 && d < districts, "/city/cell_district holds a district index out of range");

  std::vector<hsize_t> ring_dims, vertex_dims;
  run.ring_district = read_dataset<std::int32_t>(file, "districts/ring_district", ring_dims);
  run.ring_start = read_dataset<std::int64_t>(file, "districts/ring_start", dims);
  require_length("districts/ring_start", dims, 1, run.ring_district.size());
  run.ring_vertex_count = read_dataset<std::int32_t>(file, "districts/ring_vertex_count", dims);
  require_length("districts/ring_vertex_count", dims, 1, run.ring_district.size());
  const std::vector<double> x = read_dataset<double>(file, "districts/vertex_x_m", vertex_dims);
  const std::vector<double> y = read_dataset<double>(file, "districts/vertex_y_m", dims);
  require_length("districts/vertex_y_m", dims, 1, x.size());
  run.vertex_x_m.assign(x.begin(), x.end());
  run.vertex_y_m.assign(y.begin(), y.end());
  for (std::size_t r = 0; r < run.ring_district.size(); ++r) {
    expect(run.ring_district[r] >= 0 && run.ring_district[r] < districts, "/districts/ring_district out of range");
    expect(run.ring_start[r] >= 0 && run.ring_vertex_count[r] >= 0 &&
               run.ring_start[r] + run.ring_vertex_count[r] <= static_cast<std::int64_t>(x.size()),
           "/districts/ring_start and ring_vertex_count point past the vertex list");
  }
}

void read_venues(hid_t file, RunData& run) {
  std::vector<hsize_t> dims;
  run.venue_kind = read_dataset<std::uint8_t>(file, "venues/kind", dims);
  run.venue_x_m = read_dataset<float>(file, "venues/x_m", dims);
  require_length("venues/x_m", dims, 1, run.venue_kind.size());
  run.venue_y_m = read_dataset<float>(file, "venues/y_m", dims);
  require_length("venues/y_m", dims, 1, run.venue_kind.size());
  for (const std::uint8_t kind : run.venue_kind) expect(kind < venue_kind_names().size(), "/venues/kind out of range");
}

void read_samples(hid_t file, RunData& run) {
  std::vector<hsize_t> dims;
  run.sample_group = read_dataset<std::uint8_t>(file, "samples/group", dims);
  run.sample_count = run.sample_group.size();
  run.sample_home_venue = read_dataset<std::uint32_t>(file, "samples/home_venue", dims);
  require_length("samples/home_venue", dims, 1, run.sample_count);
  run.sample_venue = read_dataset<std::uint32_t>(file, "samples/venue", dims);
  const auto ticks = static_cast<hsize_t>(run.days() * slots_per_day);
  expect(dims.size() == 2 && dims[0] == ticks && dims[1] == run.sample_count,
         "/samples/venue is not [tick, sample] with one row per slot of the days run");
  run.sample_trust = read_dataset<float>(file, "samples/outgroup_trust", dims);
  expect(dims.size() == 2 && dims[0] == static_cast<hsize_t>(run.days()) && dims[1] == run.sample_count,
         "/samples/outgroup_trust is not [day, sample] with one row per day run");
  const std::size_t venues = run.venue_kind.size();
  for (const std::uint8_t g : run.sample_group) expect(g < run.group_count(), "/samples/group out of range");
  for (const std::uint32_t v : run.sample_home_venue) expect(v < venues, "/samples/home_venue out of range");
  for (const std::uint32_t v : run.sample_venue) expect(v < venues || v == no_venue_id, "/samples/venue out of range");
}

void read_district_figures(hid_t file, RunData& run) {
  const std::size_t months = run.month_count();
  const std::size_t districts = run.district_count();
  std::vector<hsize_t> dims;
  for (int i = 0; i < map_indicator_count; ++i) {
    const std::string path = "monthly/" + std::string(map_indicator_info(static_cast<MapIndicator>(i)).dataset);
    auto& values = run.district_values[static_cast<std::size_t>(i)];
    // Files written before the figure existed hold no such dataset: the map says "not recorded".
    if (!hdf5::has_link(file, path)) {
      values.assign(months * districts, std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    values = read_dataset<double>(file, path, dims);
    expect(dims.size() == 2 && dims[0] == months && dims[1] == districts, "/" + path + " is not [month_day, district]");
  }
  const std::vector<std::int64_t> by_group = read_dataset<std::int64_t>(file, "monthly/district_residents_by_group", dims);
  const std::size_t groups = run.group_count();
  expect(dims.size() == 3 && dims[0] == months && dims[1] == districts && dims[2] == groups,
         "/monthly/district_residents_by_group is not [month_day, district, group]");
  run.district_residents.assign(months * districts, 0);
  for (std::size_t at = 0; at < months * districts; ++at)
    run.district_residents[at] = std::accumulate(by_group.begin() + static_cast<std::ptrdiff_t>(at * groups),
                                                 by_group.begin() + static_cast<std::ptrdiff_t>((at + 1) * groups),
                                                 std::int64_t{0});
}

}  // namespace

std::uint32_t parse_colour(const std::string& text) {
  constexpr std::uint32_t grey = 0x888888;
  if (text.size() != 7 || text[0] != '#') return grey;
  char* end = nullptr;
  const unsigned long value = std::strtoul(text.c_str() + 1, &end, 16);
  return end == text.c_str() + 7 ? static_cast<std::uint32_t>(value) : grey;
}

RunData read_run_data(const std::string& path) {
  RunData run;
  run.headline = read_run_file(path);  // refuses files that are not Convivia city runs
  run.source = path;
  run.scenario_name = run.headline.scenario_name;
  run.seed = run.headline.seed;
  try {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
    run.start_weekday = static_cast<int>(hdf5::read_int_attribute(file.get(), "start_weekday") % 7);
    std::vector<hsize_t> dims;
    const std::vector<std::string> colours = hdf5::read_string_dataset(file.get(), "groups/colour");
    expect(colours.size() == run.group_count(), "/groups/colour does not have one entry per group");
    for (const std::string& colour : colours) run.group_rgb.push_back(parse_colour(colour));
    read_city(file.get(), run);
    read_venues(file.get(), run);
    read_samples(file.get(), run);
    read_district_figures(file.get(), run);
  } catch (const OutputError& failure) {
    throw InputError(path, 0, "", std::string("damaged or incomplete run file: ") + failure.what());
  }
  return run;
}

}  // namespace convivia::viz
