#!/usr/bin/env bash
# Output failures, as they happen on shared machines: a disk that fills up during a run, and an
# output directory that cannot be written. Every command that writes a file (run with its HDF5 file
# and JSON summary, segregation -o, compare --csv, a checkpoint) must exit non-zero with a message
# that names the path and the reason, and leave neither a file under the target name nor a
# temporary file. A full disk is a small tmpfs mounted for the test; an unwritable directory is a
# read-only mount (permission bits alone do not stop root, who runs CI). Mounting needs root (or
# CAP_SYS_ADMIN): without it the script says so and exits 77, which ctest reports as skipped. A
# pipe given as an output must stay a pipe: written through (--summary) or refused (-o).
#
# Usage: bash output_failures.sh <path-to-convivia> <source-dir>
set -u

# shellcheck source=support/checks.sh
source "$(dirname "$0")/support/checks.sh"
read_script_arguments "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/convivia-output-failures.XXXXXX")
FULL="$WORK/full"
READONLY="$WORK/readonly"
mkdir -p "$FULL" "$READONLY"
cleanup() {
  mountpoint -q "$FULL" && umount "$FULL"
  mountpoint -q "$READONLY" && umount "$READONLY"
  rm -rf "$WORK"
}
trap cleanup EXIT

# 64 KiB: room to create a run file, not to finish it.
if ! mount -t tmpfs -o size=64k tmpfs "$FULL" 2>/dev/null || ! mount -t tmpfs -o ro,size=64k tmpfs "$READONLY" 2>/dev/null; then
  echo "SKIPPED: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); output failures were not tested"
  exit 77
fi

# expect_clean_failure NAME TARGET REASON -- ARGS...: convivia ARGS fails (non-zero, not a crash), stderr names
# TARGET's file name and REASON, and TARGET's directory holds neither TARGET nor a temporary file.
expect_clean_failure() {
  local name=$1 target=$2 reason=$3
  shift 4
  run_convivia "$@"
  local problems=()
  check_status nonzero
  [ "$STATUS" -lt 128 ] || problems+=("exit status $STATUS: killed by a signal (a crash)")
  [[ "$STDERR" == *"$(basename "$target")"* ]] || problems+=("stderr does not name $(basename "$target")")
  [[ "$STDERR" == *"$reason"* ]] || problems+=("stderr does not say '$reason'")
  [ ! -e "$target" ] || problems+=("$target exists")
  local left
  left=$(find "$(dirname "$target")" -maxdepth 1 -name '*.tmp*')
  [ -z "$left" ] || problems+=("temporary files left: $left")
  if [ ${#problems[@]} -eq 0 ]; then pass "$name"; else fail "$name" "${problems[@]}" "stderr: $STDERR"; fi
}

echo "== a full disk (64 KiB tmpfs)"
expect_clean_failure "run: the disk fills up while the run file is written" "$FULL/out.h5" "No space left on device" \
  -- run "$TINY" -o "$FULL/out.h5" -q
# Fill the disk completely, then the summary is what cannot be written.
head -c 1M /dev/zero > "$FULL/filler" 2>/dev/null
expect_clean_failure "run: the summary cannot be written to a full disk" "$FULL/summary.json" "No space left on device" \
  -- run "$TINY" -o "$WORK/ok.h5" --days 2 -q --summary "$FULL/summary.json"
[ -f "$WORK/ok.h5" ] && rm -f "$WORK/ok.h5"
expect_clean_failure "segregation -o: a full disk" "$FULL/indices.json" "No space left on device" \
  -- segregation "$SOURCE/scenarios/data/berlin/districts.csv" --ignore district_name --ignore total -o "$FULL/indices.json"
rm -f "$FULL/filler"

echo "== a read-only output directory"
expect_clean_failure "run: read-only output directory" "$READONLY/out.h5" "Read-only file system" \
  -- run "$TINY" -o "$READONLY/out.h5" -q
run_convivia run "$TINY" -o "$WORK/base.h5" --days 2 -q
run_convivia run "$TINY" -o "$WORK/other.h5" --days 2 -q --set name=other
expect_clean_failure "compare --csv: read-only output directory" "$READONLY/table.csv" "Read-only file system" \
  -- compare "$WORK/base.h5" "$WORK/other.h5" --csv "$READONLY/table.csv"

# A device or pipe given as an output (-o /dev/null, --summary /dev/stdout) must stay what it is:
# renaming a finished file over it would turn /dev/null into a plain file for the whole machine.
echo "== a pipe as an output"
PIPE="$WORK/pipe"
mkfifo "$PIPE"
run_convivia run "$TINY" -o "$PIPE" -q
problems=()
check_status 2
[[ "$STDERR" == *"not a file"* ]] || problems+=("stderr does not say it is not a file: $STDERR")
[ -p "$PIPE" ] || problems+=("the pipe was replaced")
if [ ${#problems[@]} -eq 0 ]; then pass "run -o PIPE: refused before the run, the pipe kept"; else fail "run -o PIPE" "${problems[@]}"; fi

cat "$PIPE" > "$WORK/from-pipe.json" &
reader=$!
run_convivia run "$TINY" -o "$WORK/piped.h5" --days 2 -q --summary "$PIPE"
wait "$reader"
problems=()
check_status 0
grep -q '"scenario"' "$WORK/from-pipe.json" || problems+=("the summary did not come through the pipe")
[ -p "$PIPE" ] || problems+=("the pipe was replaced")
if [ ${#problems[@]} -eq 0 ]; then pass "run --summary PIPE: written through the pipe, the pipe kept"; else fail "run --summary PIPE" "${problems[@]}"; fi

echo
if [ "$failures" -eq 0 ]; then
  echo "all $checks checks passed"
  exit 0
fi
echo "$failures of $checks checks failed"
exit 1
