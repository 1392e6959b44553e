"""End-to-end check of `convivia report`:

- a small sweep of the tiny test city (2 points x 2 replicates, 20 days) run, collected and reported
  from inside its sweep directory: index.html exists, every <img> it references is a PNG file in the
  report directory (signature, decodes with PIL, more than one colour), the captions are there, and
  the analysis tables are written as `convivia analyze` writes them (identical point_summary.csv);
- the same collected file copied away from its run files: the report still succeeds, and the page
  and standard error say that the district maps are missing;
- a single run of the tiny city: headline series, trust matrix and district map figures;
- Saltelli and Morris sweeps of the built-in Ishigami function: the Sobol' and Morris charts;
- bad input (a missing file, a file that is not HDF5, an HDF5 file that is neither a run nor a
  sweep, a truncated run file, an unknown --map-points point) exits 2, names the file, and leaves
  neither the report directory nor a temporary directory beside it;
- no Python with matplotlib (CONVIVIA_PYTHON set to an interpreter without it) exits 1 naming the
  Debian package python3-matplotlib.

Usage: /usr/bin/python3 report_command.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py, python3-numpy, python3-matplotlib and python3-pil.
"""

import html.parser
import os
import shutil
import sys
import tempfile

import h5py
import numpy as np
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary as checks_summary  # noqa: E402
from sweeps import describe, run, write_sweep  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

CITY_SWEEP = """name = "tiny-report"
description = "mediators on or off in the tiny city"
base = "../tests/tiny.toml"
seed = 7
replicates = 2
common_random_numbers = true
[set]
run.days = 20
[design]
kind = "full_factorial"
[[factors]]
name = "mediators"
key = "policies"
values = [[], [{ kind = "intercultural_mediators", intensity = 1.0, start_day = 0, annual_cost = 250000 }]]
labels = ["none", "city-wide"]
[[outcomes]]
name = "diversity_final"
series = "daily/diversity_resource_share"
[[outcomes]]
name = "trust_final"
series = "daily/generalised_trust"
[[outcomes]]
name = "diversity"
series = "daily/diversity_resource_share"
summary = "series"
[[outcomes]]
name = "trust_matrix"
series = "daily/trust_matrix"
summary = "series"
"""

ISHIGAMI = """name = "ishigami-report"
model = "ishigami"
seed = 3
[design]
kind = "saltelli"
base_points = 64
""" + "".join(f'[[factors]]\nkey = "x{i}"\nrange = [-3.141592653589793, 3.141592653589793]\n' for i in (1, 2, 3))

MORRIS = ISHIGAMI.replace('kind = "saltelli"\nbase_points = 64', 'kind = "morris"\ntrajectories = 8\nlevels = 4')


class Images(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources, self.captions, self._in_caption = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs).get("src", ""))
        self._in_caption = tag == "figcaption"
        if self._in_caption:
            self.captions.append("")

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.captions[-1] += data


def check_page(name, directory, expected_images, caption_phrases):
    """Parses DIR/index.html; checks its images and captions. Returns the page text."""
    index = os.path.join(directory, "index.html")
    if not check(os.path.isfile(index), f"{name}: index.html written"):
        return ""
    with open(index, encoding="utf-8") as f:
        text = f.read()
    parser = Images()
    parser.feed(text)
    check(set(expected_images) <= set(parser.sources), f"{name}: page shows {sorted(expected_images)}", parser.sources)
    check(len(parser.captions) == len(parser.sources) and all(len(c) > 80 for c in parser.captions),
          f"{name}: every figure has a caption of some length", parser.captions)
    check("http://" not in text and "https://" not in text, f"{name}: no network resources")
    for source in parser.sources:
        path = os.path.join(directory, source)
        ok = not os.path.isabs(source) and "/" not in source and os.path.isfile(path)
        if not check(ok, f"{name}: {source} is a file beside index.html"):
            continue
        with open(path, "rb") as f:
            check(f.read(8) == PNG_SIGNATURE, f"{name}: {source} has the PNG signature")
        try:
            with Image.open(path) as image:
                image.load()
                colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
            check(colours is None or len(colours) > 1, f"{name}: {source} decodes and is not blank")
        except OSError as error:
            check(False, f"{name}: {source} decodes", error)
    for phrase in caption_phrases:
        check(any(phrase in c for c in parser.captions), f"{name}: a caption says \"{phrase}\"")
    return text


def check_refused(convivia, name, args, work, output, expected_in_message, status=2):
    result = run(convivia, args + ["-o", output])
    check(result.returncode == status, f"{name}: exits {status}", describe(result))
    check(expected_in_message in result.stderr, f"{name}: message says \"{expected_in_message}\"", result.stderr)
    leftovers = [e for e in os.listdir(work) if e.startswith(os.path.basename(output))]
    check(not leftovers, f"{name}: leaves nothing in place of the report", leftovers)


def main(convivia, source):
    work = tempfile.mkdtemp(prefix="convivia-report-")
    try:
        # A sweep of the tiny city, reported from inside its directory.
        sweep_file = write_sweep(source, work, "tiny-report.toml", CITY_SWEEP)
        runs = os.path.join(work, "runs")
        result = run(convivia, ["sweep", "run", sweep_file, "-o", runs, "--cores", "2"])
        check(result.returncode == 0, "city sweep runs", describe(result))
        collected = os.path.join(runs, "experiments.h5")
        result = run(convivia, ["sweep", "collect", runs, "-o", collected])
        check(result.returncode == 0, "city sweep collects", describe(result))
        report = os.path.join(work, "sweep-report")
        result = run(convivia, ["report", collected, "-o", report, "--baseline", "mediators=none"])
        check(result.returncode == 0, "sweep report succeeds", describe(result))
        check("report: drew" in result.stderr, "sweep report prints progress on stderr", result.stderr)
        text = check_page("sweep", report, ["series-diversity.png", "effects.png", "district-maps.png"],
                          ["95% confidence interval", "percentage points", "regard diversity as a resource"])
        check("trust_matrix" in text, "sweep page says the matrix series is not drawn")
        analysis = os.path.join(work, "analysis")
        result = run(convivia, ["analyze", collected, "-o", analysis, "--baseline", "mediators=none"])
        with open(os.path.join(analysis, "point_summary.csv")) as a, open(os.path.join(report, "point_summary.csv")) as b:
            check(a.read() == b.read(), "report writes the same point_summary.csv as analyze")
        with h5py.File(os.path.join(report, "analysis.h5"), "r") as f:
            g = f["analysis/series_summary"]
            days = g["time"][()][(g["series"].asstr()[()] == "diversity") & (g["point"][()] == 0)]
            check(np.array_equal(days, np.arange(20)), "series_summary has one row per day of each point", days)
        check(not os.path.exists(os.path.join(report, "report-inputs.json")), "the scripts' input file is removed")

        # Report again into the same directory: replaced, not refused.
        result = run(convivia, ["report", "--map-points", "mediators=none", "--map-points", "mediators=city-wide", collected,
                                "-o", report])
        check(result.returncode == 0, "a second report (two --map-points before the file) replaces the first", describe(result))
        check(not [e for e in os.listdir(work) if ".tmp-" in e], "no temporary directory is left beside the report")

        # The collected file away from its run files.
        alone = os.path.join(work, "alone")
        os.mkdir(alone)
        shutil.copy(collected, alone)
        report_alone = os.path.join(work, "alone-report")
        result = run(convivia, ["report", os.path.join(alone, "experiments.h5"), "-o", report_alone])
        check(result.returncode == 0, "report without run files succeeds", describe(result))
        check("run files were not found" in result.stderr, "stderr says the run files are missing", result.stderr)
        text = check_page("sweep without run files", report_alone, ["series-diversity.png", "effects.png"], [])
        check("run files were not found" in text, "page says the run files are missing")

        # A single run.
        run_file = os.path.join(work, "tiny.h5")
        result = run(convivia, ["run", os.path.join(source, "scenarios", "tests", "tiny.toml"), "--days", "40", "-o", run_file])
        check(result.returncode == 0, "single run", describe(result))
        report_run = os.path.join(work, "run-report")
        result = run(convivia, ["report", run_file, "-o", report_run])
        check(result.returncode == 0, "run report succeeds", describe(result))
        check_page("run", report_run, ["run-headline.png", "run-trust-matrix.png", "run-district-maps.png"],
                   ["generalised trust", "mean trust that members of the group", "share of its residents"])

        # The sensitivity charts on the Ishigami function.
        for name, text_of, image in (("saltelli", ISHIGAMI, "sobol.png"), ("morris", MORRIS, "morris.png")):
            path = os.path.join(work, f"{name}.toml")
            with open(path, "w") as f:
                f.write(text_of)
            directory = os.path.join(work, f"{name}-runs")
            result = run(convivia, ["sweep", "run", path, "-o", directory])
            check(result.returncode == 0, f"{name} sweep runs", describe(result))
            run(convivia, ["sweep", "collect", directory, "-o", os.path.join(directory, "experiments.h5")])
            output = os.path.join(work, f"{name}-report")
            result = run(convivia, ["report", os.path.join(directory, "experiments.h5"), "-o", output])
            check(result.returncode == 0, f"{name} report succeeds", describe(result))
            check_page(name, output, [image], ["Sobol" if name == "saltelli" else "mu*"])

        # Bad input.
        bad = os.path.join(work, "bad")
        os.mkdir(bad)
        not_hdf5 = os.path.join(bad, "notes.h5")
        with open(not_hdf5, "w") as f:
            f.write("not an HDF5 file\n")
        other = os.path.join(bad, "other.h5")
        with h5py.File(other, "w") as f:
            f.attrs["conventions"] = "something-else-1"
        truncated = os.path.join(bad, "truncated.h5")
        with open(run_file, "rb") as f, open(truncated, "wb") as g:
            g.write(f.read()[: os.path.getsize(run_file) // 3])
        output = os.path.join(bad, "report")
        check_refused(convivia, "missing file", ["report", os.path.join(bad, "nothing.h5")], bad, output, "nothing.h5: ")
        check_refused(convivia, "not HDF5", ["report", not_hdf5], bad, output, "not an HDF5 file")
        check_refused(convivia, "other HDF5", ["report", other], bad, output, "something-else-1")
        check_refused(convivia, "truncated run file", ["report", truncated], bad, output, "truncated.h5")
        check_refused(convivia, "unknown map point", ["report", collected, "--map-points", "mediators=sometimes"], bad, output,
                      "--map-points")
        check_refused(convivia, "sweep option on a run", ["report", run_file, "--baseline", "x=y"], bad, output, "--baseline")

        # No matplotlib: an interpreter that reports all three modules missing stands in for one without them.
        fake = os.path.join(bad, "python-without-matplotlib")
        with open(fake, "w") as f:
            f.write("#!/bin/sh\nexec /usr/bin/python3 -S -c 'print(\"matplotlib h5py numpy\")'\n")
        os.chmod(fake, 0o755)
        environment = dict(os.environ, CONVIVIA_PYTHON=fake)
        import subprocess
        result = subprocess.run([convivia, "report", run_file, "-o", output], capture_output=True, text=True, env=environment)
        check(result.returncode == 1, "no matplotlib: exits 1", describe(result))
        check("python3-matplotlib" in result.stderr, "no matplotlib: names the Debian package", result.stderr)
        check(not os.path.exists(output), "no matplotlib: writes nothing")
        result = run(convivia, ["report", "--help"])
        check(result.returncode == 0 and "--map-points" in result.stdout, "report --help answers", describe(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return checks_summary()


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
