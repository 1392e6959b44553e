// Import of a real city: a district table (CSV, residents per origin group) and the districts'
// polygons (GeoJSON FeatureCollection in WGS84 lon/lat, RFC 7946), joined on the district id.
// File paths in ImportedCityConfig are used as given: the scenario loader resolves them against the
// scenario's directory first. Everything is validated here, at the boundary; the engine only asserts.
#pragma once

#include "world/district_table.hpp"
#include "world/scenario_config.hpp"

#include <string>
#include <vector>

namespace convivia {

// Reads the CSV and the GeoJSON into one record per table row, in table order.
// Table: the first row is the header; the id and name columns are named by the config; every other
// column except total_column is a group of residents (group_names in column order). Counts are
// non-negative integers up to 10^9. If total_column is non-empty and present, each row's groups must
// sum to it. Quoted fields (RFC 4180) and UTF-8 names are fine.
// Polygons: Polygon or MultiPolygon features whose property named like id_column matches a table id.
// Ids are compared as strings, so leading zeros count; a numeric property is compared by its
// decimal text. Several features with the same id are merged into one multipolygon. Every table id
// needs a polygon and every polygon a table row.
// Throws InputError (file, line, column or key, what was expected) for any violation.
DistrictTable read_district_table(const ImportedCityConfig& config);

// Makes config.groups the table's groups, in table column order, each with share = its city-wide
// share of residents in the table. If config.groups is empty, one group per column is created with a
// colour from a colour-blind-safe qualitative palette and speaks_language = true. Otherwise the
// configured names must be exactly the table's group columns (in any order); the configured groups
// are reordered to table order and keep their other settings. Throws InputError with key "groups"
// (listing the table's columns) if the names differ, or if the table has more than max_group_count groups.
void apply_district_table_groups(ScenarioConfig& config, const DistrictTable& table);

// The default group colours ("#rrggbb"), in order: Okabe-Ito without black, then Paul Tol's muted,
// light, vibrant and bright schemes without their greys (grey stays free for "no data").
const std::vector<std::string>& default_group_colours();

}  // namespace convivia
