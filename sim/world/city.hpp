// The city raster: square cells, each in at most one district, with housing capacity and type.
// Cells are indexed row-major (cell = y * width + x); x grows east, y grows north, and cell (0, 0)
// has its south-west corner at the city frame origin (0 m, 0 m).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace convivia {

inline constexpr std::int32_t no_district = -1;

using PointM = std::array<double, 2>;   // x, y in metres in the city frame
using RingM = std::vector<PointM>;

struct District {
  std::string id;
  std::string name;
  std::vector<RingM> outline_m;  // outer rings (and holes) in the city frame, for maps; may be empty
  std::int32_t cell_count = 0;
};

struct City {
  std::int32_t width = 0;   // cells
  std::int32_t height = 0;  // cells
  double cell_size_m = 100.0;
  // WGS84 reference of the local projection (equirectangular around this point); 0,0 for synthetic cities.
  double origin_lon = 0.0;
  double origin_lat = 0.0;
  double origin_x_m = 0.0;  // city-frame coordinates of the projection reference point
  double origin_y_m = 0.0;

  std::vector<std::int32_t> cell_district;        // district index or no_district
  std::vector<std::uint16_t> cell_capacity;       // housing capacity in households
  std::vector<std::uint8_t> cell_social_housing;  // 1 if the cell's housing is social housing
  std::vector<District> districts;

  std::size_t cell_count() const { return cell_district.size(); }
  std::array<double, 2> cell_centre_m(std::uint32_t cell) const {
    return {(static_cast<double>(cell % static_cast<std::uint32_t>(width)) + 0.5) * cell_size_m,
            (static_cast<double>(cell / static_cast<std::uint32_t>(width)) + 0.5) * cell_size_m};
  }
};

}  // namespace convivia
