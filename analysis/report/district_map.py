"""District maps from a run file (docs/output-format.md, /districts and /city): one colour per
district. Cities imported with outlines are drawn as polygons; a district's rings are its outer
rings and holes with no flag, filled even-odd, which matplotlib's non-zero filling gives when each
ring's orientation follows its nesting depth. Synthetic cities have no outlines: their raster of
cells is drawn instead, each cell in its district's colour."""

import numpy as np
from matplotlib.colors import Normalize
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.patches import PathPatch
from matplotlib.path import Path


class CityShape:
    """What a map needs from one run file: district names and either outlines or the raster."""

    def __init__(self, f):
        self.district_names = f["districts/name"].asstr()[()]
        self.rings = []  # per district: list of (n, 2) vertex arrays in km
        ring_district = f["districts/ring_district"][()]
        if len(ring_district) > 0:
            start, count = f["districts/ring_start"][()], f["districts/ring_vertex_count"][()]
            x, y = f["districts/vertex_x_m"][()] / 1000.0, f["districts/vertex_y_m"][()] / 1000.0
            self.rings = [[] for _ in self.district_names]
            for d, s, n in zip(ring_district, start, count):
                self.rings[d].append(np.column_stack([x[s:s + n], y[s:s + n]]))
        cells = f["city/cell_district"]
        self.cell_district = cells[()]
        self.cell_size_km = float(cells.attrs["cell_size_m"]) / 1000.0

    def same_city(self, other):
        return list(self.district_names) == list(other.district_names)


def _signed_area(ring):
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _district_path(rings):
    """One compound path whose non-zero filling equals the even-odd filling of the rings."""
    vertices, codes = [], []
    for i, ring in enumerate(rings):
        depth = sum(1 for j, other in enumerate(rings) if j != i and len(other) > 2 and Path(other).contains_point(ring[0]))
        counter_clockwise = _signed_area(ring) > 0
        if counter_clockwise != (depth % 2 == 0):
            ring = ring[::-1]
        vertices.append(ring)
        codes += [Path.MOVETO] + [Path.LINETO] * (len(ring) - 1)
    return Path(np.concatenate(vertices), codes)


def draw_districts(axes, shape, values, norm, cmap):
    """Colours each district by values[district] (NaN: light grey hatched). Returns the mappable."""
    axes.set_aspect("equal")
    axes.set_axis_off()
    if shape.rings:
        patches, colours = [], []
        for rings, value in zip(shape.rings, values):
            if rings:
                patches.append(PathPatch(_district_path(rings)))
                colours.append(value)
        collection = PatchCollection(patches, cmap=cmap, norm=norm, edgecolor="white", linewidth=0.25)
        colours = np.asarray(colours, dtype=float)
        collection.set_array(np.ma.masked_invalid(colours))
        collection.cmap.set_bad("#e0e0e0")
        axes.add_collection(collection)
        axes.autoscale_view()
        return collection
    grid = np.full(shape.cell_district.shape, np.nan)
    inside = shape.cell_district >= 0
    grid[inside] = np.asarray(values, dtype=float)[shape.cell_district[inside]]
    height, width = grid.shape
    extent = (0, width * shape.cell_size_km, 0, height * shape.cell_size_km)
    image = axes.imshow(np.ma.masked_invalid(grid), origin="lower", extent=extent, cmap=cmap, norm=norm, interpolation="nearest")
    axes.add_collection(LineCollection(_raster_borders(shape), colors="white", linewidths=1.0))
    return image


def _raster_borders(shape):
    """Cell edges between two different districts (or a district and the outside), in km."""
    cells, size = np.pad(shape.cell_district, 1, constant_values=-1), shape.cell_size_km
    segments = []
    rows, columns = np.nonzero(cells[:, 1:] != cells[:, :-1])  # vertical edges
    segments += [[(c * size, (r - 1) * size), (c * size, r * size)] for r, c in zip(rows, columns) if 0 < r < cells.shape[0] - 1]
    rows, columns = np.nonzero(cells[1:, :] != cells[:-1, :])  # horizontal edges
    segments += [[((c - 1) * size, r * size), (c * size, r * size)] for r, c in zip(rows, columns) if 0 < c < cells.shape[1] - 1]
    return segments


def add_scale_bar(axes, shape):
    """A bar of a round length in km in the lower left corner, so readers can judge distances."""
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    span = x1 - x0
    length = next(step for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50) if step >= span / 6)
    axes.plot([x0 + span * 0.03, x0 + span * 0.03 + length], [y0 + (y1 - y0) * 0.025] * 2, color="black", linewidth=2.5,
              solid_capstyle="butt")
    axes.text(x0 + span * 0.03 + length / 2, y0 + (y1 - y0) * 0.045, f"{length:g} km", ha="center", va="bottom", fontsize=9)


def final_district_values(f, dataset="monthly/district_diversity_resource_share"):
    """The dataset's last recorded month ([district]) and the first day of that month."""
    values = f[dataset][-1, :]
    return np.asarray(values, dtype=float), int(f["month_day"][-1])


def robust_norm(values):
    """A colour scale over the 2nd to 98th percentile, so a few districts with very few residents
    (and so extreme shares) do not wash out the others; the colour bar's arrows mark the clipping."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return Normalize(0.0, 1.0), "neither"
    low, high = np.percentile(finite, [2, 98])
    if high - low < 0.01:
        low, high = low - 0.005, high + 0.005
    extend = {(False, False): "neither", (True, False): "min", (False, True): "max", (True, True): "both"}[
        (bool(finite.min() < low), bool(finite.max() > high))]
    return Normalize(float(low), float(high)), extend
