"""convivia-view on input that is not a Convivia run, or is damaged: a clear message on the terminal
(naming the file and what is wrong), the same message drawn in the window, exit status 2 and no
crash. Also a bad live scenario and bad command lines.

Usage (under xvfb-run -a): python3 viewer_bad_input.py <convivia> <convivia-view> <source-dir>
"""

import os
import shutil
import sys
import tempfile

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "support"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli", "support"))
from checks import check, summary  # noqa: E402
from pixels import load, make_run, view  # noqa: E402

convivia, viewer, source_dir = sys.argv[1:4]

with tempfile.TemporaryDirectory() as tmp:
    good = os.path.join(tmp, "good.h5")
    make_run(convivia, source_dir, "scenarios/tests/tiny.toml", good, 35, 50)

    def damaged(name, change):
        path = os.path.join(tmp, name)
        shutil.copy(good, path)
        with h5py.File(path, "r+") as f:
            change(f)
        return path

    def set_values(f, path, value):
        data = f[path][...]
        data.flat[len(data.flat) // 2] = value
        f[path][...] = data

    text = os.path.join(tmp, "notes.h5")
    with open(text, "w") as out:
        out.write("this is not a run file\n")
    truncated = os.path.join(tmp, "truncated.h5")
    with open(good, "rb") as src, open(truncated, "wb") as out:
        out.write(src.read(os.path.getsize(good) // 3))
    other_hdf5 = os.path.join(tmp, "other.h5")
    with h5py.File(other_hdf5, "w") as f:
        f["x"] = np.arange(10)
    cases = [
        ("missing file", os.path.join(tmp, "nowhere.h5"), "no such file"),
        ("text file", text, "not an HDF5 file"),
        ("truncated run file", truncated, "damaged or incomplete run file"),
        ("HDF5 file of another program", other_hdf5, "not a Convivia run file"),
        ("venue index out of range", damaged("venue.h5", lambda f: set_values(f, "samples/venue", 123456)),
         "/samples/venue out of range"),
        ("district index out of range", damaged("cells.h5", lambda f: set_values(f, "city/cell_district", 99)),
         "/city/cell_district holds a district index out of range"),
        ("venue positions missing", damaged("positions.h5", lambda f: f.__delitem__("venues/x_m")),
         "/venues/x_m is missing"),
        ("headline series missing", damaged("daily.h5", lambda f: f.__delitem__("daily/mean_outgroup_trust")),
         "/daily/mean_outgroup_trust is missing"),
    ]
    for name, path, reason in cases:
        png = os.path.join(tmp, name.replace(" ", "-") + ".png")
        status, err = view(viewer, path, "--screenshot", png)
        check(status == 2, f"{name}: exit status 2", f"status {status}\n{err}")
        check(os.path.basename(path) in err and reason in err, f"{name}: the message names the file and says why", err)
        if os.path.exists(png):
            image = load(png)
            box = image[200:420, 300:980]
            check(np.std(box) > 10, f"{name}: the message is drawn in the window")
        else:
            check(False, f"{name}: a screenshot of the message", err)

    # Compare with one damaged file: refused as well.
    status, err = view(viewer, good, text, "--screenshot", os.path.join(tmp, "pair.png"))
    check(status == 2 and "notes.h5" in err, "compare with a bad second file: exit status 2 and the file named", err)

    # Live mode with a scenario that does not load.
    bad_scenario = os.path.join(tmp, "bad.toml")
    with open(bad_scenario, "w") as out:
        out.write("[run]\ndays = -3\n")
    status, err = view(viewer, "--live", bad_scenario, "--screenshot", os.path.join(tmp, "live.png"))
    check(status == 2 and "bad.toml" in err and "run.days" in err, "live: a bad scenario is refused with its key named", err)

    # Bad command lines.
    status, err = view(viewer)
    check(status == 2 and "--live" in err, "no input: exit status 2 and a hint", err)
    status, err = view(viewer, good, "--size", "12x")
    check(status == 2 and "--size" in err, "bad --size: exit status 2", err)
    status, err = view(viewer, "--help")
    check(status == 0, "--help answers")

sys.exit(summary())
