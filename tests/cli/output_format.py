"""End-to-end check of the HDF5 run output (docs/output-format.md).

Runs `convivia run scenarios/tests/tiny.toml` for 35 days into a temporary directory and checks the
file with h5py: provenance attributes, the scenario text and its hash, dataset shapes, dimension
scales, units and long names, value ranges, and that no temporary file is left behind.

Usage: /usr/bin/python3 output_format.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py and python3-numpy. Exits 1 with a message on the first failed check.
"""

import hashlib
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

DAYS = 35
MONTHS = 2  # months start on days 0 and 30
TICKS = 3 * DAYS


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def scale_name(ds, dim):
    """Name of the dimension scale attached to dimension `dim` of `ds`, or None."""
    scales = ds.dims[dim]
    if len(scales) == 0:
        return None
    return scales[0].name


def check_dims(f, path, expected):
    ds = f[path]
    names = tuple(scale_name(ds, i) for i in range(ds.ndim))
    check(names == tuple("/" + n for n in expected),
          f"{path}: dimension scales {names}, expected {tuple('/' + n for n in expected)}")
    labels = tuple(ds.dims[i].label for i in range(ds.ndim))
    check(labels == tuple(expected), f"{path}: dimension labels {labels}, expected {expected}")


def check_file(f, scenario_text):
    # Provenance: variable-length UTF-8 strings.
    for name in ("model_version", "git_commit", "scenario", "scenario_sha256", "seed", "created_utc"):
        check(name in f.attrs, f"root attribute {name} is missing")
        check(isinstance(f.attrs[name], str), f"root attribute {name} is {type(f.attrs[name]).__name__}, not str")
        check(f.attrs[name] != "", f"root attribute {name} is empty")
    check(f.attrs["scenario"] == scenario_text, "root attribute scenario differs from the scenario file text")
    digest = hashlib.sha256(scenario_text.encode("utf-8")).hexdigest()
    check(f.attrs["scenario_sha256"] == digest,
          f"scenario_sha256 is {f.attrs['scenario_sha256']}, hashlib says {digest}")
    check(f.attrs["seed"] == "11", f"seed attribute is {f.attrs['seed']!r}, expected '11'")
    # The run is the scenario text plus these overrides (--days arrives as run.days).
    check(f.attrs.get("overrides") == f"encounters.avoidance=0.45\nrun.days={DAYS}\n",
          f"overrides attribute is {f.attrs.get('overrides')!r}, expected the --set and --days overrides")
    check(f.attrs["created_utc"].endswith("Z") and "T" in f.attrs["created_utc"],
          f"created_utc {f.attrs['created_utc']!r} is not ISO 8601 UTC")

    # Dimension scales.
    group_count = f["group"].shape[0]
    district_count = f["district"].shape[0]
    sample_count = f["sample"].shape[0]
    venue_count = f["venue"].shape[0]
    check(group_count == 3, f"/group has {group_count} entries, expected 3")
    check(district_count == 4, f"/district has {district_count} entries, expected 4")
    check(sample_count == 50, f"/sample has {sample_count} entries, expected 50")
    check(venue_count > 0, "/venue is empty")
    group_names = list(f["group"].asstr()[:])
    check(group_names == ["majority", "group_a", "group_b"], f"/group holds {group_names}")
    for name, length in (("day", DAYS), ("tick", TICKS), ("month_day", MONTHS), ("group", group_count),
                         ("target_group", group_count), ("district", district_count), ("sample", sample_count),
                         ("venue", venue_count), ("x", 10), ("y", 10)):
        check(name in f, f"dimension scale /{name} is missing")
        check(f[name].shape == (length,), f"/{name} has shape {f[name].shape}, expected ({length},)")
        check(h5py.h5ds.is_scale(f[name].id), f"/{name} is not a dimension scale")
    check(np.array_equal(f["day"][:], np.arange(DAYS)), "/day is not 0..34")
    check(np.array_equal(f["tick"][:], np.arange(TICKS)), "/tick is not 0..104")
    check(np.array_equal(f["month_day"][:], [0, 30]), f"/month_day is {f['month_day'][:]}, expected [0, 30]")

    # Shapes and attached scales of representative datasets.
    expected = {
        "daily/diversity_resource_share": ("day",),
        "daily/generalised_trust": ("day",),
        "daily/encounters": ("day",),
        "daily/generalised_trust_by_group": ("day", "group"),
        "daily/positive_contacts_by_group": ("day", "group"),
        "daily/trust_matrix": ("day", "group", "target_group"),
        "monthly/month": ("month_day",),
        "monthly/city_by_cell/dissimilarity": ("month_day", "group"),
        "monthly/city_by_cell/multigroup_dissimilarity": ("month_day",),
        "monthly/city_by_cell/theil_h": ("month_day",),
        "monthly/city_by_cell/isolation": ("month_day", "group"),
        "monthly/city_by_cell/exposure": ("month_day", "group", "target_group"),
        "monthly/city_by_district/dissimilarity": ("month_day", "group"),
        "monthly/district_generalised_trust": ("month_day", "district"),
        "monthly/district_perceived_discrimination_share": ("month_day", "district"),
        "monthly/district_residents_by_group": ("month_day", "district", "group"),
        "samples/venue": ("tick", "sample"),
        "samples/outgroup_trust": ("day", "sample"),
        "samples/group": ("sample",),
        "groups/colour": ("group",),
        "groups/speaks_language": ("group",),
        "districts/name": ("district",),
        "districts/cell_count": ("district",),
        "city/cell_district": ("y", "x"),
        "city/cell_capacity": ("y", "x"),
        "venues/kind": ("venue",),
        "venues/x_m": ("venue",),
        "venues/capacity": ("venue",),
    }
    lengths = {"day": DAYS, "tick": TICKS, "month_day": MONTHS, "group": group_count, "target_group": group_count,
               "district": district_count, "sample": sample_count, "venue": venue_count, "x": 10, "y": 10}
    for path, dims in expected.items():
        check(path in f, f"dataset /{path} is missing")
        shape = tuple(lengths[d] for d in dims)
        check(f[path].shape == shape, f"/{path} has shape {f[path].shape}, expected {shape}")
        check_dims(f, path, dims)

    # Every numeric dataset has units and a long name; string datasets a long name.
    datasets = []
    f.visititems(lambda name, obj: datasets.append((name, obj)) if isinstance(obj, h5py.Dataset) else None)
    check(len(datasets) > 50, f"only {len(datasets)} datasets in the file")
    for name, ds in datasets:
        check("long_name" in ds.attrs and isinstance(ds.attrs["long_name"], str) and ds.attrs["long_name"],
              f"/{name} has no long_name")
        if ds.dtype.kind != "O":
            check("units" in ds.attrs and isinstance(ds.attrs["units"], str), f"/{name} has no units")
            if ds.ndim > 0 and ds.size > 0:
                check(ds.chunks is not None and ds.compression == "gzip" and ds.shuffle,
                      f"/{name} is not chunked with shuffle + deflate")
    check(f["daily/generalised_trust"].attrs["units"] == "0-10 scale", "generalised_trust units are not '0-10 scale'")

    # Value ranges.
    for path in ("daily/diversity_resource_share", "daily/intergroup_encounter_share", "daily/cross_group_tie_share",
                 "daily/perceived_discrimination_share", "daily/mean_outgroup_trust",
                 "daily/diversity_resource_share_by_group", "daily/trust_matrix", "samples/outgroup_trust",
                 "monthly/city_by_cell/dissimilarity", "monthly/city_by_cell/isolation",
                 "monthly/city_by_district/multigroup_dissimilarity"):
        values = f[path][:]
        check(np.all(np.isfinite(values)), f"/{path} has values that are not finite")
        check(np.all((values >= 0) & (values <= 1)),
              f"/{path} has values outside [0, 1]: {values.min()}..{values.max()}")
    for path in ("daily/generalised_trust", "daily/generalised_trust_by_group"):
        values = f[path][:]
        check(np.all((values >= 0) & (values <= 10)), f"/{path} has values outside [0, 10]")
    check(np.all(f["daily/encounters"][:] > 0), "some day had no encounters")
    check(np.all(f["daily/intergroup_encounters"][:] <= f["daily/encounters"][:]),
          "intergroup encounters exceed all encounters")
    venues = f["samples/venue"][:]
    check(np.all(venues < venue_count), "a sampled resident is at a venue id beyond /venue")
    check(np.all(f["samples/group"][:] < group_count), "a sampled resident has a group index beyond /group")
    cell_district = f["city/cell_district"][:]
    check(np.all((cell_district >= -1) & (cell_district < district_count)), "city/cell_district out of range")
    kind_names = list(f["venues/kind"].attrs["kind_names"])
    check(kind_names[:2] == ["home_block", "school"], f"venues/kind kind_names are {kind_names}")
    check(np.all(f["venues/kind"][:] < len(kind_names)), "venues/kind has an index beyond kind_names")
    check(int(f.attrs["days_run"]) == DAYS, f"days_run is {f.attrs['days_run']}, expected {DAYS}")


def main():
    if len(sys.argv) != 3:
        print("usage: output_format.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia, source_dir = sys.argv[1], sys.argv[2]
    scenario = os.path.join(source_dir, "scenarios", "tests", "tiny.toml")
    with open(scenario, encoding="utf-8", newline="") as handle:
        scenario_text = handle.read()
    with tempfile.TemporaryDirectory(prefix="convivia-output-format-") as directory:
        output = os.path.join(directory, "run.h5")
        command = [convivia, "run", scenario, "-o", output, "--days", str(DAYS), "--set", "encounters.avoidance=0.45", "--quiet"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            print(f"FAIL: {' '.join(command)} exited with {result.returncode}\n{result.stdout}{result.stderr}")
            return 1
        leftovers = [name for name in os.listdir(directory) if ".tmp" in name]
        if leftovers:
            print(f"FAIL: temporary files left beside the output: {leftovers}")
            return 1
        if not os.path.exists(output):
            print(f"FAIL: {output} was not written")
            return 1
        try:
            with h5py.File(output, "r") as f:
                check_file(f, scenario_text)
        except CheckFailed as failure:
            print(f"FAIL: {output}: {failure}")
            return 1
    print("output format OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
