"""Sweep benchmark: 256 runs of the 10,000-resident benchmark city for one simulated year
(scenarios/sweeps/bench-city-10k.toml) with `convivia sweep run` on this machine's cores, then
`convivia sweep collect`. Target (bench/README.md): under 3 minutes on 2 cores.

Prints, for each repetition and as the median: the sweep's wall time, runs per minute, the wall time
of the collect; and the cost of running each run as a child process: single runs of one year
started as `convivia run ... --threads 1 --summary FILE`, timed from outside (fork to exit) against
the run's own wall time (building the city, simulating, writing its file), the difference being what
a process per run costs over running the same work in process. Also prints the 1-minute load
average before and after, and the other processes using the CPU at the start, since the machine
is shared.

Usage: /usr/bin/python3 bench/sweep_bench.py <path-to-convivia> [--repetitions R] [--single-runs N]
       [--markdown FILE]
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWEEP = os.path.join(SOURCE, "scenarios", "sweeps", "bench-city-10k.toml")
CITY = os.path.join(SOURCE, "scenarios", "bench", "city-10k.toml")


def load():
    return os.getloadavg()[0]


def busy_processes():
    """Other processes with noticeable CPU use right now (from ps), for the record."""
    try:
        out = subprocess.run(["ps", "-eo", "pcpu,comm", "--sort=-pcpu"], capture_output=True, text=True).stdout.splitlines()[1:]
    except OSError:
        return []
    return [line.strip() for line in out if line.strip() and float(line.split()[0]) >= 5.0][:8]


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=SOURCE, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def machine():
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.1f} GiB memory"


def timed(args):
    start = time.monotonic()
    result = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(args)}\n{result.stderr[-2000:]}")
    return elapsed, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("convivia")
    parser.add_argument("--repetitions", type=int, default=1)
    parser.add_argument("--single-runs", type=int, default=5)
    parser.add_argument("--markdown")
    options = parser.parse_args()
    convivia = os.path.abspath(options.convivia)

    load_start = load()
    busy = busy_processes()
    print(f"machine: {machine()}; load average {load_start:.2f}; busy: {', '.join(busy) or 'nothing'}")
    sweeps, collects, rates, overheads, run_walls = [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="convivia-sweep-bench-") as work:
        for repetition in range(options.repetitions):
            directory = os.path.join(work, f"sweep-{repetition}")
            seconds, result = timed([convivia, "sweep", "run", SWEEP, "-o", directory, "--quiet"])
            runs = len([name for name in os.listdir(os.path.join(directory, "runs")) if name.endswith(".h5")])
            if runs != 256:
                sys.exit(f"expected 256 run files, found {runs}")
            collect_seconds, _ = timed([convivia, "sweep", "collect", directory, "-o", os.path.join(work, "experiments.h5")])
            sweeps.append(seconds)
            collects.append(collect_seconds)
            rates.append(256 * 60.0 / seconds)
            print(f"repetition {repetition + 1}: sweep {seconds:.1f} s ({256 * 60.0 / seconds:.1f} runs/min), collect {collect_seconds:.1f} s")
            shutil.rmtree(directory)
        summary = os.path.join(work, "summary.json")
        for _ in range(options.single_runs):
            outside, _ = timed([convivia, "run", CITY, "-o", os.path.join(work, "single.h5"), "--threads", "1", "--quiet",
                                "--set", "output.sample_residents=0", "--summary", summary])
            inside = json.load(open(summary))["wall_seconds"]
            overheads.append(outside - inside)
            run_walls.append(outside)
    load_end = load()
    median_sweep = statistics.median(sweeps)
    median_overhead = statistics.median(overheads)
    median_run = statistics.median(run_walls)
    verdict = "met" if median_sweep < 180 else "NOT MET"
    lines = [
        f"- sweep of 256 runs (64 Latin hypercube points x 4 replicates, 365 days, 10,000 residents, {os.cpu_count()} runs at once, "
        f"1 thread each): median {median_sweep:.1f} s wall, {statistics.median(rates):.1f} runs/min over {len(sweeps)} repetition(s) "
        f"({', '.join(f'{s:.1f}' for s in sweeps)} s); target under 180 s: {verdict}",
        f"- collect of the 256 runs (scalars and the daily headline series): median {statistics.median(collects):.1f} s",
        f"- one run alone as a child process: median {median_run:.2f} s from start to exit, of which {median_overhead * 1000:.0f} ms "
        f"({100 * median_overhead / median_run:.1f}%) is outside the run's own work (process start, loading the scenario, exit), "
        f"over {len(overheads)} runs",
        f"- 1-minute load average {load_start:.2f} at the start, {load_end:.2f} at the end; busy at the start: {', '.join(busy) or 'nothing'}",
    ]
    print("\n".join(lines))
    if options.markdown:
        with open(options.markdown, "a") as f:
            f.write(f"## Sweep benchmark, {datetime.date.today().isoformat()}\n\n- commit: {commit()}\n- machine: {machine()}\n")
            f.write("\n".join(lines) + "\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
