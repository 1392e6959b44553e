"""Headless video export and live mode of convivia-view.

--record writes an MP4 through ffmpeg with the expected number of frames and size, and leaves no
temporary file; live mode (--live) simulates the tiny test city in the background and a screenshot
at day 5 shows its districts and the dots of its groups.

Usage (under xvfb-run -a): python3 viewer_export_live.py <convivia> <convivia-view> <source-dir>
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "support"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli", "support"))
from checks import check, summary  # noqa: E402
from pixels import VIRIDIS, group_pixels, load, make_run, palette_position, ramp, view  # noqa: E402

convivia, viewer, source_dir = sys.argv[1:4]
tiny = os.path.join(source_dir, "scenarios/tests/tiny.toml")

with tempfile.TemporaryDirectory() as tmp:
    run = os.path.join(tmp, "run.h5")
    make_run(convivia, source_dir, "scenarios/tests/tiny.toml", run, 35, 50)

    # 2 days at 6 slots per second and 10 frames per second: 10 frames.
    video = os.path.join(tmp, "replay.mp4")
    status, err = view(viewer, run, "--record", video, "--from", "0", "--to", "2", "--speed", "6", "--fps", "10",
                       "--size", "800x600")
    check(status == 0 and os.path.exists(video), "record: exit status 0 and the video written", err)
    check("frame 10 of 10" in err, "record: progress shown", err)
    if os.path.exists(video):
        probe = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                                "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", video],
                               capture_output=True, text=True)
        check(probe.stdout.strip() == "h264,800,600,10", "record: H.264, 800x600, 10 frames", probe.stdout + probe.stderr)
    check(sorted(os.listdir(tmp)) == ["replay.mp4", "run.h5"], "record: no temporary file left", os.listdir(tmp))

    # Live: the tiny city (synthetic, so its districts are drawn from the raster).
    shown = os.path.join(tmp, "live.png")
    plain = os.path.join(tmp, "live-plain.png")
    status, err = view(viewer, "--live", tiny, "--samples", "2000", "--screenshot", shown, "--at", "5.4", "--hide", "venues")
    check(status == 0 and os.path.exists(shown), "live: screenshot at day 5", err)
    status, err = view(viewer, "--live", tiny, "--samples", "2000", "--screenshot", plain, "--at", "5.4", "--hide", "venues",
                       "--hide", "residents")
    check(status == 0 and os.path.exists(plain), "live: screenshot without residents", err)
    if os.path.exists(shown) and os.path.exists(plain):
        a, b = load(shown)[60:470, 0:768], load(plain)[60:470, 0:768]
        filled = np.mean(~np.isnan(palette_position(b, ramp(VIRIDIS))))
        check(filled > 0.2, "live: districts filled with the colour scale", f"{filled:.1%}")
        counts = group_pixels(a, b, ["#999999", "#E69F00", "#56B4E9"])
        check(all(n >= 20 for n in counts), "live: dots of all three groups", f"{counts}")

sys.exit(summary())
