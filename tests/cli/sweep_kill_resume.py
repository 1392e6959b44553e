"""kill -9 of a sweep at any moment loses at most the runs in flight, and rerunning completes it to
the same result.

The example sweep (scenarios/sweeps/tiny-mediators.toml, 12 runs of the tiny city, here 45 days
each) is run once without interruption and collected. Then the same sweep is started in another
directory and killed with SIGKILL at moments spread over its run (the sweep process only, as a
scheduler or a user would), again and again, until one attempt finishes by itself. After each kill:
no run process of that directory survives (they die with the sweep), and every run recorded as
done has a complete run file. One attempt is interrupted with SIGINT instead, which must exit 130
and say how to resume. The final rerun completes the sweep, and its collected file must be
identical, dataset by dataset, to the uninterrupted one.

Usage: /usr/bin/python3 sweep_kill_resume.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py. Prints one line per check; exits 1 if any check failed.
"""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

import h5py

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402
from sweeps import Difference, compare_files, describe, example_text, processes_mentioning, run, write_sweep  # noqa: E402

DAYS = 45
RUNS = 12  # of the example sweep
MAX_ATTEMPTS = 12


def complete_runs_are_whole(directory):
    """Every run recorded as done has a run file with DAYS days; returns (count done, problems)."""
    problems = []
    done = 0
    runs = os.path.join(directory, "runs")
    for name in sorted(os.listdir(runs)):
        if not name.endswith(".json") or ".tmp" in name:
            continue
        try:
            record = json.load(open(os.path.join(runs, name)))
        except ValueError as error:
            problems.append(f"{name}: unreadable record ({error})")
            continue
        if record["status"] != "done":
            problems.append(f"{name}: status {record['status']}: {record.get('error', '')[:200]}")
            continue
        done += 1
        try:
            with h5py.File(os.path.join(runs, name.replace(".json", ".h5")), "r") as f:
                if f["day"].shape[0] != DAYS:
                    problems.append(f"{name}: run file has {f['day'].shape[0]} days")
        except OSError as error:
            problems.append(f"{name}: run file unreadable ({error})")
    return done, problems


def main():
    if len(sys.argv) != 3:
        print("usage: sweep_kill_resume.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="convivia-sweep-kill-") as work:
        sweep = write_sweep(source, work, "sweep.toml", example_text(source).replace("run.days = 30", f"run.days = {DAYS}")
                            .replace("window = [23, 29]", f"window = [{DAYS - 7}, {DAYS - 1}]"))
        reference = os.path.join(work, "reference.h5")
        start = time.time()
        result = run(convivia, ["sweep", "run", sweep, "-o", os.path.join(work, "reference"), "--quiet"])
        duration = time.time() - start
        if not check(result.returncode == 0, f"uninterrupted sweep ({duration:.1f} s)", describe(result)):
            return checks_summary()
        result = run(convivia, ["sweep", "collect", os.path.join(work, "reference"), "-o", reference])
        check(result.returncode == 0, "collect the uninterrupted sweep", describe(result))

        directory = os.path.join(work, "killed")
        chance = random.Random(20240501)
        kills = 0
        done = 0
        finished = False
        for attempt in range(MAX_ATTEMPTS):
            process = subprocess.Popen([convivia, "sweep", "run", sweep, "-o", directory, "--quiet"], stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
            # Moments spread over the time the runs still to do take, so kills fall before, between and
            # during runs, and enough of them fall before the end even when the machine speeds up.
            delay = chance.uniform(0.05, 0.6) * duration * (RUNS - done) / RUNS
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                pass
            if process.poll() is not None:
                stdout, stderr = process.communicate()
                finished = process.returncode == 0
                check(finished, f"attempt {attempt + 1} ran to the end", stderr[-1500:])
                break
            interrupt = attempt == 2
            process.send_signal(signal.SIGINT if interrupt else signal.SIGKILL)
            stdout, stderr = process.communicate(timeout=120)
            if interrupt:
                check(process.returncode == 130 and "run the same command again" in stderr,
                      f"attempt {attempt + 1}: SIGINT exits 130 and says how to resume", f"status {process.returncode}\n{stderr}")
            else:
                kills += 1
            time.sleep(0.3)
            survivors = processes_mentioning(directory)
            done, problems = complete_runs_are_whole(directory)
            check(not survivors and not problems,
                  f"attempt {attempt + 1}: {'interrupted' if interrupt else 'killed'} after {delay:.2f} s; no run survives, "
                  f"the {done} runs recorded done are whole", f"survivors: {survivors}\nproblems: {problems}")
            for pid in survivors:
                os.kill(pid, signal.SIGKILL)
        check(kills >= 3, f"the sweep was killed with -9 {kills} times before it finished")
        if not finished:
            result = run(convivia, ["sweep", "run", sweep, "-o", directory, "--quiet"])
            check(result.returncode == 0, "the last rerun completes the sweep", describe(result))
        leftovers = [name for name in os.listdir(os.path.join(directory, "runs")) if ".tmp" in name or name.endswith(".log")]
        check(not leftovers, "no temporary files or logs are left", leftovers)
        resumed = os.path.join(work, "resumed.h5")
        result = run(convivia, ["sweep", "collect", directory, "-o", resumed])
        if check(result.returncode == 0 and "12 done" in result.stderr, "collect the resumed sweep: 12 done", describe(result)):
            try:
                count = compare_files(reference, resumed)
                check(True, f"the resumed sweep's collected file is identical to the uninterrupted one ({count} objects)")
            except Difference as difference:
                check(False, "the resumed sweep's collected file is identical to the uninterrupted one", f"first difference: {difference}")
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
