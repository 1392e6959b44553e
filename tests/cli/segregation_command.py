"""End-to-end checks of `convivia segregation`, the census-table segregation command.

- On the published test matrix m1 (from the tests of the R package segregation: 4 units, 2 groups; D = 0.6, Theil's
  H = 0.5145247027726657) in all three formats: the numbers in the JSON and the tidy CSV, and the
  rounded numbers in the text table; isolation 0.76 and exposure 0.24 worked out by hand;
  `-o FILE` writes the same text to FILE and nothing to stdout.
- On the Berlin district table shipped with the default scenario: without `--ignore` the name
  column is refused with a message naming the column, the line, the value and `--ignore`; with only
  the name ignored the total column is refused as a total; with both ignored the JSON has the 10
  groups, 448 units and 3,769,495 residents, indices in [0, 1] and exposure rows summing to 1.
- On bad tables (tests/cli/data/segregation): exit status 2, nothing on stdout, no -o file, and a
  message naming the file, the line and the problem. Bad options exit 2 as well; --help exits 0.

Usage: /usr/bin/python3 segregation_command.py <path-to-convivia> <source-dir>
Prints one line per check; exits 1 if any check failed.
"""

import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402

M1_D = 0.6
M1_H = 0.5145247027726657
M1_ISOLATION = 0.76  # (100/200)(100/100) + (60/200)(60/100) + (40/200)(40/100)
TOLERANCE = 1e-12


def run(convivia, *args, cwd=None):
    return subprocess.run([convivia, "segregation", *args], capture_output=True, text=True, cwd=cwd)


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= TOLERANCE


def check_m1_json(convivia, m1):
    result = run(convivia, m1, "--format", "json")
    if not check(result.returncode == 0, "m1 json: exit status 0", result.stderr):
        return
    try:
        j = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        check(False, "m1 json: stdout is one JSON object", f"{error}\n{result.stdout[:400]}")
        return
    check(j["unit_count"] == 4 and j["resident_count"] == 400, "m1 json: 4 units, 400 residents", j)
    check([g["name"] for g in j["groups"]] == ["a", "b"], "m1 json: groups a and b in column order", j["groups"])
    check(close(j["multigroup_dissimilarity"], M1_D), "m1 json: multigroup D = 0.6", j["multigroup_dissimilarity"])
    check(close(j["theil_h"], M1_H), "m1 json: Theil's H = 0.5145247027726657", j["theil_h"])
    check(close(j["dissimilarity"]["a"], M1_D) and close(j["dissimilarity"]["b"], M1_D), "m1 json: D of each group = 0.6",
          j["dissimilarity"])
    check(close(j["pairwise_dissimilarity"]["a"]["b"], M1_D) and close(j["pairwise_dissimilarity"]["b"]["a"], M1_D),
          "m1 json: pairwise D = 0.6 both ways", j["pairwise_dissimilarity"])
    check(close(j["isolation"]["a"], M1_ISOLATION), "m1 json: isolation of a = 0.76", j["isolation"])
    check(close(j["exposure"]["a"]["b"], 1 - M1_ISOLATION) and close(j["exposure"]["a"]["a"], M1_ISOLATION),
          "m1 json: exposure of a to b = 0.24, diagonal = isolation", j["exposure"])


def check_m1_csv(convivia, m1):
    result = run(convivia, m1, "--format", "csv")
    if not check(result.returncode == 0, "m1 csv: exit status 0", result.stderr):
        return
    rows = list(csv.reader(io.StringIO(result.stdout)))
    check(rows[0] == ["index", "group", "other_group", "value"], "m1 csv: header index,group,other_group,value", rows[0])
    values = {(r[0], r[1], r[2]): float(r[3]) for r in rows[1:]}
    # 2 city indices + 2 D + 1 pair + 2 isolation + 4 exposure
    check(len(rows) - 1 == 11 and len(values) == 11, "m1 csv: 11 distinct rows", rows)
    expected = {
        ("multigroup_dissimilarity", "", ""): M1_D,
        ("theil_h", "", ""): M1_H,
        ("dissimilarity", "a", ""): M1_D,
        ("dissimilarity", "b", ""): M1_D,
        ("pairwise_dissimilarity", "a", "b"): M1_D,
        ("isolation", "b", ""): M1_ISOLATION,
        ("exposure", "b", "a"): 1 - M1_ISOLATION,
        ("exposure", "b", "b"): M1_ISOLATION,
    }
    for key, value in expected.items():
        check(close(values.get(key), value), f"m1 csv: {','.join(key)} = {value}", values.get(key))


def check_m1_table(convivia, m1, work):
    result = run(convivia, m1)
    if not check(result.returncode == 0, "m1 table: exit status 0", result.stderr):
        return
    lines = result.stdout.splitlines()
    d_line = next((line for line in lines if "multigroup dissimilarity D" in line), "")
    h_line = next((line for line in lines if "Theil's information index H" in line), "")
    check("0.600" in d_line, "m1 table: multigroup D shown as 0.600", d_line)
    check("0.515" in h_line, "m1 table: Theil's H shown as 0.515", h_line)
    check(any(line.split()[:1] == ["a"] and "0.600" in line and "0.760" in line for line in lines),
          "m1 table: group a row with D 0.600 and isolation 0.760", result.stdout)
    check("share of the group that would have to move" in result.stdout, "m1 table: explains D in plain words",
          result.stdout)

    target = os.path.join(work, "m1.txt")
    written = run(convivia, m1, "-o", target)
    check(written.returncode == 0 and written.stdout == "", "-o FILE: exit 0 and nothing on stdout", written)
    check(os.path.exists(target) and open(target, encoding="utf-8").read() == result.stdout,
          "-o FILE: the file holds the same table as stdout")
    check(not any(".tmp" in name for name in os.listdir(work)), "-o FILE: no temporary file left", os.listdir(work))


def check_berlin(convivia, source):
    table = os.path.join(source, "scenarios", "data", "berlin", "districts.csv")
    bare = run(convivia, table)
    check(bare.returncode == 2 and bare.stdout == "", "berlin without --ignore: exit 2, nothing on stdout", bare)
    for fragment in ("districts.csv:2:", 'column "district_name"', "Stülerstraße", "--ignore district_name"):
        check(fragment in bare.stderr, f"berlin without --ignore: message has {fragment}", bare.stderr)

    no_total = run(convivia, table, "--ignore", "district_name")
    check(no_total.returncode == 2 and no_total.stdout == "", "berlin with total as a group: exit 2", no_total)
    check('column "total"' in no_total.stderr and "looks like a total" in no_total.stderr and "--ignore total" in no_total.stderr,
          "berlin with total as a group: message names the total column and --ignore", no_total.stderr)

    result = run(convivia, table, "--ignore", "district_name", "--ignore", "total", "--format", "json")
    if not check(result.returncode == 0, "berlin: exit status 0", result.stderr):
        return
    j = json.loads(result.stdout)
    names = [g["name"] for g in j["groups"]]
    check(len(names) == 10 and names[0] == "no_migration_background" and names[-1] == "unassignable",
          "berlin: the 10 origin groups in column order", names)
    check(j["unit_count"] == 448 and j["resident_count"] == 3769495, "berlin: 448 units, 3,769,495 residents",
          (j["unit_count"], j["resident_count"]))
    scalars = [j["multigroup_dissimilarity"], j["theil_h"], *j["dissimilarity"].values(), *j["isolation"].values()]
    check(all(0 < v < 1 for v in scalars), "berlin: city indices, D and isolation strictly between 0 and 1", scalars)
    sums = [sum(row.values()) for row in j["exposure"].values()]
    check(all(math.isclose(s, 1.0, abs_tol=1e-9) for s in sums), "berlin: each exposure row sums to 1", sums)
    pairwise = j["pairwise_dissimilarity"]
    check(all(pairwise[g][h] == pairwise[h][g] for g in names for h in names if g != h), "berlin: pairwise D symmetric")

    text = run(convivia, table, "--ignore", "district_name", "--ignore", "total")
    check(text.returncode == 0 and "10 groups over 448 units" in text.stdout, "berlin table: headline", text.stdout[:200])


BAD_TABLES = [
    ("negative.csv", ["negative.csv:3:", 'column "a"', "non-negative", '"-2"']),
    ("fractional.csv", ["fractional.csv:3:", 'column "a"', "whole number", '"2.5"']),
    ("infinite.csv", ["infinite.csv:3:", 'column "a"', "finite", '"inf"']),
    ("empty_group.csv", ["empty_group.csv:1:", 'column "b"', "every count is 0", "--ignore b"]),
    ("one_group.csv", ["one_group.csv:1:", "at least two group columns"]),
    ("duplicate_id.csv", ["duplicate_id.csv:4:", 'column "unit"', '"A" is already on line 2']),
    ("ragged.csv", ["ragged.csv:3:", "3 fields as in the header, got 2"]),
    ("empty.csv", ["empty.csv:", "the file is empty"]),
    ("header_only.csv", ["header_only.csv:1:", "at least one unit row after the header"]),
]


def check_bad_tables(convivia, source, work):
    data = os.path.join(source, "tests", "cli", "data", "segregation")
    for name, fragments in BAD_TABLES:
        target = os.path.join(work, name + ".out")
        result = run(convivia, os.path.join(data, name), "--format", "json", "-o", target)
        check(result.returncode == 2, f"{name}: exit status 2", f"status {result.returncode}\n{result.stderr}")
        check(result.stdout == "" and not os.path.exists(target), f"{name}: nothing on stdout, no output file", result.stdout)
        missing = [f for f in fragments if f not in result.stderr]
        check(not missing, f"{name}: message names {', '.join(fragments)}", f"missing {missing} in:\n{result.stderr}")


def check_options(convivia, source, work):
    m1 = os.path.join(source, "tests", "cli", "data", "segregation", "m1.csv")
    bogus = run(convivia, m1, "--format", "xml")
    check(bogus.returncode == 2 and bogus.stdout == "", "--format xml: exit 2", bogus)
    unknown = run(convivia, m1, "--ignore", "nme")
    check(unknown.returncode == 2 and '"nme"' in unknown.stderr and '"unit", "a", "b"' in unknown.stderr,
          "--ignore of a missing column: exit 2, lists the columns", unknown.stderr)
    id_column = run(convivia, m1, "--id-column", "a", "--format", "json")
    check(id_column.returncode == 2 and "unit" in id_column.stderr,
          "--id-column a: the old id column is then a group and its text is refused", id_column.stderr)
    missing_dir = os.path.join(work, "no-such-dir", "out.csv")
    no_dir = run(convivia, m1, "-o", missing_dir)
    check(no_dir.returncode == 2 and "does not exist" in no_dir.stderr and not os.path.exists(missing_dir),
          "-o into a missing directory: exit 2, no file", no_dir.stderr)
    missing_table = run(convivia, os.path.join(work, "absent.csv"))
    check(missing_table.returncode == 2, "a table that does not exist: exit 2", missing_table)
    helped = run(convivia, "--help")
    check(helped.returncode == 0 and "Example" in helped.stdout and "isolation" in helped.stdout and "--ignore" in helped.stdout,
          "--help: exit 0, an example, the meaning of the indices and --ignore", helped.stdout[:400])


def main():
    if len(sys.argv) != 3:
        print("usage: python3 segregation_command.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    m1 = os.path.join(source, "tests", "cli", "data", "segregation", "m1.csv")
    with tempfile.TemporaryDirectory(prefix="convivia-segregation-") as work:
        check_m1_json(convivia, m1)
        check_m1_csv(convivia, m1)
        check_m1_table(convivia, m1, work)
        check_berlin(convivia, source)
        check_bad_tables(convivia, source, work)
        check_options(convivia, source, work)
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
