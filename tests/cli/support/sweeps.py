"""Shared by the sweep test scripts: running convivia, writing sweep files next to the example
sweep (so its relative base path still holds), and comparing collected files dataset by dataset
(with the comparison of determinism_files.py: every object, dtype, layout, byte and attribute except
created_utc)."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from determinism_files import Difference, compare_files  # noqa: E402,F401

EXAMPLE = os.path.join("scenarios", "sweeps", "tiny-mediators.toml")


def run(convivia, args, cwd=None, timeout=600):
    return subprocess.run([convivia, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def describe(result):
    return (f"command: {' '.join(result.args)}\nstatus: {result.returncode}\n"
            f"stdout: {result.stdout[-1500:]}\nstderr: {result.stderr[-2500:]}")


def example_text(source):
    with open(os.path.join(source, EXAMPLE)) as f:
        return f.read()


def write_sweep(source, work, name, text):
    """Writes a sweep file into work whose base path is the tiny test city of the source tree."""
    base = os.path.join(source, "scenarios", "tests", "tiny.toml")
    text = text.replace('base = "../tests/tiny.toml"', f'base = "{base}"')
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def children_of(pid):
    """Process ids whose parent is pid (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return found


def processes_mentioning(text):
    """Process ids whose command line contains text."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if text.encode() in f.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found
