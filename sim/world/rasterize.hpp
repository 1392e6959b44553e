// Rasterises a district table's polygons into a City: projects WGS84 lon/lat to a local metric frame
// (equirectangular around the centre of the bounding box of all polygons, Earth radius 6371008.8 m:
// x = R cos(lat0) (lon - lon0), y = R (lat - lat0) in radians; distortion is negligible at city
// scale), shifts it so the box's south-west corner is (0, 0), lays a grid of cell_size_m cells over
// the box and gives each cell the district whose polygon contains the cell centre (holes respected;
// a centre exactly on a border shared by two districts goes to one of them, deterministically).
// A district with residents whose polygons contain no cell centre gets the unassigned cell whose
// centre is nearest to its polygons' centroid (if no cell is unassigned, the nearest cell of a
// district that has more than one), so every district with residents has at least one cell.
// origin_lon/origin_lat are the projection centre, origin_x_m/origin_y_m its city-frame position.
// outline_m lists, per polygon, the outer ring (counter-clockwise) then its holes (clockwise), closed.
#pragma once

#include "world/city.hpp"
#include "world/district_table.hpp"

namespace convivia {

// The grid rasterize_districts lays over the table's polygons, in cells (doubles, so that a
// bounding box far too large for a grid cannot overflow): the loader checks it before rasterising.
struct GridExtent {
  double width = 0.0;
  double height = 0.0;
};
GridExtent grid_extent(const DistrictTable& table, double cell_size_m);

// Fills width, height, cell_size_m, origin_*, cell_district and districts (id, name, outline_m,
// cell_count). Housing fields are left for the population builder.
City rasterize_districts(const DistrictTable& table, double cell_size_m);

}  // namespace convivia
