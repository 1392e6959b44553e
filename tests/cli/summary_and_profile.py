"""End-to-end checks of `convivia run --summary`, `--profile`, `--days` and `--quiet`.

Runs scenarios/tests/tiny.toml in temporary directories and checks:
- `--quiet --summary -` prints exactly one JSON object on stdout, with the headline indicators in
  range, and nothing else; the exit status is 0 and the output file exists, with no temporary file;
- `--summary FILE` writes the same JSON (apart from the wall time) to FILE;
- `--profile` prints `throughput: <number> resident-slot updates/s`, on stdout normally and on
  stderr when the summary goes to stdout (so stdout stays valid JSON);
- `--days 7` gives a file whose `day` dimension has length 7; `--seed` is recorded;
- without `--quiet` the headline table and the output file name are printed.

Usage: /usr/bin/python3 summary_and_profile.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py. Prints one line per check; exits 1 if any check failed.
"""

import json
import math
import os
import re
import subprocess
import sys
import tempfile

import h5py

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402

TINY_DAYS = 35
TINY_SEED = 11
SHARE_KEYS = (
    "diversity_resource_share",
    "intergroup_encounter_share",
    "cross_group_tie_share",
    "perceived_discrimination_share",
    "mean_outgroup_trust",
    "multigroup_dissimilarity",
    "multigroup_dissimilarity_by_district",
    "newcomer_share",
)
COUNT_KEYS = ("positive_contacts", "negative_contacts", "discrimination_events", "households_moved_last_month",
              "distinct_cultures")
# Monthly figures that are null until their window is complete: key -> allowed range.
WINDOWED_KEYS = {"conflicts_per_1000_residents": (0.0, 1000.0), "contact_trust_correlation": (-1.0, 1.0),
                 "cohesion_index": (0.0, 100.0)}
THROUGHPUT = re.compile(r"^throughput: ([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?) resident-slot updates/s$", re.M)



def run(convivia, args, cwd):
    result = subprocess.run([convivia, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    return result


def describe(result):
    return f"command: {' '.join(result.args)}\nstatus: {result.returncode}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"


def temporaries(directory):
    return [name for name in os.listdir(directory) if ".tmp" in name]


def parse_single_json(text):
    """Parses text as exactly one JSON object (surrounding whitespace allowed); raises otherwise."""
    value, end = json.JSONDecoder().raw_decode(text.strip())
    if text.strip()[end:].strip():
        raise ValueError(f"text after the JSON object: {text.strip()[end:][:200]!r}")
    if not isinstance(value, dict):
        raise ValueError(f"not a JSON object but {type(value).__name__}")
    return value


def check_summary_values(summary, label, days, seed):
    problems = []
    expected_keys = {"scenario", "seed", "days", "residents", "generalised_trust", "theil_h", "state_hash",
                     "wall_seconds", *SHARE_KEYS, *COUNT_KEYS}
    missing = sorted(expected_keys - set(summary))
    if missing:
        problems.append(f"missing keys: {missing}")
    for key in SHARE_KEYS:
        value = summary.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not (0.0 <= value <= 1.0):
            problems.append(f"{key} = {value!r}, expected a number in [0, 1]")
    value = summary.get("generalised_trust")
    if not isinstance(value, (int, float)) or not (0.0 <= value <= 10.0):
        problems.append(f"generalised_trust = {value!r}, expected a number in [0, 10]")
    value = summary.get("theil_h")
    if not isinstance(value, (int, float)) or not (0.0 <= value <= 1.0):
        problems.append(f"theil_h = {value!r}, expected a number in [0, 1]")
    for key, (low, high) in WINDOWED_KEYS.items():
        if key not in summary:
            problems.append(f"missing key: {key}")
            continue
        value = summary[key]
        if value is not None and (not isinstance(value, (int, float)) or not (low <= value <= high)):
            problems.append(f"{key} = {value!r}, expected null or a number in [{low}, {high}]")
    if summary.get("distinct_cultures", 0) <= 0:
        problems.append("no cultures counted")
    for key in COUNT_KEYS:
        value = summary.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{key} = {value!r}, expected a non-negative integer")
    if summary.get("positive_contacts", 0) + summary.get("negative_contacts", 0) <= 0:
        problems.append("no intergroup contacts on the last day of a 2000-resident city")
    value = summary.get("residents")
    if not isinstance(value, int) or value <= 0:
        problems.append(f"residents = {value!r}, expected a positive integer")
    if summary.get("days") != days:
        problems.append(f"days = {summary.get('days')!r}, expected {days}")
    if summary.get("seed") != seed:
        problems.append(f"seed = {summary.get('seed')!r}, expected {seed}")
    if summary.get("scenario") != "tiny test city":
        problems.append(f"scenario = {summary.get('scenario')!r}, expected 'tiny test city'")
    value = summary.get("state_hash")
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{16}", value):
        problems.append(f"state_hash = {value!r}, expected 16 hex digits")
    value = summary.get("wall_seconds")
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        problems.append(f"wall_seconds = {value!r}, expected a non-negative number")
    check(not problems, f"{label}: summary keys present and values in range", "\n".join(problems))


def without_wall(summary):
    return {k: v for k, v in summary.items() if k != "wall_seconds"}


def main():
    if len(sys.argv) != 3:
        print("usage: summary_and_profile.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia = os.path.abspath(sys.argv[1])
    tiny = os.path.join(os.path.abspath(sys.argv[2]), "scenarios", "tests", "tiny.toml")

    stdout_summary = None
    # 1. --quiet --summary -: one JSON object on stdout.
    with tempfile.TemporaryDirectory(prefix="convivia-summary-") as work:
        result = run(convivia, ["run", tiny, "-o", "run.h5", "--quiet", "--summary", "-"], work)
        check(result.returncode == 0, "--quiet --summary -: exit status 0", describe(result))
        check(os.path.isfile(os.path.join(work, "run.h5")), "--quiet --summary -: the output file exists", describe(result))
        check(not temporaries(work), "--quiet --summary -: no temporary file left", temporaries(work))
        check(result.stderr == "", "--quiet: nothing on stderr", describe(result))
        try:
            stdout_summary = parse_single_json(result.stdout)
            check(True, "--summary -: stdout is exactly one JSON object")
        except ValueError as error:
            check(False, "--summary -: stdout is exactly one JSON object", f"{error}\n{describe(result)}")
        if stdout_summary is not None:
            check_summary_values(stdout_summary, "--summary -", TINY_DAYS, TINY_SEED)
            with h5py.File(os.path.join(work, "run.h5"), "r") as f:
                check(int(f.attrs["days_run"]) == stdout_summary.get("days"),
                      "--summary -: days agrees with the file's days_run",
                      f"file {f.attrs['days_run']}, summary {stdout_summary.get('days')}")
                check(int(f.attrs["resident_count"]) == stdout_summary.get("residents"),
                      "--summary -: residents agrees with the file's resident_count",
                      f"file {f.attrs['resident_count']}, summary {stdout_summary.get('residents')}")
                series = f["daily/mean_outgroup_trust"][()]
                check(len(series) == TINY_DAYS and abs(float(series[-1]) - stdout_summary["mean_outgroup_trust"]) < 1e-12,
                      "--summary -: mean_outgroup_trust is the file's last daily value",
                      f"file last {series[-1] if len(series) else None}, summary {stdout_summary['mean_outgroup_trust']}")

    # 2. --summary FILE writes the same JSON.
    with tempfile.TemporaryDirectory(prefix="convivia-summary-") as work:
        result = run(convivia, ["run", tiny, "-o", "run.h5", "--quiet", "--summary", "summary.json"], work)
        check(result.returncode == 0, "--summary FILE: exit status 0", describe(result))
        check(os.path.isfile(os.path.join(work, "run.h5")), "--summary FILE: the output file exists")
        check(result.stdout.strip() == "", "--quiet --summary FILE: nothing on stdout", describe(result))
        path = os.path.join(work, "summary.json")
        if check(os.path.isfile(path), "--summary FILE: the summary file exists", describe(result)):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            try:
                file_summary = parse_single_json(text)
                check(True, "--summary FILE: the file holds one JSON object")
            except ValueError as error:
                file_summary = None
                check(False, "--summary FILE: the file holds one JSON object", f"{error}\n{text[:2000]}")
            if file_summary is not None:
                check_summary_values(file_summary, "--summary FILE", TINY_DAYS, TINY_SEED)
                if stdout_summary is not None:
                    a, b = without_wall(stdout_summary), without_wall(file_summary)
                    diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
                    check(not diff, "--summary FILE equals --summary - (apart from wall_seconds)", diff)

    # 3. --profile prints the throughput; with --summary - it goes to stderr.
    with tempfile.TemporaryDirectory(prefix="convivia-profile-") as work:
        result = run(convivia, ["run", tiny, "-o", "run.h5", "--quiet", "--profile"], work)
        check(result.returncode == 0, "--profile: exit status 0", describe(result))
        check(os.path.isfile(os.path.join(work, "run.h5")), "--profile: the output file exists")
        match = THROUGHPUT.search(result.stdout)
        if check(match is not None, "--profile: prints 'throughput: <number> resident-slot updates/s'", describe(result)):
            check(float(match.group(1)) > 0, f"--profile: throughput is positive ({match.group(1)})")

        result = run(convivia, ["run", tiny, "-o", "run2.h5", "--quiet", "--profile", "--summary", "-"], work)
        check(result.returncode == 0, "--profile --summary -: exit status 0", describe(result))
        try:
            summary = parse_single_json(result.stdout)
            check(True, "--profile --summary -: stdout is still exactly one JSON object")
            if stdout_summary is not None:
                check(summary.get("state_hash") == stdout_summary.get("state_hash"),
                      "--profile --summary -: same state_hash as without --profile",
                      f"{summary.get('state_hash')} vs {stdout_summary.get('state_hash')}")
        except ValueError as error:
            check(False, "--profile --summary -: stdout is still exactly one JSON object", f"{error}\n{describe(result)}")
        check(THROUGHPUT.search(result.stderr) is not None, "--profile --summary -: the throughput line is on stderr",
              describe(result))

    # 4. --days 7 and --seed.
    with tempfile.TemporaryDirectory(prefix="convivia-days-") as work:
        result = run(convivia, ["run", tiny, "-o", "week.h5", "--quiet", "--days", "7", "--seed", "5", "--summary", "-"], work)
        check(result.returncode == 0, "--days 7: exit status 0", describe(result))
        path = os.path.join(work, "week.h5")
        if check(os.path.isfile(path), "--days 7: the output file exists", describe(result)):
            with h5py.File(path, "r") as f:
                check(f["day"].shape == (7,), f"--days 7: the day dimension has length 7 (shape {f['day'].shape})")
                check(list(f["day"][()]) == list(range(7)), "--days 7: day is 0..6", list(f["day"][()]))
                check(f["daily/mean_outgroup_trust"].shape == (7,),
                      f"--days 7: daily/mean_outgroup_trust has 7 rows (shape {f['daily/mean_outgroup_trust'].shape})")
                check(f["tick"].shape == (21,), f"--days 7: the tick dimension has length 21 (shape {f['tick'].shape})")
                check(int(f.attrs["days_run"]) == 7 and int(f.attrs["planned_days"]) == 7,
                      "--days 7: days_run and planned_days are 7",
                      f"days_run {f.attrs['days_run']}, planned_days {f.attrs['planned_days']}")
                check(f.attrs["seed"] == "5", f"--seed 5: the file's seed attribute is '5' ({f.attrs['seed']!r})")
        try:
            summary = parse_single_json(result.stdout)
            check_summary_values(summary, "--days 7 --seed 5", 7, 5)
        except ValueError as error:
            check(False, "--days 7: stdout is one JSON object", f"{error}\n{describe(result)}")

    # 5. Without --quiet: headline table and the file name on stdout, progress on stderr.
    with tempfile.TemporaryDirectory(prefix="convivia-verbose-") as work:
        result = run(convivia, ["run", tiny, "-o", "loud.h5", "--days", "3"], work)
        check(result.returncode == 0, "without --quiet: exit status 0", describe(result))
        check("Headline indicators" in result.stdout and "loud.h5" in result.stdout,
              "without --quiet: prints the headline table and the output file name", describe(result))
        check(os.path.isfile(os.path.join(work, "loud.h5")), "without --quiet: the output file exists")
        # Without --quiet, --summary - must still keep stdout pure JSON (progress goes to stderr).
        result = run(convivia, ["run", tiny, "-o", "loud2.h5", "--days", "3", "--summary", "-"], work)
        try:
            parse_single_json(result.stdout)
            check(result.returncode == 0, "--summary - without --quiet: stdout is exactly one JSON object", describe(result))
        except ValueError as error:
            check(False, "--summary - without --quiet: stdout is exactly one JSON object", f"{error}\n{describe(result)}")

    # 6. Default output name: the scenario's stem with .h5 in the current directory.
    with tempfile.TemporaryDirectory(prefix="convivia-default-name-") as work:
        result = run(convivia, ["run", tiny, "--days", "2", "--quiet"], work)
        check(result.returncode == 0 and os.path.isfile(os.path.join(work, "tiny.h5")),
              "without -o: writes tiny.h5 in the current directory", f"{describe(result)}\nfiles: {os.listdir(work)}")

    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
