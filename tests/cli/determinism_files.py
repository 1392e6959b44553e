"""End-to-end check that run output files do not depend on the number of threads.

Runs scenarios/tests/tiny.toml and the default (Berlin, imported) scenario at
`--set city.scale=0.005 --days 31` with `--threads 1`, `--threads 2` and `--threads 4` into three
files each, then walks every group, dataset and attribute of the files with h5py and checks they are
identical: the same objects, datasets with the same shape, dtype, chunking, filters and bytes (strings
compared as strings), and equal attributes except `created_utc`. The JSON summaries must carry the
same state_hash. Finally a run with another `--seed` must give a different
`daily/mean_outgroup_trust`. The first difference found is printed.

Usage: /usr/bin/python3 determinism_files.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py and python3-numpy. Prints one line per check; exits 1 if any failed.
"""

import json
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402

THREADS = (1, 2, 4)
IGNORED_ATTRIBUTES = {"created_utc"}



class Difference(Exception):
    pass


def normalise(f, value):
    """Turns an attribute value into plain Python data; object references become the target's path."""
    if isinstance(value, (h5py.Reference, h5py.RegionReference)):
        return ("ref", f[value].name if value else None)
    if isinstance(value, np.void):  # a compound element, e.g. of REFERENCE_LIST
        return tuple(normalise(f, value[name]) for name in value.dtype.names)
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "OV":
            return ("array", value.shape, str(value.dtype) if value.dtype.kind != "O" else "object",
                    [normalise(f, v) for v in value.flat])
        return ("array", value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, np.generic):
        return ("scalar", value.dtype.str, value.tobytes())
    if isinstance(value, bytes):
        return ("bytes", value)
    if isinstance(value, float):  # compare bitwise so that NaN equals NaN
        return ("float", np.float64(value).tobytes())
    return (type(value).__name__, value)


def compare_attributes(fa, fb, oa, ob, where):
    names_a = set(oa.attrs.keys()) - IGNORED_ATTRIBUTES
    names_b = set(ob.attrs.keys()) - IGNORED_ATTRIBUTES
    if names_a != names_b:
        raise Difference(f"{where}: attributes differ: only in first {sorted(names_a - names_b)}, "
                         f"only in second {sorted(names_b - names_a)}")
    for name in sorted(names_a):
        va, vb = normalise(fa, oa.attrs[name]), normalise(fb, ob.attrs[name])
        if va != vb:
            raise Difference(f"{where}: attribute {name!r} differs: {str(va)[:300]} vs {str(vb)[:300]}")


def string_kind(dtype):
    info = h5py.check_string_dtype(dtype)
    return info is not None


def first_differing_index(a, b):
    if a.shape != b.shape:
        return None
    flat_a, flat_b = a.reshape(-1), b.reshape(-1)
    for i in range(flat_a.size):
        if flat_a[i:i + 1].tobytes() != flat_b[i:i + 1].tobytes():
            return np.unravel_index(i, a.shape) if a.ndim else (), flat_a[i], flat_b[i]
    return None


def compare_datasets(fa, fb, da, db, where):
    if da.shape != db.shape:
        raise Difference(f"{where}: shape {da.shape} vs {db.shape}")
    if da.dtype != db.dtype:
        raise Difference(f"{where}: dtype {da.dtype} vs {db.dtype}")
    layout_a = (da.chunks, da.compression, da.compression_opts, da.shuffle, da.maxshape)
    layout_b = (db.chunks, db.compression, db.compression_opts, db.shuffle, db.maxshape)
    if layout_a != layout_b:
        raise Difference(f"{where}: layout (chunks, compression, level, shuffle, maxshape) {layout_a} vs {layout_b}")
    if string_kind(da.dtype):
        va = da.asstr()[()] if da.shape != () else da.asstr()[()]
        vb = db.asstr()[()] if db.shape != () else db.asstr()[()]
        la = va.tolist() if isinstance(va, np.ndarray) else va
        lb = vb.tolist() if isinstance(vb, np.ndarray) else vb
        if la != lb:
            if isinstance(la, list):
                for i, (x, y) in enumerate(zip(np.ravel(va), np.ravel(vb))):
                    if x != y:
                        raise Difference(f"{where}: string element {i} differs: {x!r} vs {y!r}")
            raise Difference(f"{where}: strings differ: {str(la)[:300]} vs {str(lb)[:300]}")
        return
    if da.dtype.kind == "O" or (da.dtype.names and any(da.dtype[n].kind == "O" for n in da.dtype.names)):
        va = [normalise(fa, v) for v in np.ravel(da[()])]
        vb = [normalise(fb, v) for v in np.ravel(db[()])]
        if va != vb:
            raise Difference(f"{where}: object values differ")
        return
    a = da[()]
    b = db[()]
    a = np.asarray(a)
    b = np.asarray(b)
    if a.tobytes() != b.tobytes():
        found = first_differing_index(a, b)
        if found is not None:
            index, x, y = found
            raise Difference(f"{where}: first differing element at {tuple(int(i) for i in index)}: {x!r} vs {y!r}")
        raise Difference(f"{where}: bytes differ")


def compare_files(path_a, path_b):
    """Raises Difference with the first difference between the two files; returns the object count."""
    with h5py.File(path_a, "r") as fa, h5py.File(path_b, "r") as fb:
        compare_attributes(fa, fb, fa, fb, "/")
        count = 0
        stack = ["/"]
        while stack:
            name = stack.pop()
            ga, gb = fa[name], fb[name]
            keys_a, keys_b = sorted(ga.keys()), sorted(gb.keys())
            if keys_a != keys_b:
                raise Difference(f"{name}: members differ: only in first {sorted(set(keys_a) - set(keys_b))}, "
                                 f"only in second {sorted(set(keys_b) - set(keys_a))}")
            for key in keys_a:
                path = (name.rstrip("/") + "/" + key)
                oa, ob = ga[key], gb[key]
                if type(oa) is not type(ob):
                    raise Difference(f"{path}: {type(oa).__name__} vs {type(ob).__name__}")
                compare_attributes(fa, fb, oa, ob, path)
                count += 1
                if isinstance(oa, h5py.Group):
                    stack.append(path)
                elif isinstance(oa, h5py.Dataset):
                    compare_datasets(fa, fb, oa, ob, path)
        return count


def run(convivia, args, cwd):
    result = subprocess.run([convivia, *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    return result


def describe(result):
    return f"command: {' '.join(result.args)}\nstatus: {result.returncode}\nstdout: {result.stdout[-1500:]}\nstderr: {result.stderr[-1500:]}"


def check_scenario(convivia, label, scenario, extra, work):
    files = {}
    hashes = {}
    for threads in THREADS:
        output = os.path.join(work, f"{label}-t{threads}.h5")
        result = run(convivia, ["run", scenario, "-o", output, "--threads", str(threads), "--quiet", "--summary", "-",
                                *extra], work)
        ok = check(result.returncode == 0 and os.path.isfile(output), f"{label}: run with --threads {threads}",
                   describe(result))
        if ok:
            files[threads] = output
            try:
                hashes[threads] = json.loads(result.stdout).get("state_hash")
            except ValueError:
                check(False, f"{label}: --threads {threads} summary is JSON", describe(result))
    if len(files) != len(THREADS):
        return None
    for threads in THREADS[1:]:
        try:
            count = compare_files(files[THREADS[0]], files[threads])
            check(True, f"{label}: --threads {THREADS[0]} and --threads {threads} files are identical ({count} objects)")
        except Difference as difference:
            check(False, f"{label}: --threads {THREADS[0]} and --threads {threads} files are identical",
                  f"first difference: {difference}")
    check(len(set(hashes.values())) == 1, f"{label}: the same state_hash for every thread count", hashes)
    return files[THREADS[0]]


def check_seed_changes_results(convivia, label, scenario, extra, reference, work):
    output = os.path.join(work, f"{label}-other-seed.h5")
    result = run(convivia, ["run", scenario, "-o", output, "--threads", "2", "--seed", "12345", "--quiet", *extra], work)
    if not check(result.returncode == 0 and os.path.isfile(output), f"{label}: run with --seed 12345", describe(result)):
        return
    with h5py.File(reference, "r") as fa, h5py.File(output, "r") as fb:
        a = fa["daily/mean_outgroup_trust"][()]
        b = fb["daily/mean_outgroup_trust"][()]
        check(a.shape == b.shape and a.tobytes() != b.tobytes(),
              f"{label}: another --seed gives a different daily/mean_outgroup_trust",
              f"seed {fa.attrs['seed']}: {a[-3:]}\nseed {fb.attrs['seed']}: {b[-3:]}")
        check(fb.attrs["seed"] == "12345", f"{label}: the other run records seed 12345 ({fb.attrs['seed']!r})")


def main():
    if len(sys.argv) != 3:
        print("usage: determinism_files.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    scenarios = (
        ("tiny", os.path.join(source, "scenarios", "tests", "tiny.toml"), []),
        ("berlin", os.path.join(source, "scenarios", "default.toml"), ["--set", "city.scale=0.005", "--days", "31"]),
    )
    with tempfile.TemporaryDirectory(prefix="convivia-determinism-") as work:
        for label, scenario, extra in scenarios:
            reference = check_scenario(convivia, label, scenario, extra, work)
            if reference is not None:
                check_seed_changes_results(convivia, label, scenario, extra, reference, work)
        leftovers = [name for name in os.listdir(work) if ".tmp" in name]
        check(not leftovers, "no temporary files left", leftovers)

    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
