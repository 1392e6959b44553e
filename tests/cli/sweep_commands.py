"""End-to-end checks of `convivia sweep plan|run|collect` on scenarios/sweeps/tiny-mediators.toml
(12 runs of the tiny city, 30 days each).

- plan prints the design table (12 runs, header, common random numbers: runs that differ only in
  the policy factor have the same seed) and writes it with -o; a bad factor value exits 2 naming the
  sweep file, the line and the key;
- the sweep run with --jobs 1, with --jobs 2, and as three shards run in the order 2, 0, 1 give
  collected files that are identical in every dataset;
- rerunning skips every run and leaves the run files untouched; a directory holding another sweep
  (or other files) is refused with exit 2; a sweep that only changes its outcomes is accepted;
- a run killed with -9 while the sweep runs is recorded as failed with its signal, the other runs
  finish, the sweep exits 1; rerunning retries the failed run and completes;
- a misspelt outcome series stops the sweep after the first run with exit 2 naming the outcome;
- collecting a half-run sweep marks the other runs missing, with NaN outcomes;
- the built-in Ishigami model runs a Saltelli design in process and its y is the Ishigami function
  of the design's values.

Usage: /usr/bin/python3 sweep_commands.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py and python3-numpy. Prints one line per check; exits 1 if any failed.
"""

import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402
from sweeps import Difference, children_of, compare_files, describe, example_text, run, write_sweep  # noqa: E402


def check_help(convivia):
    for args, fragments in ((["sweep", "--help"], ["plan", "run", "slurm", "collect"]),
                            (["sweep", "run", "--help"], ["--jobs", "--shard", "--threads", "Exit status"]),
                            (["sweep", "slurm", "--help"], ["--runs-per-task", "--max-array", "--submit"]),
                            (["sweep", "collect", "--help"], ["h5py"]),
                            (["--help"], ["sweep"])):
        result = run(convivia, args)
        missing = [fragment for fragment in fragments if fragment not in result.stdout]
        check(result.returncode == 0 and not missing, f"convivia {' '.join(args)} exits 0 and mentions {', '.join(fragments)}",
              describe(result))
    result = run(convivia, ["sweep"])
    check(result.returncode == 0 and "collect" in result.stdout and "tiny-mediators" in result.stdout,
          "convivia sweep alone prints its help, with an example", describe(result))
    result = run(convivia, ["sweep", "run", EXAMPLE_PATH, "-o", "/nonexistent-dir/x", "--shard", "3/3"])
    check(result.returncode == 2 and "0 <= I < N" in result.stderr, "--shard 3/3 is refused with exit 2", describe(result))


def check_plan(convivia, sweep, work):
    result = run(convivia, ["sweep", "plan", sweep])
    if not check(result.returncode == 0, "sweep plan exits 0", describe(result)):
        return
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    check(len(rows) == 12, f"the design table has 12 runs ({len(rows)})")
    check(list(rows[0].keys())[:6] == ["run", "point", "replicate", "seed", "seed_point", "label"],
          "the design table starts with run, point, replicate, seed, seed_point, label", list(rows[0].keys()))
    by_run = {int(row["run"]): row for row in rows}
    same = all(by_run[r]["seed"] == by_run[r + 6]["seed"] for r in range(6))
    check(same and by_run[0]["seed"] != by_run[3]["seed"],
          "runs that differ only in the policy factor share seeds; other runs do not")
    check("12 runs" in result.stderr and "every point checked" in result.stderr, "plan says how many runs and that it checked them",
          result.stderr)
    table = os.path.join(work, "design.csv")
    result = run(convivia, ["sweep", "plan", sweep, "-o", table])
    check(result.returncode == 0 and os.path.isfile(table) and open(table).read().count("\n") == 13,
          "sweep plan -o writes the table to a file", describe(result))

    bad = write_sweep(SOURCE, work, "bad.toml", example_text(SOURCE).replace("values = [0.3, 0.6]", "values = [0.3, 1.6]"))
    result = run(convivia, ["sweep", "plan", bad])
    line = next(i + 1 for i, text in enumerate(open(bad).read().splitlines()) if "values = [0.3, 1.6]" in text)
    check(result.returncode == 2 and f"bad.toml:{line}: factors[1].values[1]: encounters.avoidance = 1.6: expected a number in [0, 1]"
          in result.stderr, "a bad factor value exits 2 naming file, line, key and what was expected", describe(result))


def run_and_collect(convivia, sweep, directory, output, extra=(), shards=None):
    """Runs the sweep (optionally shard by shard in the given order) and collects it; returns True if all worked."""
    orders = [None] if shards is None else shards
    for shard in orders:
        args = ["sweep", "run", sweep, "-o", directory, "--quiet", *extra]
        if shard is not None:
            args += ["--shard", shard]
        result = run(convivia, args)
        if not check(result.returncode == 0, f"sweep run {' '.join(args[4:])} exits 0", describe(result)):
            return False
    result = run(convivia, ["sweep", "collect", directory, "-o", output])
    return check(result.returncode == 0 and os.path.isfile(output), f"sweep collect of {os.path.basename(directory)}", describe(result))


def check_same(a, b, what):
    try:
        count = compare_files(a, b)
        check(True, f"{what}: collected files identical ({count} objects)")
    except Difference as difference:
        check(False, f"{what}: collected files identical", f"first difference: {difference}")


def check_rerun_and_refusal(convivia, sweep, directory, work):
    runs = os.path.join(directory, "runs")
    before = {name: os.stat(os.path.join(runs, name)).st_mtime_ns for name in os.listdir(runs) if name.endswith(".h5")}
    result = run(convivia, ["sweep", "run", sweep, "-o", directory])
    after = {name: os.stat(os.path.join(runs, name)).st_mtime_ns for name in os.listdir(runs) if name.endswith(".h5")}
    check(result.returncode == 0 and "all 12 runs were already complete" in result.stderr and before == after and len(after) == 12,
          "rerunning skips all 12 runs and leaves their files untouched", describe(result))

    other = write_sweep(SOURCE, work, "other.toml", example_text(SOURCE).replace("replicates = 3", "replicates = 2"))
    result = run(convivia, ["sweep", "run", other, "-o", directory])
    check(result.returncode == 2 and "holds a different sweep" in result.stderr and "replicates differs" in result.stderr,
          "a directory holding another sweep is refused (exit 2, says what differs)", describe(result))
    stray = os.path.join(work, "not-a-sweep")
    os.makedirs(stray)
    open(os.path.join(stray, "notes.txt"), "w").write("mine\n")
    result = run(convivia, ["sweep", "run", sweep, "-o", stray])
    check(result.returncode == 2 and "not a sweep directory" in result.stderr and os.listdir(stray) == ["notes.txt"],
          "a directory with other files is refused and left alone", describe(result))
    outcomes_only = write_sweep(SOURCE, work, "outcomes.toml",
                                example_text(SOURCE).replace('name = "diversity_final"', 'name = "diversity_at_end"'))
    result = run(convivia, ["sweep", "run", outcomes_only, "-o", directory])
    check(result.returncode == 0 and "already complete" in result.stderr,
          "a sweep that changes only its outcomes runs into the same directory", describe(result))
    collected = os.path.join(work, "outcomes.h5")
    result = run(convivia, ["sweep", "collect", directory, "-o", collected])
    if check(result.returncode == 0, "collect after changing the outcomes", describe(result)):
        with h5py.File(collected, "r") as f:
            check("diversity_at_end" in f["outcomes"] and "diversity_final" not in f["outcomes"],
                  "the collected file has the outcomes as last stored", list(f["outcomes"]))
    # Back to the original outcomes for the checks that follow.
    run(convivia, ["sweep", "run", sweep, "-o", directory, "--quiet"])


def check_killed_run(convivia, work):
    text = example_text(SOURCE).replace("run.days = 30", "run.days = 1500").replace("replicates = 3", "replicates = 1")
    sweep = write_sweep(SOURCE, work, "long.toml", text)
    directory = os.path.join(work, "killed")
    process = subprocess.Popen([convivia, "sweep", "run", sweep, "-o", directory, "--jobs", "1", "--quiet"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = None
    deadline = time.time() + 60
    while victim is None and time.time() < deadline and process.poll() is None:
        kids = children_of(process.pid)
        if kids:
            time.sleep(0.1)  # each run takes over a second, so it is still running
            try:
                os.kill(kids[0], 9)  # a run that ended meanwhile is gone: try the next one
                victim = kids[0]
            except ProcessLookupError:
                pass
        else:
            time.sleep(0.02)
    stdout, stderr = process.communicate(timeout=300)
    if not check(victim is not None, "found a run process to kill"):
        return
    check(process.returncode == 1 and "1 run failed" in stderr, "the sweep goes on and exits 1 with one failed run",
          f"status {process.returncode}\n{stderr}")
    records = [json.load(open(os.path.join(directory, "runs", f"run-{r:06}.json"))) for r in range(4)]
    failed = [r for r in records if r["status"] == "failed"]
    check(len(failed) == 1 and "killed by signal 9" in failed[0].get("error", ""), "the killed run is recorded with its signal",
          records)
    check(sum(r["status"] == "done" for r in records) == 3, "the other three runs are done", records)
    result = run(convivia, ["sweep", "run", sweep, "-o", directory, "--quiet"])
    records = [json.load(open(os.path.join(directory, "runs", f"run-{r:06}.json"))) for r in range(4)]
    check(result.returncode == 0 and all(r["status"] == "done" for r in records), "rerunning retries the failed run",
          describe(result))
    leftovers = [name for name in os.listdir(os.path.join(directory, "runs")) if ".tmp" in name]
    check(not leftovers, "no temporary files are left", leftovers)


def check_bad_outcome(convivia, work):
    text = example_text(SOURCE).replace('series = "daily/mean_outgroup_trust"\n', 'series = "daily/mean_outgroup_trst"\n')
    sweep = write_sweep(SOURCE, work, "bad-outcome.toml", text)
    directory = os.path.join(work, "bad-outcome")
    result = run(convivia, ["sweep", "run", sweep, "-o", directory, "--jobs", "1"])
    done = [name for name in os.listdir(os.path.join(directory, "runs")) if name.endswith(".h5")] if os.path.isdir(directory) else []
    line = next(i + 1 for i, t in enumerate(text.splitlines()) if t.strip() == "[[outcomes]]" and
                "mean_outgroup_trst" in "\n".join(text.splitlines()[i:i + 3]))
    check(result.returncode == 2 and f"bad-outcome.toml:{line}: outcomes[1]" in result.stderr and "mean_outgroup_trust" in result.stderr
          and len(done) <= 2, "a misspelt outcome stops the sweep after its first run, naming the outcome and what exists",
          describe(result) + f"\nrun files: {done}")


def check_partial_collect(convivia, sweep, work):
    directory = os.path.join(work, "half")
    result = run(convivia, ["sweep", "run", sweep, "-o", directory, "--shard", "0/2", "--quiet"])
    check(result.returncode == 0, "shard 0/2 runs", describe(result))
    output = os.path.join(work, "half.h5")
    result = run(convivia, ["sweep", "collect", directory, "-o", output])
    if not check(result.returncode == 0 and "6 done" in result.stderr and "6 missing" in result.stderr,
                 "collect of a half-run sweep says 6 done, 6 missing", describe(result)):
        return
    with h5py.File(output, "r") as f:
        status = list(f["design/status"].asstr()[:])
        final = f["outcomes/diversity_final"][:]
        series = f["series/diversity"][:]
        check(status == ["done"] * 6 + ["missing"] * 6, "runs 6 to 11 have status missing", status)
        check(np.all(np.isfinite(final[:6])) and np.all(np.isnan(final[6:])), "missing runs have NaN outcomes", final)
        check(np.all(np.isnan(series[6:])) and np.all(np.isfinite(series[:6])), "missing runs have NaN series", series.shape)
        check(f.attrs["runs_missing"] == 6 and f.attrs["runs_done"] == 6, "the root attributes count done and missing runs")


def check_ishigami(convivia, work):
    text = """name = "ishigami-check"
model = "ishigami"
seed = 3
[design]
kind = "saltelli"
base_points = 16
[[factors]]
key = "x1"
range = [-3.141592653589793, 3.141592653589793]
[[factors]]
key = "x2"
range = [-3.141592653589793, 3.141592653589793]
[[factors]]
key = "x3"
range = [-3.141592653589793, 3.141592653589793]
"""
    sweep = os.path.join(work, "ishigami.toml")
    open(sweep, "w").write(text)
    directory = os.path.join(work, "ishigami")
    output = os.path.join(work, "ishigami.h5")
    if not run_and_collect(convivia, sweep, directory, output):
        return
    with h5py.File(output, "r") as f:
        x1, x2, x3 = (f["design"][name][:] for name in ("x1", "x2", "x3"))
        y = f["outcomes/y"][:]
        expected = np.sin(x1) + 7 * np.sin(x2) ** 2 + 0.1 * x3 ** 4 * np.sin(x1)
        check(y.shape == (80,) and np.allclose(y, expected, rtol=0, atol=1e-12), "Ishigami y over 16 x (3 + 2) Saltelli points",
              f"{y[:5]} vs {expected[:5]}")
        matrices = list(f["design/saltelli_matrix"].asstr()[:5])
        factors = list(f["design/saltelli_factor"].asstr()[:5])
        check(matrices == ["A", "AB", "AB", "AB", "B"] and factors == ["", "x1", "x2", "x3", ""],
              "the design table says which Saltelli matrix each run belongs to", (matrices, factors))
        unit = f["unit/x2"][:]
        check(np.allclose(x2, -math.pi + 2 * math.pi * unit), "values are the uniform quantiles of the unit coordinates")


def main():
    global SOURCE
    if len(sys.argv) != 3:
        print("usage: sweep_commands.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia = os.path.abspath(sys.argv[1])
    SOURCE = os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="convivia-sweep-") as work:
        sweep = write_sweep(SOURCE, work, "tiny-mediators.toml", example_text(SOURCE))
        global EXAMPLE_PATH
        EXAMPLE_PATH = sweep
        check_help(convivia)
        check_plan(convivia, sweep, work)
        files = {}
        for label, extra, shards in (("jobs1", ["--jobs", "1"], None), ("jobs2", ["--jobs", "2"], None),
                                     ("shards", ["--jobs", "1"], ["2/3", "0/3", "1/3"])):
            output = os.path.join(work, f"{label}.h5")
            if run_and_collect(convivia, sweep, os.path.join(work, label), output, extra, shards):
                files[label] = output
        if "jobs1" in files:
            for label in ("jobs2", "shards"):
                if label in files:
                    check_same(files["jobs1"], files[label], f"--jobs 1 and {label}")
            check_rerun_and_refusal(convivia, sweep, os.path.join(work, "jobs1"), work)
        check_killed_run(convivia, work)
        check_bad_outcome(convivia, work)
        check_partial_collect(convivia, sweep, work)
        check_ishigami(convivia, work)
    return checks_summary()


SOURCE = ""
EXAMPLE_PATH = ""

if __name__ == "__main__":
    sys.exit(main())
