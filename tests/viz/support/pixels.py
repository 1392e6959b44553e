"""Pixel checks of viewer screenshots, shared by the viewer test scripts.

The viewer's colour maps are published palettes (viz/palettes.cpp); these checks rebuild them from
the same stops so a screenshot can be read back: which pixels are district fills, whether a legend
ramp runs from one end of a palette to the other, which pixels are dots of which group.
"""

import os
import subprocess

import numpy as np
from PIL import Image

VIRIDIS = ["440154", "472d7b", "3b528b", "2c728e", "21918c", "28ae80", "5ec962", "addc30", "fde725"]
BLUE_RED = ["2166ac", "4393c3", "92c5de", "d1e5f0", "f7f7f7", "fddbc7", "f4a582", "d6604d", "b2182b"]


def ramp(stops, steps=128):
    """The palette as `steps` RGB rows, interpolated linearly between its stops like the viewer."""
    rgb = np.array([[int(s[i:i + 2], 16) for i in (0, 2, 4)] for s in stops], dtype=float)
    t = np.linspace(0.0, len(stops) - 1.0, steps)
    low = np.minimum(t.astype(int), len(stops) - 2)
    f = (t - low)[:, None]
    return rgb[low] + f * (rgb[low + 1] - rgb[low])


def load(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(float)


def palette_position(pixels, palette, tolerance=10.0):
    """For each pixel, its position (0-1) along the palette, or NaN if its colour is not on it."""
    flat = pixels.reshape(-1, 3)
    out = np.full(flat.shape[0], np.nan)
    for start in range(0, flat.shape[0], 65536):
        chunk = flat[start:start + 65536]
        distance = np.linalg.norm(chunk[:, None, :] - palette[None, :, :], axis=2)
        nearest = distance.argmin(axis=1)
        close = distance[np.arange(chunk.shape[0]), nearest] <= tolerance
        out[start:start + chunk.shape[0]] = np.where(close, nearest / (palette.shape[0] - 1.0), np.nan)
    return out.reshape(pixels.shape[:2])


def longest_ramp(positions, min_length=120):
    """The longest horizontal run (over all rows) of pixels on the palette whose position never falls,
    going from below 0.1 to above 0.9; returns its length (0 if none is at least min_length long)."""
    best = 0
    for row in positions:
        start = None
        for x in range(len(row) + 1):
            value = row[x] if x < len(row) else np.nan
            ok = not np.isnan(value) and (start is None or value >= row[x - 1] - 0.02)
            if ok and start is None:
                start = x
            elif not ok and start is not None:
                run = row[start:x]
                if x - start >= min_length and run[0] < 0.1 and run[-1] > 0.9:
                    best = max(best, x - start)
                start = None if np.isnan(value) else x
    return best


def group_pixels(shown, hidden, colours):
    """Pixels that differ between a screenshot with residents and one without, counted per group
    colour (exact match: dots are drawn opaque in their group's colour)."""
    changed = np.any(shown != hidden, axis=2)
    counts = []
    for colour in colours:
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
        counts.append(int(np.sum(changed & np.all(shown == rgb, axis=2))))
    return counts


def view(viewer, *args, timeout=120):
    """Runs convivia-view and returns (exit status, stderr)."""
    result = subprocess.run([viewer, *args], capture_output=True, text=True, timeout=timeout)
    return result.returncode, result.stderr


def make_run(convivia, source_dir, scenario, out, days, samples, extra=()):
    """A run file of a real-city scenario at a small scale (polygons are drawn), made for the test."""
    command = [convivia, "run", os.path.join(source_dir, scenario), "--set", "city.scale=0.01", "--days", str(days),
               "--set", f"output.sample_residents={samples}", "-o", out, *extra]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
