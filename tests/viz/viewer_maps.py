"""Replay and compare screenshots of convivia-view, checked by their pixels.

Makes two run files of the default city (Berlin's 448 planning areas) at 1% of its residents for
95 days, the baseline and the intercultural-mediators policy of the scenario library, then takes
headless screenshots and checks: districts are filled with the map's colour scale, the legend's
ramp is drawn, the district colours change between an early and a late day, dots of several group
colours are drawn; in compare mode both maps, the difference map and its blue-red legend.

Usage (under xvfb-run -a): python3 viewer_maps.py <convivia> <convivia-view> <source-dir>
Needs Debian's python3-pil, python3-numpy and python3-h5py.
"""

import os
import sys
import tempfile

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "support"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli", "support"))
from checks import check, summary  # noqa: E402
from pixels import BLUE_RED, VIRIDIS, group_pixels, load, longest_ramp, make_run, palette_position, ramp, view  # noqa: E402

convivia, viewer, source_dir = sys.argv[1:4]
viridis = ramp(VIRIDIS)
blue_red = ramp(BLUE_RED)

with tempfile.TemporaryDirectory() as tmp:
    baseline = os.path.join(tmp, "baseline.h5")
    policy = os.path.join(tmp, "mediators.h5")
    make_run(convivia, source_dir, "scenarios/default.toml", baseline, 95, 2000)
    make_run(convivia, source_dir, "scenarios/library/policy-intercultural_mediators.toml", policy, 95, 2000)
    with h5py.File(baseline) as f:
        colours = list(f["groups/colour"].asstr()[:])

    def shot(name, *args):
        path = os.path.join(tmp, name)
        status, err = view(viewer, *args, "--screenshot", path)
        check(status == 0 and os.path.exists(path), f"screenshot {name}", err)
        return load(path) if os.path.exists(path) else np.zeros((800, 1280, 3))

    # Replay, 1280x800: the map lies left of x = 768 and between y = 60 and 470 (above the legend).
    early = shot("early.png", baseline, "--at", "1.4", "--hide", "residents", "--hide", "venues")
    late = shot("late.png", baseline, "--at", "93.4", "--hide", "residents", "--hide", "venues")
    late_dots = shot("late-dots.png", baseline, "--at", "93.4", "--hide", "venues")
    map_region = (slice(60, 470), slice(0, 768))
    positions = palette_position(late[map_region], viridis)
    filled = np.mean(~np.isnan(positions))
    check(filled > 0.25, "replay: districts filled with the colour scale", f"{filled:.1%} of the map region")
    levels = len(np.unique(np.round(positions[~np.isnan(positions)] * 20)))
    check(levels >= 8, "replay: districts in many shades of the scale", f"{levels} shades")
    legend = palette_position(late[430:800, 0:640], viridis)
    check(longest_ramp(legend) >= 150, "replay: legend ramp from one end of the scale to the other")
    changed = np.mean(np.any(early[map_region] != late[map_region], axis=2))
    check(changed > 0.1, "replay: district colours change between day 1 and day 93", f"{changed:.1%} of the map changed")
    counts = group_pixels(late_dots[map_region], late[map_region], colours)
    groups_seen = sum(1 for n in counts if n >= 8)
    check(groups_seen >= 4, "replay: dots of several group colours", f"pixels per group {counts}")

    # Compare, 1600x900: three panels of 373 px between x = 0 and 1120, maps between y = 90 and 540.
    compare = shot("compare.png", baseline, policy, "--size", "1600x900", "--at", "93.4", "--hide", "venues")
    compare_plain = shot("compare-plain.png", baseline, policy, "--size", "1600x900", "--at", "93.4", "--hide", "venues",
                         "--hide", "residents")
    rows = slice(90, 540)
    for i, name in enumerate(["A", "B"]):
        panel = (rows, slice(i * 373 + 20, (i + 1) * 373 - 20))
        share = np.mean(~np.isnan(palette_position(compare_plain[panel], viridis)))
        check(share > 0.2, f"compare: map {name} filled with the colour scale", f"{share:.1%}")
        counts = group_pixels(compare[panel], compare_plain[panel], colours)
        check(sum(1 for n in counts if n >= 5) >= 3, f"compare: dots of several groups on map {name}", f"{counts}")
    difference = palette_position(compare_plain[rows, 766:1100], blue_red)
    coloured = np.sum(~np.isnan(difference) & (np.abs(difference - 0.5) > 0.1))
    check(coloured > 2000, "compare: difference map coloured blue and red", f"{coloured} pixels off white")
    check(longest_ramp(palette_position(compare_plain[500:900, 746:1120], blue_red), 100) >= 100,
          "compare: difference legend ramp from blue to red")
    check(longest_ramp(palette_position(compare_plain[500:900, 0:373], viridis), 100) >= 100, "compare: figure legend ramp")

sys.exit(summary())
