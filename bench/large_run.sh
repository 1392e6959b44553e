#!/usr/bin/env bash
# The largest run of the project's targets (bench/README.md): `convivia run` on the 10-million-resident benchmark city
# (scenarios/bench/city-10m.toml) for 30 days on 2 threads, with its HDF5 output, measured by
# /usr/bin/time -v. Prints the peak resident set size per resident against the target (at most 256
# bytes), the wall time, and the run's own profile; with --markdown FILE appends them as Markdown
# with the date, commit, machine and load. One run, not a median: it takes minutes and 2-3 GiB, so
# run it on a quiet machine and record what else was running.
# Usage: bench/large_run.sh [--markdown FILE] [--days N]
set -euo pipefail
cd "$(dirname "$0")/.."

markdown=""
days=30
while [ $# -gt 0 ]; do
  case "$1" in
    --markdown) markdown=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    *) echo "usage: bench/large_run.sh [--markdown FILE] [--days N]" >&2; exit 2 ;;
  esac
done

convivia=build/release/sim/convivia
[ -x "$convivia" ] || { echo "build the release preset first (cmake --build --preset release --target convivia)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/convivia-large-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v "$convivia" run scenarios/bench/city-10m.toml --days "$days" --threads 2 -o "$work/run.h5" \
  --summary "$work/summary.json" --profile > "$work/stdout.txt" 2> "$work/time.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

residents=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['residents'])" "$work/summary.json")
peak_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\) time/ {print $2}' "$work/time.txt")
per_resident=$(( peak_kib * 1024 / residents ))
verdict=$([ "$per_resident" -le 256 ] && echo "met" || echo "NOT MET")
file_mib=$(( $(stat -c %s "$work/run.h5") / 1048576 ))

report="residents $residents, $days days, 2 threads: peak RSS $(( peak_kib / 1024 )) MiB = $per_resident bytes per resident (target at most 256: $verdict); wall $wall; output file $file_mib MiB; load average before $load_before, after $load_after"
echo "$report"
grep -E "resident-slot|throughput|updates" "$work/stdout.txt" | head -n 3 || true

if [ -n "$markdown" ]; then
  {
    echo "## Large run: 10 million residents, $(date -u +%F)"
    echo
    echo "- commit $(git rev-parse --short=12 HEAD), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "- $report"
    echo
    echo '```'
    # The run file lies in this script's temporary directory, which is gone by now: not worth recording.
    grep -v '^wrote ' "$work/stdout.txt" || true
    echo '```'
    echo
  } >> "$markdown"
fi
