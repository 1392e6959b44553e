// Reads a district table (CSV) and its polygons (GeoJSON) and joins them on the district id.
// Validation is strict and every message names the file, the line or JSON key and what was expected,
// because these files are written or exported by users and mistakes in them are common.
#include "io/district_table_reader.hpp"

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string_view>

namespace convivia {
namespace {

constexpr std::size_t max_listed = 5;

// "a", "b", "c" and 4 more
std::string list_up_to(const std::vector<std::string>& items, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) text += (i == 0 ? "" : ", ") + in_quotes(items[i]);
  if (items.size() > limit) text += " and " + std::to_string(items.size() - limit) + " more";
  return text;
}

std::int64_t parse_count(const std::string& field, const std::string& file, int line, const std::string& column) {
  return parse_resident_count(field, file, line, column, "district", "");
}

struct TableColumns {
  std::size_t id = 0;
  std::size_t name = 0;
  std::size_t total = 0;
  bool has_total = false;
  std::vector<std::size_t> groups;
};

TableColumns find_columns(const CsvRow& header, const ImportedCityConfig& config) {
  const std::string& file = config.district_table;
  std::map<std::string, std::size_t> index_of;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string& name = header.fields[c];
    if (name.empty()) throw InputError(file, header.line, "column " + std::to_string(c + 1), "a column name in the header");
    if (!index_of.emplace(name, c).second) throw InputError(file, header.line, name, "each column name only once in the header");
  }
  const auto require = [&](const std::string& name, const char* key) {
    const auto found = index_of.find(name);
    if (found == index_of.end()) {
      throw InputError(file, header.line, name,
                       std::string("a column named by city.import.") + key + " in the header, which has " +
                           list_up_to(header.fields, header.fields.size()));
    }
    return found->second;
  };
  TableColumns columns;
  columns.id = require(config.id_column, "id_column");
  columns.name = require(config.name_column, "name_column");
  if (!config.total_column.empty()) {
    const auto found = index_of.find(config.total_column);
    columns.has_total = found != index_of.end();
    if (columns.has_total) columns.total = found->second;
  }
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    if (c == columns.id || c == columns.name || (columns.has_total && c == columns.total)) continue;
    columns.groups.push_back(c);
  }
  if (columns.groups.empty()) {
    throw InputError(file, header.line, "", "at least one group column besides the id, name and total columns");
  }
  return columns;
}

DistrictTable read_table(const ImportedCityConfig& config) {
  const std::string& file = config.district_table;
  const std::vector<CsvRow> rows = read_csv_file(file);
  if (rows.empty()) throw InputError(file, 0, "", "a header row and at least one district row; the file is empty");
  if (rows.size() < 2) throw InputError(file, rows.front().line, "", "at least one district row after the header");
  const CsvRow& header = rows.front();
  const TableColumns columns = find_columns(header, config);

  DistrictTable table;
  for (const std::size_t c : columns.groups) table.group_names.push_back(header.fields[c]);
  std::map<std::string, int> line_of_id;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() != header.fields.size()) {
      throw InputError(file, row.line, "", std::to_string(header.fields.size()) + " fields as in the header, got " +
                                               std::to_string(row.fields.size()));
    }
    DistrictRecord record;
    record.id = std::string(trim_field(row.fields[columns.id]));
    record.name = std::string(trim_field(row.fields[columns.name]));
    if (record.id.empty()) throw InputError(file, row.line, config.id_column, "a district id");
    if (const auto [it, inserted] = line_of_id.emplace(record.id, row.line); !inserted) {
      throw InputError(file, row.line, config.id_column,
                       "a unique district id; " + in_quotes(record.id) + " is already on line " + std::to_string(it->second));
    }
    std::int64_t sum = 0;
    for (const std::size_t c : columns.groups) {
      record.residents_by_group.push_back(parse_count(row.fields[c], file, row.line, header.fields[c]));
      sum += record.residents_by_group.back();
    }
    if (columns.has_total) {
      const std::int64_t total = parse_count(row.fields[columns.total], file, row.line, config.total_column);
      if (total != sum) {
        throw InputError(file, row.line, config.total_column,
                         "the sum of the group columns (" + std::to_string(sum) + "), got " + std::to_string(total));
      }
    }
    table.districts.push_back(std::move(record));
  }
  return table;
}

// 1-based line of a byte offset, for JSON syntax errors.
int line_at(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

using nlohmann::json;

LonLatRing read_ring(const json& ring, const std::string& file, const std::string& key) {
  if (!ring.is_array() || ring.size() < 4) {
    throw InputError(file, 0, key, "a linear ring: an array of at least 4 positions (the first repeated as the last)");
  }
  LonLatRing result;
  result.reserve(ring.size());
  for (std::size_t p = 0; p < ring.size(); ++p) {
    const json& position = ring[p];
    const std::string position_key = key + "[" + std::to_string(p) + "]";
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) {
      throw InputError(file, 0, position_key, "a position [longitude, latitude] of two numbers");
    }
    const LonLat point{position[0].get<double>(), position[1].get<double>()};
    if (!(point.lon >= -180.0 && point.lon <= 180.0) || !(point.lat >= -90.0 && point.lat <= 90.0)) {
      throw InputError(file, 0, position_key,
                       "a WGS84 longitude in [-180, 180] and latitude in [-90, 90], got [" + position[0].dump() + ", " +
                           position[1].dump() + "] (is the file in a projected coordinate system?)");
    }
    result.push_back(point);
  }
  return result;
}

LonLatPolygon read_polygon(const json& rings, const std::string& file, const std::string& key) {
  if (!rings.is_array() || rings.empty()) throw InputError(file, 0, key, "a polygon: an array of rings, the outer ring first");
  LonLatPolygon polygon;
  polygon.outer = read_ring(rings[0], file, key + "[0]");
  for (std::size_t r = 1; r < rings.size(); ++r) polygon.holes.push_back(read_ring(rings[r], file, key + "[" + std::to_string(r) + "]"));
  return polygon;
}

std::vector<LonLatPolygon> read_geometry(const json& geometry, const std::string& file, const std::string& key) {
  // find() on a non-object (null, a number) gives end(), so a missing geometry is caught here too.
  const auto type = geometry.find("type");
  const auto coordinates = geometry.find("coordinates");
  const bool named = type != geometry.end() && type->is_string();
  if (!named || (*type != "Polygon" && *type != "MultiPolygon") || coordinates == geometry.end()) {
    const std::string got = named ? type->get<std::string>() : geometry.dump().substr(0, 40);
    throw InputError(file, 0, key, "a Polygon or MultiPolygon geometry, got " + got);
  }
  const std::string coordinates_key = key + ".coordinates";
  if (*type == "Polygon") return {read_polygon(*coordinates, file, coordinates_key)};
  if (!coordinates->is_array()) throw InputError(file, 0, coordinates_key, "an array of polygons");
  std::vector<LonLatPolygon> polygons;
  for (std::size_t p = 0; p < coordinates->size(); ++p) {
    polygons.push_back(read_polygon((*coordinates)[p], file, coordinates_key + "[" + std::to_string(p) + "]"));
  }
  return polygons;
}

// Polygons per district id, and the ids in file order (for messages).
struct PolygonsById {
  std::map<std::string, std::vector<LonLatPolygon>> polygons;
  std::vector<std::string> ids_in_order;
};

PolygonsById read_polygons(const ImportedCityConfig& config) {
  const std::string& file = config.district_polygons;
  const std::string text = read_text_file(file);
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    // byte is 1-based and points just past the offending character.
    throw InputError(file, line_at(text, error.byte == 0 ? 0 : error.byte - 1), "", std::string("valid JSON: ") + error.what());
  }
  if (!document.is_object() || document.value("type", json()) != "FeatureCollection" || !document.contains("features") ||
      !document["features"].is_array()) {
    throw InputError(file, 0, "type", "a GeoJSON FeatureCollection with a \"features\" array");
  }
  PolygonsById result;
  const json& features = document["features"];
  for (std::size_t f = 0; f < features.size(); ++f) {
    const json& feature = features[f];
    const std::string key = "features[" + std::to_string(f) + "]";
    if (!feature.is_object()) throw InputError(file, 0, key, "a GeoJSON Feature object");
    const json* id_value = nullptr;
    if (const auto properties = feature.find("properties"); properties != feature.end() && properties->is_object()) {
      if (const auto found = properties->find(config.id_column); found != properties->end()) id_value = &*found;
    }
    std::string id;
    if (id_value != nullptr && id_value->is_string()) id = std::string(trim_field(id_value->get<std::string>()));
    if (id_value != nullptr && id_value->is_number_integer()) id = id_value->dump();
    if (id.empty()) {
      throw InputError(file, 0, key + ".properties." + config.id_column,
                       "the district id (a string, as in the table's " + in_quotes(config.id_column) + " column)");
    }
    const auto geometry = feature.find("geometry");
    std::vector<LonLatPolygon> polygons =
        read_geometry(geometry != feature.end() ? *geometry : json(), file, key + ".geometry");
    auto& district_polygons = result.polygons[id];
    if (district_polygons.empty()) result.ids_in_order.push_back(id);
    for (LonLatPolygon& polygon : polygons) district_polygons.push_back(std::move(polygon));
  }
  return result;
}

}  // namespace

DistrictTable read_district_table(const ImportedCityConfig& config) {
  DistrictTable table = read_table(config);
  PolygonsById polygons = read_polygons(config);

  std::vector<std::string> without_polygon;
  for (DistrictRecord& district : table.districts) {
    const auto found = polygons.polygons.find(district.id);
    if (found == polygons.polygons.end()) {
      without_polygon.push_back(district.id + " " + district.name);
      continue;
    }
    district.polygons = std::move(found->second);
    polygons.polygons.erase(found);
  }
  if (!without_polygon.empty()) {
    throw InputError(config.district_polygons, 0, config.id_column,
                     "a polygon for every district of the table " + in_quotes(config.district_table) + "; " +
                         std::to_string(without_polygon.size()) + " have none: " + list_up_to(without_polygon, max_listed));
  }
  if (!polygons.polygons.empty()) {
    std::vector<std::string> without_row;
    for (const std::string& id : polygons.ids_in_order) {
      if (polygons.polygons.contains(id)) without_row.push_back(id);
    }
    throw InputError(config.district_polygons, 0, config.id_column,
                     "a row in the table " + in_quotes(config.district_table) + " for every polygon; " +
                         std::to_string(without_row.size()) + " ids have none: " + list_up_to(without_row, max_listed));
  }
  return table;
}

const std::vector<std::string>& default_group_colours() {
  static const std::vector<std::string> colours = {
      // Okabe-Ito
      "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
      // Paul Tol muted
      "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
      // Paul Tol light
      "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
      // Paul Tol vibrant
      "#EE7733", "#0077BB", "#33BBEE", "#EE3377", "#CC3311", "#009988",
      // Paul Tol bright
      "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377"};
  return colours;
}

void apply_district_table_groups(ScenarioConfig& config, const DistrictTable& table) {
  const std::string& file = config.city.imported.district_table;
  const std::size_t group_count = table.group_names.size();
  if (group_count > static_cast<std::size_t>(max_group_count)) {
    throw InputError(file, 0, "groups", "at most " + std::to_string(max_group_count) + " group columns, got " +
                                            std::to_string(group_count) + ": " + list_up_to(table.group_names, max_listed));
  }

  std::vector<GroupConfig> groups(group_count);
  if (config.groups.empty()) {
    for (std::size_t g = 0; g < group_count; ++g) {
      groups[g].name = table.group_names[g];
      groups[g].colour = default_group_colours()[g];
      groups[g].speaks_language = true;
    }
  } else {
    std::vector<std::string> configured;
    for (const GroupConfig& group : config.groups) configured.push_back(group.name);
    std::vector<std::string> expected = table.group_names;
    std::sort(configured.begin(), configured.end());
    std::sort(expected.begin(), expected.end());
    if (configured != expected) {
      throw InputError(file, 0, "groups",
                       "group names exactly matching the table's group columns: " +
                           list_up_to(table.group_names, table.group_names.size()));
    }
    for (std::size_t g = 0; g < group_count; ++g) {
      groups[g] = *std::find_if(config.groups.begin(), config.groups.end(),
                                [&](const GroupConfig& group) { return group.name == table.group_names[g]; });
    }
  }

  std::vector<std::int64_t> residents(group_count, 0);
  for (const DistrictRecord& district : table.districts) {
    for (std::size_t g = 0; g < group_count; ++g) residents[g] += district.residents_by_group[g];
  }
  std::int64_t total = 0;
  for (const std::int64_t count : residents) total += count;
  for (std::size_t g = 0; g < group_count; ++g) {
    groups[g].share = total > 0 ? static_cast<double>(residents[g]) / static_cast<double>(total) : 0.0;
  }
  config.groups = std::move(groups);
}

}  // namespace convivia
