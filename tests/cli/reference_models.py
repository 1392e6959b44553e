"""End-to-end checks of the reference models run by `convivia run` (docs/reference-models.md).

Runs the four scenarios in scenarios/reference/ and checks for each:
- exit status 0, the output file exists and no temporary file is left;
- `--summary -` gives one JSON object with the model name and its final figures in range;
- the HDF5 file has the root provenance attributes, the model name, the per-step (or per-sample)
  series on a dimension scale and the final grid, and its final figures equal the summary's;
- the same seed gives the same final grid.
Also checks that a misspelt key in a reference scenario fails with exit status 2, names the key and
suggests the right one, and writes no output file.

Usage: /usr/bin/python3 reference_models.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py. Prints one line per check; exits 1 if any check failed.
"""

import json
import os
import subprocess
import sys
import tempfile

import h5py
import numpy

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402

PROVENANCE = ("model_version", "git_commit", "scenario", "scenario_sha256", "seed", "created_utc")


def run(convivia, args, cwd):
    return subprocess.run([convivia, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def describe(result):
    return f"command: {' '.join(result.args)}\nstatus: {result.returncode}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"


def dimension_names(dataset):
    return [dim.label for dim in dataset.dims]


def check_schelling(name, summary, path, expected_agents, width):
    check(summary.get("model") == "schelling", f"{name}: summary names the model", summary)
    check(0.0 <= summary.get("percent_similar", -1) <= 100.0, f"{name}: percent_similar in [0, 100]", summary)
    check(0.0 <= summary.get("percent_unhappy", -1) <= 100.0, f"{name}: percent_unhappy in [0, 100]", summary)
    check(isinstance(summary.get("steps"), int) and summary["steps"] >= 1, f"{name}: steps is a positive integer", summary)
    if expected_agents is not None:
        check(summary.get("agents") == expected_agents, f"{name}: {expected_agents} agents", summary)
    with h5py.File(path, "r") as f:
        check(all(key in f.attrs for key in PROVENANCE), f"{name}: provenance attributes", list(f.attrs))
        check(f.attrs.get("model") == "schelling", f"{name}: model attribute", f.attrs.get("model"))
        steps = summary["steps"]
        similar = f["series/percent_similar"]
        check(similar.shape == (steps + 1,), f"{name}: one row per step and one after setup", similar.shape)
        check(dimension_names(similar) == ["step"], f"{name}: series on the step dimension", dimension_names(similar))
        check(numpy.isclose(similar[-1], summary["percent_similar"]), f"{name}: last series value equals the summary")
        check(similar.attrs.get("units") == "%", f"{name}: units attribute", dict(similar.attrs))
        grid = f["final/grid"][...]
        check(grid.shape == (width, width), f"{name}: final grid is {width} x {width}", grid.shape)
        check(int((grid > 0).sum()) == summary["agents"], f"{name}: grid holds every agent", int((grid > 0).sum()))
        check(abs(int((grid == 1).sum()) - int((grid == 2).sum())) <= max(2, summary["agents"] // 20),
              f"{name}: two groups of about equal size")
        check(f.attrs.get("steps") == steps, f"{name}: steps attribute equals the summary")
        return grid


def check_axelrod(summary, path):
    check(summary.get("model") == "axelrod", "axelrod: summary names the model", summary)
    check(summary.get("absorbed") is True, "axelrod: run absorbed", summary)
    regions = summary.get("stable_regions")
    cultures = summary.get("distinct_cultures")
    check(isinstance(regions, int) and 1 <= regions <= 100, "axelrod: stable_regions in [1, 100]", summary)
    check(isinstance(cultures, int) and 1 <= cultures <= regions, "axelrod: distinct_cultures in [1, regions]", summary)
    check(isinstance(summary.get("events"), int) and summary["events"] > 0, "axelrod: events counted", summary)
    with h5py.File(path, "r") as f:
        check(all(key in f.attrs for key in PROVENANCE), "axelrod: provenance attributes", list(f.attrs))
        check(f.attrs.get("model") == "axelrod", "axelrod: model attribute")
        bonds = f["series/active_bonds"][...]
        check(bonds[-1] == 0 and bonds[0] > 0, "axelrod: active bonds fall to 0", bonds[:3])
        check(dimension_names(f["series/events"]) == ["sample"], "axelrod: series on the sample dimension")
        check(f["series/events"][-1] == summary["events"], "axelrod: last sample at the final event count")
        culture = f["final/culture"]
        check(culture.shape == (10, 10, 5), "axelrod: final culture is 10 x 10 x 5", culture.shape)
        check(dimension_names(culture) == ["y", "x", "feature"], "axelrod: culture dimensions named", dimension_names(culture))
        region = f["final/region"][...]
        check(int(region.max()) + 1 == regions, "axelrod: region labels match stable_regions")
        check(f.attrs.get("stable_regions") == regions, "axelrod: stable_regions attribute equals the summary")


def main():
    convivia, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    scenarios = os.path.join(source, "scenarios", "reference")
    with tempfile.TemporaryDirectory() as work:
        runs = {}
        for name in ("schelling-small", "schelling-large", "schelling-netlogo", "axelrod"):
            output = os.path.join(work, name + ".h5")
            result = run(convivia, ["run", os.path.join(scenarios, name + ".toml"), "-o", output, "--summary", "-", "--quiet"], work)
            ok = check(result.returncode == 0 and os.path.isfile(output), f"{name}: runs and writes its file", describe(result))
            check(not [n for n in os.listdir(work) if ".tmp" in n], f"{name}: no temporary file left")
            if not ok:
                continue
            try:
                runs[name] = (json.loads(result.stdout), output)
            except json.JSONDecodeError as error:
                check(False, f"{name}: summary is JSON", f"{error}\n{result.stdout}")
        grids = {}
        if "schelling-small" in runs:
            grids["small"] = check_schelling("schelling-small", *runs["schelling-small"], 1000, 40)
        if "schelling-large" in runs:
            check_schelling("schelling-large", *runs["schelling-large"], 8000, 100)
        if "schelling-netlogo" in runs:
            summary = runs["schelling-netlogo"][0]
            check_schelling("schelling-netlogo", *runs["schelling-netlogo"], None, 51)
            check(summary.get("all_happy") is True and summary.get("percent_unhappy") == 0.0,
                  "schelling-netlogo: stops with everyone happy", summary)
            check(60.0 <= summary.get("percent_similar", 0) <= 90.0, "schelling-netlogo: segregates", summary)
        if "axelrod" in runs:
            check_axelrod(*runs["axelrod"])

        # Same seed, same final grid; the table is printed without --quiet.
        again = os.path.join(work, "again.h5")
        result = run(convivia, ["run", os.path.join(scenarios, "schelling-small.toml"), "-o", again], work)
        check(result.returncode == 0 and "% similar" in result.stdout, "schelling-small: table printed without --quiet",
              describe(result))
        if "small" in grids and os.path.isfile(again):
            with h5py.File(again, "r") as f:
                check(numpy.array_equal(f["final/grid"][...], grids["small"]), "schelling-small: same seed, same grid")

        # A misspelt key: exit status 2, the key named with a suggestion, no output file.
        bad = os.path.join(work, "bad.toml")
        with open(bad, "w") as f:
            f.write('model = "schelling"\n\n[schelling]\nsimilar_wantd = 0.3\n')
        bad_output = os.path.join(work, "bad.h5")
        result = run(convivia, ["run", bad, "-o", bad_output, "--quiet"], work)
        check(result.returncode == 2, "bad key: exit status 2", describe(result))
        check("schelling.similar_wantd" in result.stderr and "schelling.similar_wanted" in result.stderr,
              "bad key: message names the key and suggests the right one", result.stderr)
        check(not os.path.exists(bad_output), "bad key: no output file")

        # A reference scenario needs no [[groups]]; an out-of-range value is still caught.
        with open(bad, "w") as f:
            f.write('model = "schelling"\n\n[schelling]\nwidth = 10\nheight = 10\nagents = 100\n')
        result = run(convivia, ["run", bad, "-o", bad_output, "--quiet"], work)
        check(result.returncode == 2 and "schelling.agents" in result.stderr, "too many agents: exit status 2, key named",
              describe(result))
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
