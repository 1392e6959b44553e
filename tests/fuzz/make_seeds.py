#!/usr/bin/python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the project's real
files: scenario files, district tables and polygons, census tables, ICC profiles, sweep files,
run files and collected sweep files.
Run files and collected sweeps are not kept in the repository: pass some made by `convivia run` and
`convivia sweep collect` (small ones; a file is taken as a collected sweep when its conventions say
so), e.g.

    build/release/sim/convivia run scenarios/tests/tiny.toml -o /tmp/tiny.h5 --days 35 -q
    build/release/sim/convivia sweep run scenarios/sweeps/tiny-mediators.toml -o /tmp/mediators
    build/release/sim/convivia sweep collect /tmp/mediators -o /tmp/mediators/experiments.h5
    python3 tests/fuzz/make_seeds.py /tmp/tiny.h5 /tmp/mediators/experiments.h5

The saltelli and morris seeds come from the ishigami sweeps of DESIGN_SEEDS below, run the same way.

Seeds are named after the file they come from; rerunning rewrites them."""
import hashlib
import pathlib
import struct
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
MAX_SEED_BYTES = 64 * 1024  # the fuzz runs use -max_len=65536; larger files are cut


def project_files(folder, pattern):
    """The project's files under folder matching pattern, without the corpora themselves."""
    return [p for p in sorted((ROOT / folder).rglob(pattern)) if "fuzz" not in p.relative_to(ROOT).parts]


def write_seed(target, name, data):
    out = CORPUS / target
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(data[:MAX_SEED_BYTES])


def scenario_seeds():
    for path in project_files("scenarios", "*.toml") + project_files("tests", "*.toml"):
        name = str(path.relative_to(ROOT)).replace("/", "_")
        write_seed("fuzz_scenario", name, path.read_bytes())
    # Inheritance and overrides, as the fuzz target reads them (the scenario lies in scenarios/).
    write_seed("fuzz_scenario", "base_and_set.toml",
               b'base = "library/baseline.toml"\nname = "derived"\n[city]\nscale = 0.01\n'
               b'#--set\ncity.scale=0.02\nrun.days=10\ngroups=[{name="a", share=1}]\n')


def import_seeds():
    pairs = [("tests/cli/data/districts_ok.csv", "tests/cli/data/districts.geojson"),
             ("tests/io/data/city/small.csv", "tests/io/data/city/small.geojson"),
             ("scenarios/data/berlin/bezirksregionen/districts.csv", "scenarios/data/berlin/bezirksregionen/districts.geojson")]
    for table, polygons in pairs:
        csv = (ROOT / table).read_bytes()
        geojson = (ROOT / polygons).read_bytes()
        # Keep the whole table; the polygons of a large city are cut by MAX_SEED_BYTES.
        write_seed("fuzz_district_import", table.replace("/", "_"), csv + b"\n#--geojson\n" + geojson)


def table_seeds():
    for path in project_files("tests", "*.csv") + project_files("scenarios/data", "*.csv"):
        data = path.read_bytes()
        name = str(path.relative_to(ROOT)).replace("/", "_")
        if b"district_name" in data.split(b"\n", 1)[0]:
            data += b"\n#--options\nid=district_id\nignore=district_name\nignore=total\n"
        write_seed("fuzz_count_table", name, data)
    for path in sorted((ROOT / "scenarios" / "profiles").glob("*.csv")):
        write_seed("fuzz_icc_profile", path.name, path.read_bytes())


# One small sweep file per design kind and test model, beside the project's own sweep files: the
# fuzz target reads them as if they lay in scenarios/sweeps/.
DESIGN_SEEDS = {
    "latin_hypercube": b'base = "../tests/tiny.toml"\nreplicates = 2\n[design]\nkind = "latin_hypercube"\npoints = 5\n'
                       b'[[factors]]\nkey = "encounters.avoidance"\nrange = [0.1, 0.7]\n'
                       b'[[factors]]\nkey = "city.scale"\nrange = [0.005, 0.02]\ndistribution = "log_uniform"\n'
                       b'[[outcomes]]\nname = "trust"\nseries = "daily/mean_outgroup_trust"\nsummary = "mean"\nwindow = [10, 20]\n',
    "sobol": b'base = "../tests/tiny.toml"\ncommon_random_numbers = false\n[set]\nrun.days = 10\n'
             b'[design]\nkind = "sobol"\npoints = 8\n'
             b'[[factors]]\nkey = "run.days"\nrange = [5, 30]\ndistribution = "integer"\n'
             b'[[factors]]\nkey = "encounters.avoidance"\nrange = [0.0, 1.0]\ndistribution = "normal"\nmean = 0.4\nsd = 0.1\n'
             b'[[outcomes]]\nname = "d"\nseries = "daily/diversity_resource_share"\nsummary = "series"\n',
    "morris": b'model = "ishigami"\nseed = 7\n[design]\nkind = "morris"\ntrajectories = 4\nlevels = 4\n'
              b'[[factors]]\nkey = "x1"\nrange = [-3.14159, 3.14159]\n[[factors]]\nkey = "x2"\nrange = [-3.14159, 3.14159]\n'
              b'[[factors]]\nkey = "x3"\nrange = [-3.14159, 3.14159]\n[[outcomes]]\nname = "y"\nseries = "y"\n',
    "saltelli": b'model = "ishigami"\n[design]\nkind = "saltelli"\nbase_points = 16\n'
                b'[[factors]]\nkey = "x1"\nrange = [-3.14159, 3.14159]\n[[factors]]\nkey = "x2"\nrange = [-3.14159, 3.14159]\n'
                b'[[factors]]\nkey = "x3"\nrange = [-3.14159, 3.14159]\n[[outcomes]]\nname = "y"\nseries = "y"\n',
}


def sweep_seeds():
    for path in project_files("scenarios/sweeps", "*.toml"):
        write_seed("fuzz_sweep_file", path.name, path.read_bytes())
    for kind, text in DESIGN_SEEDS.items():
        write_seed("fuzz_sweep_file", "design-" + kind + ".toml", text)


# The record format of fuzz_run_file.cpp.
ATTRIBUTES = ["conventions", "scenario_name", "seed", "days_run", "resident_count", "start_weekday"]
DATASETS = ["group", "district", "month_day", "daily/diversity_resource_share", "daily/generalised_trust",
            "daily/mean_outgroup_trust", "daily/intergroup_encounter_share", "daily/cross_group_tie_share",
            "daily/perceived_discrimination_share", "daily/employment_rate", "daily/employment_gap_by_group",
            "daily/mean_institutional_trust", "daily/mean_belonging", "monthly/city_by_cell/multigroup_dissimilarity",
            "monthly/city_by_cell/theil_h", "monthly/city_by_school/multigroup_dissimilarity", "monthly/cohesion_index",
            "daily/policy_annual_cost_eur", "daily/policy_cumulative_cost_eur", "policies/kind", "policies/name",
            "policies/districts", "policies/groups", "policies/intensity", "policies/annual_cost_eur",
            "policies/start_day", "policies/end_day", "day", "policies", "daily", "monthly",
            "city/cell_district", "districts/ring_district", "districts/ring_start", "districts/ring_vertex_count",
            "districts/vertex_x_m", "districts/vertex_y_m", "groups/colour", "monthly/district_residents_by_group",
            "samples/group", "samples/home_venue", "samples/outgroup_trust", "samples/venue", "venues/kind", "venues/x_m",
            "daily/mean_outgroup_trust_by_group", "daily/trust_matrix"]
TYPES = {"f8": 0, "i4": 1, "i8": 2, "u1": 3, "str": 4}  # f4 and u4 are stored as f8 and i8
PACK = {0: "<d", 1: "<i", 2: "<q", 3: "<B"}


def encode(kind, index, value, name_rest=None):
    """One record; name_rest completes a dataset name that ends in '/' in the target's table."""
    import numpy
    value = numpy.asarray(value)
    if value.dtype.kind in "OSU":
        type_code = TYPES["str"]
    else:
        if value.dtype.kind == "u" and value.dtype.itemsize > 1:
            value = value.astype("i8")
        if value.dtype.kind == "f":
            value = value.astype("f8")
        type_code = TYPES[{"f": "f8", "i": "i8" if value.dtype.itemsize == 8 else "i4", "u": "u1"}[value.dtype.kind]]
    out = bytearray([kind, index])
    if name_rest is not None:
        rest = name_rest.encode()[:255]
        out += bytes([len(rest)]) + rest
    out += bytes([type_code, value.ndim])
    for dim in value.shape:
        out += struct.pack("<H", min(dim, 65535))
    for item in value.reshape(-1):
        if type_code == TYPES["str"]:
            text = item if isinstance(item, bytes) else str(item).encode()
            out += bytes([min(len(text), 255)]) + text[:255]
        else:
            out += struct.pack(PACK[type_code], item.item())
    return bytes(out)


def is_collected_sweep(path):
    import h5py
    with h5py.File(path, "r") as f:
        conventions = f.attrs.get("conventions", b"")
    return (conventions.decode() if isinstance(conventions, bytes) else str(conventions)) == "convivia-sweep-1"


def encode_named(f, attributes, datasets):
    """Records of the root attributes (kind 0) and datasets (kind 1) of f that are named in the lists,
    each indexed by its place there; names ending in '/' stand for groups and are left to the caller."""
    import h5py
    out = bytearray()
    for index, name in enumerate(attributes):
        if name in f.attrs:
            out += encode(0, index, f.attrs[name])
    for index, name in enumerate(datasets):
        if not name.endswith("/") and name in f and isinstance(f[name], h5py.Dataset):
            out += encode(1, index, f[name][()])
    return out


def write_file_seed(target, stem, records):
    """A seed named after its file and the digest of its records, so that different files never collide."""
    write_seed(target, stem + "-" + hashlib.sha1(records).hexdigest()[:12], bytes(records))


def run_file_seeds(paths):
    if not paths:
        return
    import h5py
    for path in paths:
        with h5py.File(path, "r") as f:
            records = encode_named(f, ATTRIBUTES, DATASETS)
        write_file_seed("fuzz_run_file", pathlib.Path(path).stem, records)


# The record format of fuzz_collected_sweep.cpp: names ending in '/' take the rest from the record.
SWEEP_ATTRIBUTES = ["conventions", "design"]
SWEEP_DATASETS = ["factor", "run", "design/point", "design/replicate", "design/seed_point", "design/status",
                  "design/label", "design/saltelli_row", "design/saltelli_factor", "design/saltelli_matrix",
                  "design/morris_trajectory", "design/morris_step", "design/morris_factor", "design/seed",
                  "design/error", "design", "unit", "outcomes", "factors", "design/", "unit/", "outcomes/", "factors/"]


def collected_sweep_seeds(paths):
    """What the analysis reads of a collected sweep: its design, unit coordinates, factor table and
    scalar outcomes (the whole series under /series are left out: analyze does not read them)."""
    if not paths:
        return
    import h5py
    for path in paths:
        with h5py.File(path, "r") as f:
            out = encode_named(f, SWEEP_ATTRIBUTES, SWEEP_DATASETS)
            for index, group in enumerate(SWEEP_DATASETS):
                if not group.endswith("/") or group[:-1] not in f:
                    continue
                for member, item in f[group[:-1]].items():
                    if isinstance(item, h5py.Dataset) and group + member not in SWEEP_DATASETS:
                        out += encode(1, index, item[()], member)
        write_file_seed("fuzz_collected_sweep", pathlib.Path(path).parent.name or pathlib.Path(path).stem, out)


scenario_seeds()
import_seeds()
table_seeds()
sweep_seeds()
collected = [p for p in sys.argv[1:] if is_collected_sweep(p)]
run_file_seeds([p for p in sys.argv[1:] if p not in collected])
collected_sweep_seeds(collected)
