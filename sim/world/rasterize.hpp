// Rasterises a district table's polygons into a City: projects WGS84 lon/lat to a local metric frame
// (equirectangular around the centre of the bounding box; distortion is negligible at city scale),
// lays a grid of cell_size_m cells over the bounding box and gives each cell the district whose
// polygon contains the cell centre. Districts whose polygons contain no cell centre get the cell
// nearest to their polygon's centroid, so every district with residents has at least one cell.
#pragma once

#include "world/city.hpp"
#include "world/district_table.hpp"

namespace convivia {

// Fills width, height, cell_size_m, origin_*, cell_district and districts (id, name, outline_m,
// cell_count). Housing fields are left for the population builder.
City rasterize_districts(const DistrictTable& table, double cell_size_m);

}  // namespace convivia
