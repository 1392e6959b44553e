"""End-to-end check of `convivia analyze` on the built-in Ishigami model:
sweep plan -> sweep run -> sweep collect -> analyze of a Saltelli design of 256 base rows.

- point_summary.csv holds one row per design point whose mean is the collected y of that point;
- effects.csv holds every other point against point 0, its difference the plain difference of y
  (one run each: method "single");
- sobol.csv holds first-order and total indices equal to the Saltelli 2010 / Jansen estimators
  computed here with NumPy from the collected file, near the analytic values (Ishigami and Homma 1990), and
  inside their bootstrap intervals' neighbourhood;
- analysis.h5 holds the same tables under /analysis (every dataset with a long_name) and the design,
  whose datasets keep /run as their dimension scale;
- a Morris sweep of the same function gives morris.csv with mu, mu* and sigma equal to the
  elementary effects computed here with NumPy from the collected file;
- a Morris sweep of Sobol's G function (built-in `sobol_g`) ranks its inputs by their known
  importance and finds the two unimportant ones;
- a file that is not a collected sweep exits 2 with a message saying what is expected, and writes
  nothing.

Usage: /usr/bin/python3 analyze_command.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py and python3-numpy. Prints one line per check; exits 1 if any failed.
"""

import csv
import math
import os
import sys
import tempfile

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402
from sweeps import describe, run  # noqa: E402

SWEEP = """name = "ishigami-analysis"
model = "ishigami"
seed = 5
[design]
kind = "saltelli"
base_points = 256
""" + "".join(f'[[factors]]\nkey = "x{i}"\nrange = [-3.141592653589793, 3.141592653589793]\n' for i in (1, 2, 3))


MORRIS = SWEEP.replace('name = "ishigami-analysis"', 'name = "ishigami-morris"').replace(
    'kind = "saltelli"\nbase_points = 256', 'kind = "morris"\ntrajectories = 10\nlevels = 4')


def rows_of(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def numpy_indices(f):
    """Saltelli 2010 first order and Jansen total indices from the collected file."""
    y = f["outcomes/y"][()]
    matrix = f["design/saltelli_matrix"].asstr()[()]
    factor = f["design/saltelli_factor"].asstr()[()]
    a, b = y[matrix == "A"], y[matrix == "B"]
    variance = np.var(np.concatenate([a, b]))
    first, total = [], []
    for i in range(3):
        ab = y[(matrix == "AB") & (factor == f"x{i + 1}")]
        first.append(np.mean(b * (ab - a)) / variance)
        total.append(0.5 * np.mean((a - ab) ** 2) / variance)
    return first, total


def numpy_morris(f):
    """Per factor name, the elementary effects (change of y over change of the moved unit coordinate)."""
    y = f["outcomes/y"][()]
    trajectory, step = f["design/morris_trajectory"][()], f["design/morris_step"][()]
    moved = f["design/morris_factor"].asstr()[()]
    effects = {}
    for r in range(len(y)):
        if step[r] == 0:
            continue
        previous = np.where((trajectory == trajectory[r]) & (step == step[r] - 1))[0][0]
        unit = f["unit/" + moved[r]][()]
        effects.setdefault(moved[r], []).append((y[r] - y[previous]) / (unit[r] - unit[previous]))
    return effects


SOBOL_G_MORRIS = """name = "sobol-g-morris"
model = "sobol_g"
seed = 3
[design]
kind = "morris"
trajectories = 20
levels = 4
""" + "".join(f'[[factors]]\nkey = "x{i}"\nrange = [0, 1]\n' for i in range(1, 7))


def run_chain(convivia, work, name, text):
    """sweep run, collect and analyze of the sweep file text; returns (collected file, analysis dir) or None."""
    sweep = os.path.join(work, f"{name}.toml")
    with open(sweep, "w") as f:
        f.write(text)
    collected = os.path.join(work, f"{name}.h5")
    out = os.path.join(work, f"{name}-analysis")
    for step, args in (("run", ["sweep", "run", sweep, "-o", os.path.join(work, name), "--quiet"]),
                       ("collect", ["sweep", "collect", os.path.join(work, name), "-o", collected]),
                       ("analyze", ["analyze", collected, "-o", out])):
        result = run(convivia, args)
        if not check(result.returncode == 0, f"{step} of the {name} sweep exits 0", describe(result)):
            return None
    return collected, out


def check_morris(convivia, work):
    files = run_chain(convivia, work, "morris", MORRIS)
    if files is None:
        return
    collected, out = files
    with h5py.File(collected, "r") as f:
        effects = numpy_morris(f)
    rows = rows_of(os.path.join(out, "morris.csv"))
    ok = len(rows) == 3 and not os.path.exists(os.path.join(out, "sobol.csv"))
    for r in rows if ok else []:
        e = np.array(effects[r["factor"]])
        ok = ok and int(r["effects"]) == len(e) == 10
        ok = ok and math.isclose(float(r["mu"]), e.mean(), rel_tol=1e-8, abs_tol=1e-9)
        ok = ok and math.isclose(float(r["mu_star"]), np.abs(e).mean(), rel_tol=1e-8, abs_tol=1e-9)
        ok = ok and math.isclose(float(r["sigma"]), e.std(ddof=1), rel_tol=1e-8, abs_tol=1e-9)
    check(ok, "morris.csv equals mu, mu* and sigma of the NumPy elementary effects", "\n".join(str(r) for r in rows))


def check_sobol_g_ranking(convivia, work):
    """Sobol's G function with a = 0, 1, 4.5, 9, 99, 99: Morris must rank x1 > x2 > x3 > x4 and find
    x5 and x6 unimportant (mu* under 5% of x1's)."""
    files = run_chain(convivia, work, "sobol-g", SOBOL_G_MORRIS)
    if files is None:
        return
    rows = {r["factor"]: float(r["mu_star"]) for r in rows_of(os.path.join(files[1], "morris.csv"))}
    ranked = sorted(rows, key=rows.get, reverse=True)
    ok = ranked[:4] == ["x1", "x2", "x3", "x4"] and all(rows[x] < 0.05 * rows["x1"] for x in ("x5", "x6"))
    check(ok, "Morris ranks the G function's inputs x1 > x2 > x3 > x4 and finds x5, x6 unimportant",
          ", ".join(f"{x}: {rows[x]:.4g}" for x in ranked))


def main():
    convivia, _source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        sweep = os.path.join(work, "ishigami.toml")
        with open(sweep, "w") as f:
            f.write(SWEEP)
        result = run(convivia, ["sweep", "plan", sweep, "-o", os.path.join(work, "design.csv")])
        check(result.returncode == 0, "sweep plan exits 0", describe(result))
        result = run(convivia, ["sweep", "run", sweep, "-o", os.path.join(work, "runs"), "--quiet"])
        check(result.returncode == 0, "sweep run exits 0", describe(result))
        collected = os.path.join(work, "experiments.h5")
        result = run(convivia, ["sweep", "collect", os.path.join(work, "runs"), "-o", collected])
        if not check(result.returncode == 0, "sweep collect exits 0", describe(result)):
            return checks_summary()
        out = os.path.join(work, "analysis")
        result = run(convivia, ["analyze", collected, "-o", out])
        if not check(result.returncode == 0, "analyze exits 0", describe(result)):
            return checks_summary()

        with h5py.File(collected, "r") as f:
            y = f["outcomes/y"][()]
            point = f["design/point"][()]
            first, total = numpy_indices(f)
        by_point = dict(zip(point.tolist(), y.tolist()))

        summary = rows_of(os.path.join(out, "point_summary.csv"))
        check(len(summary) == len(by_point) and all(math.isclose(float(r["mean"]), by_point[int(r["point"])], rel_tol=1e-9,
                                                                 abs_tol=1e-12) for r in summary),
              f"point_summary.csv has the mean of y for each of the {len(by_point)} points", str(summary[:3]))

        effects = rows_of(os.path.join(out, "effects.csv"))
        check(len(effects) == len(by_point) - 1 and all(
            r["method"] == "single" and r["baseline_point"] == "0"
            and math.isclose(float(r["difference"]), by_point[int(r["point"])] - by_point[0], rel_tol=1e-9, abs_tol=1e-9)
            for r in effects), "effects.csv holds each point's difference to point 0", str(effects[:3]))

        sobol = rows_of(os.path.join(out, "sobol.csv"))
        analytic_first, analytic_total = [0.3139, 0.4424, 0.0], [0.5576, 0.4424, 0.2437]
        ok = len(sobol) == 3
        for i, r in enumerate(sobol if ok else []):
            ok = ok and r["factor"] == f"x{i + 1}" and r["base_rows"] == "256"
            ok = ok and math.isclose(float(r["first_order"]), first[i], abs_tol=1e-9)
            ok = ok and math.isclose(float(r["total"]), total[i], abs_tol=1e-9)
            ok = ok and abs(float(r["first_order"]) - analytic_first[i]) < 0.1
            ok = ok and abs(float(r["total"]) - analytic_total[i]) < 0.1
            ok = ok and float(r["first_order_low"]) < float(r["first_order"]) < float(r["first_order_high"])
            ok = ok and float(r["total_low"]) < float(r["total"]) < float(r["total_high"])
        check(ok, "sobol.csv equals the NumPy estimators, near the analytic Ishigami indices, inside its intervals",
              "\n".join(str(r) for r in sobol) + f"\nnumpy first {first} total {total}")

        ok, detail = True, ""
        with h5py.File(os.path.join(out, "analysis.h5"), "r") as f:
            for table, rows in (("point_summary", summary), ("effects", effects), ("sobol", sobol)):
                group = f["analysis/" + table]
                for column in rows[0]:
                    d = group[column]
                    values = d.asstr()[()] if h5py.check_string_dtype(d.dtype) else d[()]
                    expected = [r[column] for r in rows]
                    same = (list(values) == expected if h5py.check_string_dtype(d.dtype) else
                            np.allclose(values, [float(v) for v in expected], rtol=1e-9, equal_nan=True))
                    if not same or "long_name" not in d.attrs:
                        ok, detail = False, f"{table}/{column}"
            scales = f["design/point"].dims[0].keys()
            ok = ok and scales == ["run"] and f.attrs["conventions"] == "convivia-analysis-1"
            ok = ok and np.array_equal(f["design/point"][()], point)
        check(ok, "analysis.h5 holds the CSV tables with long_name and the design along /run", detail)

        check_morris(convivia, work)
        check_sobol_g_ranking(convivia, work)
        bad = os.path.join(work, "bad")
        result = run(convivia, ["analyze", sweep, "-o", bad])
        check(result.returncode == 2 and "collected sweep" in result.stderr and not os.path.exists(bad),
              "a sweep file instead of a collected file exits 2 naming what is expected", describe(result))
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
