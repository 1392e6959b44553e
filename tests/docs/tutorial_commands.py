"""Runs every command of docs/tutorial.md, in order, in a fresh directory, and checks the output the
tutorial shows, so the tutorial cannot drift from the program.

The tutorial marks its blocks by their fence's info string:
  ```toml file=NAME   the file NAME the reader saves; written as shown
  ```sh               commands the reader types, run with bash -e in the study directory
  ```sh interactive   opens the viewer window; run with --screenshot and --at added, so the same
                      arguments are checked without a person at the screen
  ```sh setup         the reader's own set-up (their clone, their PATH): done here by the test
  ```text             the output of the sh block before it: every line except "..." must appear in
                      that output, in this order (the study directory is shown as ~/my-study)

Usage: tutorial_commands.py CONVIVIA CONVIVIA_VIEW SOURCE_DIR [--show]
  --show prints each block's real output (to write the tutorial's text blocks from).
Run under a display (xvfb-run) for the viewer's commands.
"""

import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\S*)(.*)$")


def blocks(markdown):
    """(kind, attributes, text) of each fenced block, in order."""
    found, inside, lines = [], None, []
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if inside is None and match and match.group(1):
            inside, lines = (match.group(1), match.group(2).strip()), []
        elif inside is not None and line.startswith("```"):
            found.append((inside[0], inside[1], "\n".join(lines) + "\n"))
            inside = None
        elif inside is not None:
            lines.append(line)
    if inside is not None:
        sys.exit(f"tutorial: unclosed ``` block of kind {inside[0]}")
    return found


def run_commands(script, study, environment, interactive):
    if interactive:
        # One viewer window per line: add the screenshot options to each command.
        lines = [line for line in script.splitlines() if line.strip() and not line.startswith("#")]
        script = "\n".join(f"{line} --screenshot interactive-{i}.png --at 10" for i, line in enumerate(lines)) + "\n"
    result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=study, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    output = result.stdout.replace(study, "~/my-study")
    return result.returncode, output


def shown_lines_missing(shown, output):
    """The first line of the shown output not found (in order) in the real output, or None."""
    actual = [line.rstrip() for line in output.splitlines()]
    position = 0
    for line in shown.splitlines():
        line = line.rstrip()
        if line == "..." or not line:
            continue
        while position < len(actual) and actual[position] != line:
            position += 1
        if position == len(actual):
            return line
        position += 1
    return None


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    convivia, viewer, source = (os.path.abspath(a) for a in sys.argv[1:4])
    show = "--show" in sys.argv[4:]
    with open(os.path.join(source, "docs", "tutorial.md"), encoding="utf-8") as f:
        tutorial = blocks(f.read())
    environment = dict(os.environ)
    environment["CONVIVIA"] = source
    environment["PATH"] = os.pathsep.join([os.path.dirname(convivia), os.path.dirname(viewer), environment["PATH"]])
    environment["COLUMNS"] = "100"
    failures, commands = [], 0
    with tempfile.TemporaryDirectory(prefix="tutorial-") as study:
        study = os.path.realpath(study)
        last_output, last_command = None, None
        for number, (kind, attributes, text) in enumerate(tutorial):
            if kind == "toml" and attributes.startswith("file="):
                path = os.path.join(study, attributes[len("file="):])
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text)
            elif kind == "sh" and attributes != "setup":
                status, last_output = run_commands(text, study, environment, attributes == "interactive")
                last_command = text.strip().splitlines()[0]
                commands += 1
                if show:
                    print(f"----- block {number}: {last_command}\n{last_output}")
                if status != 0:
                    failures.append(f"block {number} ({last_command}) exited with {status}:\n{last_output[-3000:]}")
                    break
            elif kind == "text" and last_output is not None:
                missing = shown_lines_missing(text, last_output)
                if missing is not None:
                    failures.append(f"the output shown after '{last_command}' has a line the command no longer prints:\n"
                                    f"  {missing}\nits output now:\n{last_output[-3000:]}")
                last_output = None
    if commands == 0:
        failures.append("no sh blocks found in docs/tutorial.md")
    for failure in failures:
        print("FAIL:", failure)
    print(f"{commands} command blocks of docs/tutorial.md run; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
