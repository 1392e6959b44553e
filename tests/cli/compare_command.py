"""End-to-end checks of `convivia compare`.

Runs the tiny test scenario for 31 days with seeds 1 and 2, as the baseline and with a changed key
(encounters.rate_positive = 0.9), then compares them:
- single files: the table names both scenarios and the headline row; the JSON difference equals the
  value of the second minus the value of the first; --at picks another day;
- replicates paired by seed: per scenario the mean, its interval containing the mean, the paired
  difference whose value is the mean of the per-seed differences; a group with other seeds is
  compared with Welch's interval; the CSV holds the same rows;
- refusals (exit status 2, nothing on stdout, a message naming the file or the problem): a text file,
  a file of another city, a day outside the run, an unknown indicator, a replicate group of one file.

Usage: /usr/bin/python3 compare_command.py <path-to-convivia> <source-dir>
Prints one line per check; exits 1 if any check failed.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402

DAYS = 31


def run(convivia, *args, cwd):
    return subprocess.run([convivia, *args], capture_output=True, text=True, cwd=cwd)


def make_runs(convivia, scenario, cwd):
    for name, extra in (("base", []), ("positive", ["--set", "encounters.rate_positive=0.9"])):
        for seed in (1, 2):
            result = run(convivia, "run", "-q", scenario, "--days", str(DAYS), "--seed", str(seed), "--threads", "1",
                         "-o", f"{name}_{seed}.h5", *extra, cwd=cwd)
            if result.returncode != 0:
                raise SystemExit(f"convivia run failed: {result.stderr}")
    result = run(convivia, "run", "-q", scenario, "--days", str(DAYS), "--seed", "3", "--threads", "1",
                 "-o", "positive_3.h5", "--set", "encounters.rate_positive=0.9", cwd=cwd)
    if result.returncode != 0:
        raise SystemExit(f"convivia run failed: {result.stderr}")
    result = run(convivia, "run", "-q", scenario, "--days", str(DAYS), "--seed", "1", "--threads", "1",
                 "-o", "small_city.h5", "--set", "city.synthetic.residents=1500", cwd=cwd)
    if result.returncode != 0:
        raise SystemExit(f"convivia run failed: {result.stderr}")


def rows_of(results, indicator, day):
    return {r["scenario"]: r for r in results if r["indicator"] == indicator and r["day"] == day}


def check_single(convivia, cwd):
    result = run(convivia, "compare", "base_1.h5", "positive_1.h5", cwd=cwd)
    check(result.returncode == 0, "single: exit status 0", result.stderr)
    check("base_1" in result.stdout and "positive_1" in result.stdout, "single: table names both scenarios", result.stdout)
    check("residents who regard diversity as a resource" in result.stdout, "single: table has the headline row", result.stdout)
    check(f"Day {DAYS - 1}" in result.stdout, "single: default day is the last day", result.stdout)

    result = run(convivia, "compare", "base_1.h5", "positive_1.h5", "--json", "--at", "5", "--at", str(DAYS - 1), cwd=cwd)
    check(result.returncode == 0, "single json: exit status 0", result.stderr)
    j = json.loads(result.stdout)
    check(j["days"] == [5, DAYS - 1] and j["replicates"] is False, "single json: days and no replicates", j["days"])
    for day in (5, DAYS - 1):
        rows = rows_of(j["results"], "diversity_resource_share", day)
        base, other = rows["base_1"], rows["positive_1"]
        check(abs(other["difference"] - (other["value"] - base["value"])) < 1e-12,
              f"single json: day {day} difference is value minus baseline value", rows)
    early = rows_of(j["results"], "mean_outgroup_trust", 5)["base_1"]["value"]
    late = rows_of(j["results"], "mean_outgroup_trust", DAYS - 1)["base_1"]["value"]
    check(early != late, "single json: --at picks different days", (early, late))


def check_replicates(convivia, cwd):
    result = run(convivia, "compare", "base=base_1.h5,base_2.h5", "positive=positive_1.h5,positive_2.h5",
                 "other_seeds=positive_2.h5,positive_3.h5", "--json", "--indicator", "diversity_resource_share",
                 "--indicator", "cohesion_index", cwd=cwd)
    check(result.returncode == 0, "replicates json: exit status 0", result.stderr)
    j = json.loads(result.stdout)
    methods = {s["name"]: s["difference_method"] for s in j["scenarios"]}
    check(methods == {"base": "baseline", "positive": "paired", "other_seeds": "welch"},
          "replicates json: same seeds paired, other seeds Welch", methods)
    check({r["indicator"] for r in j["results"]} == {"diversity_resource_share", "cohesion_index"},
          "replicates json: --indicator restricts the rows", {r["indicator"] for r in j["results"]})

    # The values of the single files, to check the means and the paired difference.
    single = {}
    for name in ("base_1", "base_2", "positive_1", "positive_2"):
        r = run(convivia, "compare", "reference=base_1.h5", f"{name}.h5", "--json", "--indicator", "diversity_resource_share",
                cwd=cwd)
        single[name] = json.loads(r.stdout)["results"][-1]["value"]
    rows = rows_of(j["results"], "diversity_resource_share", DAYS - 1)
    base, positive = rows["base"], rows["positive"]
    check(abs(base["value"] - (single["base_1"] + single["base_2"]) / 2) < 1e-12, "replicates json: baseline mean",
          (base, single))
    check(base["value_ci"][0] <= base["value"] <= base["value_ci"][1], "replicates json: interval contains the mean", base)
    paired = ((single["positive_1"] - single["base_1"]) + (single["positive_2"] - single["base_2"])) / 2
    check(abs(positive["difference"] - paired) < 1e-12, "replicates json: paired difference is the mean per-seed difference",
          (positive, paired))
    check(positive["difference_degrees_of_freedom"] == 1, "replicates json: paired interval has n - 1 = 1 degree", positive)
    check(positive["difference"] > 0, "replicates json: more positive contact raises the headline", positive)

    result = run(convivia, "compare", "base=base_1.h5,base_2.h5", "positive=positive_1.h5,positive_2.h5", "--csv", "out.csv",
                 "--indicator", "diversity_resource_share", cwd=cwd)
    check(result.returncode == 0 and "paired by seed" in result.stdout, "replicates table: says the difference is paired",
          result.stdout + result.stderr)
    check("95% CI" in result.stdout, "replicates table: shows 95% intervals", result.stdout)
    with open(os.path.join(cwd, "out.csv"), newline="") as f:
        table = list(csv.DictReader(f))
    check([r["scenario"] for r in table] == ["base", "positive"], "replicates csv: one row per scenario", table)
    check(abs(float(table[1]["difference"]) - positive["difference"]) < 1e-12 and table[1]["difference_method"] == "paired",
          "replicates csv: same difference and method as the JSON", table[1])


def check_refusals(convivia, cwd):
    with open(os.path.join(cwd, "notes.h5"), "w") as f:
        f.write("not a run\n")
    cases = [
        (["base_1.h5", "notes.h5"], "notes.h5", "text file refused"),
        (["base_1.h5", "small_city.h5"], "small_city.h5", "run of another city refused"),
        (["base_1.h5", "positive_1.h5", "--at", str(DAYS)], f"day {DAYS} is outside", "day outside the run refused"),
        (["base_1.h5", "positive_1.h5", "--indicator", "happiness"], "unknown indicator happiness", "unknown indicator refused"),
        (["base=base_1.h5", "positive=positive_1.h5,positive_2.h5"], "two or more", "replicate group of one refused"),
        (["base_1.h5", "absent.h5"], "absent.h5", "missing file refused"),
    ]
    for args, needle, name in cases:
        result = run(convivia, "compare", *args, cwd=cwd)
        check(result.returncode == 2 and result.stdout == "" and needle in result.stderr, name,
              f"status {result.returncode}\nstdout: {result.stdout[:300]}\nstderr: {result.stderr}")


def main():
    convivia, source_dir = sys.argv[1], sys.argv[2]
    scenario = os.path.join(source_dir, "scenarios", "tests", "tiny.toml")
    with tempfile.TemporaryDirectory() as cwd:
        make_runs(convivia, scenario, cwd)
        check_single(convivia, cwd)
        check_replicates(convivia, cwd)
        check_refusals(convivia, cwd)
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
