"""End-to-end checks of policy cost and cost-effectiveness in `convivia compare`.

Runs the tiny test scenario for 31 days: a baseline without policies, the same with mixing events
from day 10 at 600,000 euros a year (seeds 1 and 2), and the same policy at no cost (seed 1). Then:
- each scenario's mean annual policy cost is 600,000 * 21 / 31 for the paid policy and 0 otherwise;
- single files: the cost-effectiveness is the headline difference in percentage points divided by the
  cost difference in millions of euros; the free policy gets null in the JSON and
  "n/a (no cost difference)" in the table;
- replicates paired by seed: the interval of the ratio is the interval of the difference divided by
  the cost difference; the CSV holds the same ratio on the headline row.

Usage: /usr/bin/python3 compare_policy_cost.py <path-to-convivia> <source-dir>
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
COST = 600000.0
MEAN_COST = COST * (DAYS - 10) / DAYS  # active on days 10 to 30


def policy(cost):
    return f'policies=[{{kind="mixing_events", intensity=1, start_day=10, annual_cost={cost:.0f}}}]'


def run(convivia, *args, cwd):
    return subprocess.run([convivia, *args], capture_output=True, text=True, cwd=cwd)


def make_runs(convivia, scenario, cwd):
    runs = [("base", 1, []), ("base", 2, []), ("paid", 1, ["--set", policy(COST)]), ("paid", 2, ["--set", policy(COST)]),
            ("free", 1, ["--set", policy(0)])]
    for name, seed, extra in runs:
        result = run(convivia, "run", "-q", scenario, "--days", str(DAYS), "--seed", str(seed), "--threads", "1",
                     "-o", f"{name}_{seed}.h5", *extra, cwd=cwd)
        if result.returncode != 0:
            raise SystemExit(f"convivia run failed: {result.stderr}")


def headline(results, scenario):
    return next(r for r in results if r["indicator"] == "diversity_resource_share" and r["scenario"] == scenario)


def check_single(convivia, cwd):
    result = run(convivia, "compare", "base_1.h5", "paid_1.h5", "free_1.h5", "--json", cwd=cwd)
    check(result.returncode == 0, "single json: exit status 0", result.stderr)
    j = json.loads(result.stdout)
    costs = {s["name"]: s["mean_annual_policy_cost_eur"] for s in j["scenarios"]}
    check(costs["base_1"] == 0 and costs["free_1"] == 0 and abs(costs["paid_1"] - MEAN_COST) < 1e-6,
          "single json: mean annual cost over the run", costs)
    rows = {c["scenario"]: c for c in j["cost_effectiveness"]}
    check(set(rows) == {"paid_1", "free_1"}, "single json: one cost-effectiveness row per scenario after the baseline", rows)
    paid = rows["paid_1"]
    difference_pp = headline(j["results"], "paid_1")["difference"] * 100.0
    check(difference_pp != 0, "single json: the policy changes the headline", difference_pp)
    check(abs(paid["diversity_resource_share_difference_pp"] - difference_pp) < 1e-9 and
          abs(paid["annual_policy_cost_difference_eur"] - MEAN_COST) < 1e-6,
          "single json: change in points and cost difference", paid)
    check(abs(paid["pp_per_million_eur"] - difference_pp / (MEAN_COST / 1e6)) < 1e-9,
          "single json: points per million euros of annual cost difference", paid)
    check(rows["free_1"]["pp_per_million_eur"] is None, "single json: null without a cost difference", rows["free_1"])

    result = run(convivia, "compare", "base_1.h5", "paid_1.h5", "free_1.h5", cwd=cwd)
    check(result.returncode == 0, "single table: exit status 0", result.stderr)
    free_line = next((line for line in result.stdout.splitlines() if line.strip().startswith("free_1") and "(no cost" in line), "")
    check("n/a (no cost difference)" in free_line, "single table: n/a without a cost difference", result.stdout)
    paid_line = next((line for line in result.stdout.splitlines() if line.strip().startswith("paid_1") and "+406,452" in line
                      and "n/a" not in line), "")
    check("Cost-effectiveness on day 30" in result.stdout and paid_line != "",
          "single table: cost-effectiveness section with the cost difference in euros", result.stdout)


def check_replicates(convivia, cwd):
    result = run(convivia, "compare", "base=base_1.h5,base_2.h5", "paid=paid_1.h5,paid_2.h5", "--json",
                 "--indicator", "diversity_resource_share", cwd=cwd)
    check(result.returncode == 0, "replicates json: exit status 0", result.stderr)
    j = json.loads(result.stdout)
    row = j["cost_effectiveness"][0]
    difference = headline(j["results"], "paid")
    millions = MEAN_COST / 1e6
    expected = [difference["difference_ci"][0] * 100.0 / millions, difference["difference_ci"][1] * 100.0 / millions]
    check(abs(row["pp_per_million_eur"] - difference["difference"] * 100.0 / millions) < 1e-9,
          "replicates json: mean ratio is the mean paired difference over the cost difference", (row, difference))
    check(all(abs(a - b) < 1e-9 for a, b in zip(row["pp_per_million_eur_ci"], expected)),
          "replicates json: interval is the difference's interval over the cost difference", (row, expected))

    result = run(convivia, "compare", "base=base_1.h5,base_2.h5", "paid=paid_1.h5,paid_2.h5", "--csv", "-", cwd=cwd)
    check(result.returncode == 0, "replicates csv: exit status 0", result.stderr)
    table = list(csv.DictReader(result.stdout.splitlines()))
    paid = [r for r in table if r["scenario"] == "paid" and r["indicator"] == "diversity_resource_share"][0]
    other = [r for r in table if r["scenario"] == "paid" and r["indicator"] == "cohesion_index"][0]
    check(abs(float(paid["pp_per_million_eur"]) - row["pp_per_million_eur"]) < 1e-9 and
          abs(float(paid["annual_policy_cost_difference_eur"]) - MEAN_COST) < 1e-6,
          "replicates csv: the headline row holds the cost difference and the ratio", paid)
    check(other["pp_per_million_eur"] == "" and abs(float(other["annual_policy_cost_eur"]) - MEAN_COST) < 1e-6,
          "replicates csv: other rows hold the cost but no ratio", other)


def main():
    convivia, source_dir = sys.argv[1], sys.argv[2]
    scenario = os.path.join(source_dir, "scenarios", "tests", "tiny.toml")
    with tempfile.TemporaryDirectory() as cwd:
        make_runs(convivia, scenario, cwd)
        check_single(convivia, cwd)
        check_replicates(convivia, cwd)
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
