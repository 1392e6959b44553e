"""End-to-end checks of `convivia run --checkpoint-every` and `--resume`, as docs/reliability.md states
them:

- a run killed (kill -9) after a checkpoint and resumed, on another thread count, writes a file
  identical to an uninterrupted run in every dataset and attribute (created_utc aside);
- kill -9 while a checkpoint is being written (the moment its temporary file exists) never damages
  the last good checkpoint: a chain of such kills, each followed by a resume from the checkpoint left
  behind, still ends in the identical file;
- a damaged (one byte changed), truncated or foreign checkpoint, and one of another scenario or
  seed, are refused with exit status 2 and a clear message, and no output file is written;
- a completed run removes its checkpoint.

Usage: /usr/bin/python3 checkpoints.py <path-to-convivia> <source-dir>
Needs Debian's python3-h5py. Prints one line per check; exits 1 if any failed.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, summary  # noqa: E402
from determinism_files import Difference, compare_files  # noqa: E402

DAYS = 70
# The tiny test city with more residents, so a day and a checkpoint take long enough to be killed.
SIZE = ["--set", "city.synthetic.residents=30000"]


def run(convivia, scenario, output, *extra, wait=True):
    command = [convivia, "run", scenario, "-o", output, "--days", str(DAYS), "-q", *SIZE, *extra]
    if not wait:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def same_file(a, b):
    try:
        return True, f"{compare_files(a, b)} objects compared"
    except Difference as difference:
        return False, str(difference)


def wait_for(predicate, process, limit_s=120):
    start = time.monotonic()
    while not predicate():
        if process.poll() is not None or time.monotonic() - start > limit_s:
            return False
        time.sleep(0.002)
    return True


def kill(process):
    process.send_signal(signal.SIGKILL)
    process.wait()


def main():
    convivia, source = sys.argv[1], sys.argv[2]
    scenario = os.path.join(source, "scenarios", "tests", "tiny.toml")
    work = tempfile.mkdtemp(prefix="convivia-checkpoints-")
    try:
        reference = os.path.join(work, "reference.h5")
        result = run(convivia, scenario, reference, "--threads", "2")
        check(result.returncode == 0, "uninterrupted run", result.stderr)

        # Killed after a checkpoint, resumed on one thread.
        output = os.path.join(work, "killed.h5")
        checkpoint = output + ".checkpoint"
        process = run(convivia, scenario, output, "--threads", "2", "--checkpoint-every", "10", wait=False)
        written = wait_for(lambda: os.path.exists(checkpoint), process)
        time.sleep(0.2)
        kill(process)
        check(written and not os.path.exists(output), "kill -9 after a checkpoint: the checkpoint is there, no output file")
        saved = os.path.join(work, "saved.checkpoint")
        shutil.copy(checkpoint, saved)
        result = run(convivia, scenario, output, "--threads", "1", "--checkpoint-every", "10", "--resume", checkpoint)
        identical, detail = same_file(reference, output)
        check(result.returncode == 0 and identical,
              "resumed on 1 thread instead of 2: every dataset and attribute as in the uninterrupted run", result.stderr + detail)
        check(not os.path.exists(checkpoint), "the completed run removed its checkpoint")

        # Killed while writing checkpoints (one a day), five times over, each time resumed from what was left.
        output = os.path.join(work, "chain.h5")
        checkpoint = output + ".checkpoint"
        kills, resumed_ok = 0, True
        extra = ["--checkpoint-every", "1", "--threads", "2"]
        for round_ in range(5):
            process = run(convivia, scenario, output, *extra, wait=False)
            pid = process.pid
            temporary = f"{checkpoint}.tmp-{pid}"
            # A good checkpoint first, then the moment the next one is being written.
            if wait_for(lambda: os.path.exists(checkpoint) and os.path.exists(temporary), process):
                kill(process)
                kills += 1
            else:
                process.wait()
            left = [name for name in os.listdir(work) if name.startswith("chain.h5.checkpoint.tmp")]
            for name in left:  # what kill -9 leaves: temporary files, never under the final name
                os.remove(os.path.join(work, name))
            if not os.path.exists(checkpoint):
                resumed_ok = False
                break
            extra = ["--checkpoint-every", "1", "--threads", str(1 + round_ % 2), "--resume", checkpoint]
        check(kills == 5 and resumed_ok, "kill -9 during 5 checkpoint writes: each time the last good checkpoint remains",
              f"{kills} kills during a write")
        result = run(convivia, scenario, output, *extra)
        identical, detail = same_file(reference, output)
        check(result.returncode == 0 and identical, "resumed after those kills: the file is identical to the uninterrupted run",
              result.stderr + detail)

        # Refused checkpoints.
        def refused(name, path, fragment, *options):
            target = os.path.join(work, "refused.h5")
            result = run(convivia, scenario, target, "--resume", path, *options)
            check(result.returncode == 2 and fragment in result.stderr and not os.path.exists(target),
                  f"{name}: exit 2, says '{fragment}', no output file", f"status {result.returncode}: {result.stderr}")

        data = bytearray(open(saved, "rb").read())
        damaged = os.path.join(work, "damaged.checkpoint")
        data[len(data) // 2] ^= 0x01
        open(damaged, "wb").write(data)
        refused("a checkpoint with one bit changed", damaged, "damaged checkpoint")
        truncated = os.path.join(work, "truncated.checkpoint")
        open(truncated, "wb").write(open(saved, "rb").read()[: len(data) // 3])
        refused("a truncated checkpoint", truncated, "damaged checkpoint")
        refused("a file that is not a checkpoint", reference, "not a Convivia checkpoint")
        refused("a checkpoint of another seed", saved, "another scenario", "--seed", "99")
        refused("a checkpoint of another scenario", saved, "another scenario", "--set", "encounters.avoidance=0.3")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
