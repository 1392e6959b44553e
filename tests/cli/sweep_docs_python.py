"""The Python examples of docs/sweeps.md ("Reading the results in Python") run as written.

Runs and collects scenarios/sweeps/tiny-mediators.toml into experiments.h5 in a temporary
directory, then executes the Python code blocks of that section in order there, as a reader would
paste them, and checks what they computed: one row per run with the design, status and outcomes,
the paired policy effect for both avoidance levels, and a mean series per policy level.

Usage: /usr/bin/python3 sweep_docs_python.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py and python3-pandas. Prints one line per check; exits 1 if any failed.
"""

import contextlib
import io
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402
from sweeps import EXAMPLE, describe, run  # noqa: E402

SECTION = "## 5. Reading the results in Python"


def python_blocks(markdown):
    section = markdown.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def main():
    if len(sys.argv) != 3:
        print("usage: sweep_docs_python.py <path-to-convivia> <source-dir>", file=sys.stderr)
        return 2
    convivia = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    blocks = python_blocks(open(os.path.join(source, "docs", "sweeps.md")).read())
    check(len(blocks) == 2, f"docs/sweeps.md has two Python blocks to run ({len(blocks)})")
    with tempfile.TemporaryDirectory(prefix="convivia-sweep-docs-") as work:
        result = run(convivia, ["sweep", "run", os.path.join(source, EXAMPLE), "-o", "tiny-sweep", "--quiet"], cwd=work)
        if not check(result.returncode == 0, "the example sweep runs", describe(result)):
            return checks_summary()
        result = run(convivia, ["sweep", "collect", "tiny-sweep", "-o", "experiments.h5"], cwd=work)
        if not check(result.returncode == 0, "the example sweep is collected", describe(result)):
            return checks_summary()
        namespace = {}
        previous = os.getcwd()
        os.chdir(work)
        try:
            for number, block in enumerate(blocks, 1):
                printed = io.StringIO()
                try:
                    with contextlib.redirect_stdout(printed):
                        exec(compile(block, f"docs/sweeps.md block {number}", "exec"), namespace)
                    check(True, f"block {number} runs and prints {len(printed.getvalue().splitlines())} lines")
                except Exception as error:  # the reader would see this traceback
                    check(False, f"block {number} runs", f"{type(error).__name__}: {error}")
        finally:
            os.chdir(previous)
    runs = namespace.get("runs")
    effect = namespace.get("effect")
    curves = namespace.get("curves")
    if runs is not None:
        check(len(runs) == 12 and {"seed", "status", "mediators", "avoidance", "diversity_final"} <= set(runs.columns),
              "runs has 12 rows with the design and the outcomes", list(runs.columns))
        check((runs.status == "done").all(), "every run is done")
    if effect is not None:
        check(list(effect.index) == [0.3, 0.6] and (effect["count"] == 3).all(), "the paired effect has both avoidance levels, 3 pairs each",
              effect)
    if curves is not None:
        check(curves.shape == (2, 30) and sorted(curves.index) == ["city-wide", "none"], "one mean series of 30 days per policy level",
              curves.shape)
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main())
