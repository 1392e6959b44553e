"""Draws the figures and writes index.html of `convivia report` (docs/analysis.md, "Reports").
Usage: make_report.py REPORT-INPUTS.json OUTPUT-DIR. The C++ command has already checked the input
file and, for a sweep, written analysis.h5 into OUTPUT-DIR; the JSON file says what to draw from
where. Exit status 2 when an input file cannot be read as expected (the message names it), 1 on
any other failure."""

import json
import sys
import traceback

import report_style as style


def main(manifest_path, directory):
    with open(manifest_path) as f:
        manifest = json.load(f)
    try:
        if manifest["kind"] == "run":
            from run_report import make_run_report
            page = make_run_report(manifest, directory)
        else:
            from sweep_report import make_sweep_report
            page = make_sweep_report(manifest, directory)
    except (KeyError, OSError, ValueError, IndexError) as error:
        print(f"error: {manifest['source']}: cannot draw the report from this file: {type(error).__name__}: {error}",
              file=sys.stderr)
        traceback.print_exc(limit=3, file=sys.stderr)
        return 2
    page.write(directory)
    style.progress("wrote index.html")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(1)
    sys.exit(main(sys.argv[1], sys.argv[2]))
