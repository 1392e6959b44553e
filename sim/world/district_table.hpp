// A real city as read from its public data: one record per district with residents per origin group
// and the district's polygons in WGS84 longitude/latitude. sim/io fills it from a CSV table and a
// GeoJSON file; world/rasterize turns the polygons into the cell raster.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convivia {

struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
};

using LonLatRing = std::vector<LonLat>;

struct LonLatPolygon {
  LonLatRing outer;
  std::vector<LonLatRing> holes;
};

struct DistrictRecord {
  std::string id;
  std::string name;
  std::vector<std::int64_t> residents_by_group;  // one count per group, in DistrictTable::group_names order
  std::vector<LonLatPolygon> polygons;           // a multipolygon; empty if the district has no geometry
};

struct DistrictTable {
  std::vector<std::string> group_names;
  std::vector<DistrictRecord> districts;
};

}  // namespace convivia
