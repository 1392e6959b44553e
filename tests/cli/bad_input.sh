#!/usr/bin/env bash
# End-to-end checks of bad input to `convivia run` and `convivia validate`, as a user meets it.
#
# For each kind of bad input `convivia run` must exit with status 2, print to stderr a message that
# names the file, the line (where there is one) and the key, and leave no file at the -o path and
# no temporary file (*.tmp*) in the output directory. Each check runs in a fresh temporary
# directory. An unwritable output path must give a non-zero status, a clear message and no file.
# `convivia validate` exits 2 on a bad file and 0 on a good one, printing the resolved scenario.
#
# Usage: bash bad_input.sh <path-to-convivia> <source-dir>
# Prints one line per check and exits 1 if any check failed.
set -u

# shellcheck source=support/checks.sh
source "$(dirname "$0")/support/checks.sh"
read_script_arguments "$@"
DATA="$SOURCE/tests/cli/data"

WORK=""
STDOUT=""
STDERR=""
STATUS=0

cleanup() { if [ -n "$WORK" ] && [ -d "$WORK" ]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT

# A fresh, empty working directory for one check (the previous one is removed).
fresh_dir() {
  cleanup
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/convivia-bad-input.XXXXXX")
}

# Writes the scenario text of $2 to $WORK/$1.
write_scenario() { printf '%s\n' "$2" > "$WORK/$1"; }

# Runs convivia with the given arguments inside $WORK; sets STATUS, STDOUT, STDERR.

# Lists leftover temporary files (*.tmp*) in directory $1.
leftover_temporaries() { find "$1" -maxdepth 1 -name '*.tmp*' 2>/dev/null; }

# expect_rejected NAME OUTPUT_PATH WANTED_STATUS FRAGMENTS... -- ARGS...
# Runs `convivia ARGS` in $WORK and checks: the exit status (a number, or "nonzero"), that stderr
# contains every fragment (fixed strings), that OUTPUT_PATH does not exist and that the output
# directory holds no temporary file.
expect_rejected() {
  local name=$1 output=$2 wanted=$3
  shift 3
  local fragments=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do fragments+=("$1"); shift; done
  shift
  run_convivia "$@"
  local problems=()
  check_status "$wanted"
  [ -n "$STDERR" ] || problems+=("nothing on stderr")
  local fragment
  for fragment in "${fragments[@]}"; do
    case "$STDERR" in
      *"$fragment"*) ;;
      *) problems+=("stderr does not mention '$fragment'") ;;
    esac
  done
  local path=$output
  case "$path" in /*) ;; *) path="$WORK/$path" ;; esac
  [ ! -e "$path" ] || problems+=("output file $output exists")
  local outdir
  outdir=$(dirname "$path")
  local leftovers
  leftovers=$(leftover_temporaries "$outdir")
  [ -z "$leftovers" ] || problems+=("temporary files left: $leftovers")
  leftovers=$(leftover_temporaries "$WORK")
  [ -z "$leftovers" ] || problems+=("temporary files left: $leftovers")
  if [ ${#problems[@]} -eq 0 ]; then
    pass "$name (status $STATUS: $(printf '%s' "$STDERR" | head -n 1))"
  else
    fail "$name" "${problems[@]}" "command: convivia $*" "stderr: $STDERR"
  fi
}

# A minimal valid synthetic scenario, with extra lines appended by the cases.
BASE='name = "bad input test"
[run]
days = 2
[[groups]]
name = "a"
share = 1
[[groups]]
name = "b"
share = 1'

echo "== convivia run: bad scenario files"

fresh_dir
write_scenario syntax.toml 'name = "syntax"
[run]
days = 2
[city
scale = 0.5'
expect_rejected "TOML syntax error" out.h5 2 "syntax.toml:4" "syntax" -- run syntax.toml -o out.h5

fresh_dir
write_scenario unknown.toml "$BASE
[city]
scal = 0.5"
expect_rejected "unknown key suggests the nearest key" out.h5 2 "unknown.toml:11" "city.scal" "city.scale" \
  -- run unknown.toml -o out.h5

fresh_dir
write_scenario unknown_group_key.toml 'name = "x"
[[groups]]
name = "a"
shair = 1'
expect_rejected "unknown key inside [[groups]]" out.h5 2 "unknown_group_key.toml:4" "shair" "share" \
  -- run unknown_group_key.toml -o out.h5

fresh_dir
write_scenario unknown_venue.toml "$BASE
[venues.cinema]
capacity = 10"
expect_rejected "unknown venue kind" out.h5 2 "unknown_venue.toml" "venues.cinema" -- run unknown_venue.toml -o out.h5

fresh_dir
write_scenario wrong_type.toml "$BASE
[city]
scale = \"half\""
expect_rejected "wrong type (string for a number)" out.h5 2 "wrong_type.toml:11" "city.scale" -- run wrong_type.toml -o out.h5

fresh_dir
write_scenario wrong_type_bool.toml "$BASE
[city]
segregated_start = 1"
expect_rejected "wrong type (integer for a boolean)" out.h5 2 "wrong_type_bool.toml:11" "city.segregated_start" \
  -- run wrong_type_bool.toml -o out.h5

fresh_dir
write_scenario out_of_range.toml "$BASE
[city]
scale = 1.5"
expect_rejected "value out of range (city.scale = 1.5)" out.h5 2 "out_of_range.toml:11" "city.scale" "1.5" \
  -- run out_of_range.toml -o out.h5

fresh_dir
write_scenario nan.toml "$BASE
[encounters]
rate_positive = nan"
expect_rejected "NaN value" out.h5 2 "nan.toml:11" "encounters.rate_positive" -- run nan.toml -o out.h5

fresh_dir
write_scenario infinite.toml "$BASE
[encounters]
avoidance = inf"
expect_rejected "infinite value" out.h5 2 "infinite.toml:11" "encounters.avoidance" -- run infinite.toml -o out.h5

fresh_dir
write_scenario residents.toml "$BASE
[city.synthetic]
residents = 1000000000000"
expect_rejected "absurd size: 10^12 residents" out.h5 2 "residents.toml:11" "city.synthetic.residents" \
  -- run residents.toml -o out.h5

fresh_dir
write_scenario grid.toml "$BASE
[city.synthetic]
districts_x = 1000
districts_y = 1000
district_cells = 1000"
# The message may point at any of the three size keys (lines 11 to 13).
expect_rejected "absurd size: 1000000 x 1000000 grid" out.h5 2 "grid.toml:1" "city.synthetic.district" \
  -- run grid.toml -o out.h5

fresh_dir
write_scenario districts_x.toml "$BASE
[city.synthetic]
districts_x = 1000000"
expect_rejected "absurd size: districts_x = 1000000" out.h5 2 "districts_x.toml:11" "city.synthetic.districts_x" \
  -- run districts_x.toml -o out.h5

fresh_dir
write_scenario negative.toml "$BASE
[venues.school]
capacity = -5"
expect_rejected "negative count (venues.school.capacity = -5)" out.h5 2 "negative.toml:11" "venues.school.capacity" \
  -- run negative.toml -o out.h5

fresh_dir
write_scenario negative_residents.toml "$BASE
[city.synthetic]
residents = -100"
expect_rejected "negative count (city.synthetic.residents = -100)" out.h5 2 "negative_residents.toml:11" \
  "city.synthetic.residents" -- run negative_residents.toml -o out.h5

# A scale so small that no resident is left: an empty city has no meaningful indicators (the
# mean trust of nobody is not 0), so the run must be refused as bad input naming city.scale.
fresh_dir
write_scenario empty_city.toml "$BASE
[city]
scale = 0.00001"
expect_rejected "city.scale = 0.00001 leaves no residents (10000 x 0.00001 < 1)" out.h5 2 "empty_city.toml" "city.scale" \
  -- run empty_city.toml -o out.h5

echo "== convivia run: imported cities"

fresh_dir
expect_rejected "imported city: missing district table" out.h5 2 "import_missing.toml:8" \
  "city.import.district_table" "no_such_districts.csv" -- run "$DATA/import_missing.toml" -o out.h5

fresh_dir
expect_rejected "district table: negative count" out.h5 2 "districts_negative.csv:3" "newcomers" "-250" \
  -- run "$DATA/import_negative.toml" -o out.h5

fresh_dir
expect_rejected "district table: non-numeric count" out.h5 2 "districts_nonnumeric.csv:2" "newcomers" "many" \
  -- run "$DATA/import_nonnumeric.toml" -o out.h5

echo "== convivia run: limits checked before allocation"

# An imported city is sized by its polygons: a polygon around the whole globe at 100 m cells is
# about 400,000 x 180,000 cells, refused before the raster is allocated.
fresh_dir
printf 'district_id,district_name,a,b\nW,World,100,100\n' > "$WORK/world.csv"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"district_id":"W"},"geometry":{"type":"Polygon","coordinates":[[[-180,-80],[180,-80],[180,80],[-180,80],[-180,-80]]]}}]}\n' \
  > "$WORK/world.geojson"
write_scenario world.toml 'name = "world"
[city]
source = "import"
[city.import]
district_table = "world.csv"
district_polygons = "world.geojson"'
expect_rejected "imported city: polygons spanning the globe (a 10^11-cell grid)" out.h5 2 "world.toml" \
  "city.cell_size_m" "grid cells" -- run world.toml -o out.h5

# 10^9 residents in each of three districts: 3 x 10^9 residents do not fit 32-bit resident ids.
fresh_dir
printf 'district_id,district_name,a,b,total\nA1,West,1000000000,0,1000000000\nB2,East,0,1000000000,1000000000\nC3,North,1000000000,0,1000000000\n' \
  > "$WORK/huge.csv"
printf '{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"district_id":"A1"},"geometry":{"type":"Polygon","coordinates":[[[13.40,52.50],[13.41,52.50],[13.41,52.51],[13.40,52.51],[13.40,52.50]]]}},
{"type":"Feature","properties":{"district_id":"B2"},"geometry":{"type":"Polygon","coordinates":[[[13.41,52.50],[13.42,52.50],[13.42,52.51],[13.41,52.51],[13.41,52.50]]]}},
{"type":"Feature","properties":{"district_id":"C3"},"geometry":{"type":"Polygon","coordinates":[[[13.42,52.50],[13.43,52.50],[13.43,52.51],[13.42,52.51],[13.42,52.50]]]}}]}\n' \
  > "$WORK/huge.geojson"
write_scenario huge.toml 'name = "huge"
[city]
source = "import"
[city.import]
district_table = "huge.csv"
district_polygons = "huge.geojson"'
expect_rejected "imported city: 3 x 10^9 residents" out.h5 2 "huge.toml" "city.scale" "simulated residents" \
  -- run huge.toml -o out.h5

# Venue densities at their maximum (1000 per 1000 residents for every kind) for 50 million
# residents in 32 groups: about 350 million venues, far beyond this machine's memory.
fresh_dir
groups=""
for g in $(seq 1 32); do groups="$groups
[[groups]]
name = \"g$g\"
share = 1"; done
dense="[city.synthetic]
residents = 50000000
districts_x = 50
districts_y = 50
district_cells = 100"
for kind in school workplace park library market sports community_centre civic_forum; do dense="$dense
[venues.$kind]
per_1000_residents = 1000"; done
write_scenario dense.toml "name = \"dense\"
$groups
$dense"
expect_rejected "venue densities whose venues exceed the machine's memory" out.h5 2 "dense.toml:" \
  "per_1000_residents" "memory" -- run dense.toml -o out.h5

fresh_dir
expect_rejected "--set run.days=1000000000 (a huge day count)" out.h5 2 "--set" "run.days" "1000000000" \
  -- run "$TINY" -o out.h5 --set run.days=1000000000
fresh_dir
expect_rejected "--set encounters.tie_probability=1.5 (a probability above 1)" out.h5 2 "--set" \
  "encounters.tie_probability" "1.5" -- run "$TINY" -o out.h5 --set encounters.tie_probability=1.5
fresh_dir
expect_rejected "--set encounters.avoidance=nan" out.h5 2 "--set" "encounters.avoidance" "nan" \
  -- run "$TINY" -o out.h5 --set encounters.avoidance=nan
fresh_dir
expect_rejected "--set encounters.rate_negative=-inf" out.h5 2 "--set" "encounters.rate_negative" \
  -- run "$TINY" -o out.h5 --set encounters.rate_negative=-inf

fresh_dir
write_scenario share.toml "$BASE
[[groups]]
name = \"c\"
share = 1e300"
expect_rejected "absurd group share (1e300)" out.h5 2 "share.toml:12" "groups[2].share" -- run share.toml -o out.h5

fresh_dir
write_scenario cost.toml "$BASE
[[policies]]
kind = \"intercultural_mediators\"
intensity = 1
start_day = 0
annual_cost = 1e300"
expect_rejected "absurd policy cost (1e300 euros a year)" out.h5 2 "cost.toml:14" "policies[0].annual_cost" \
  -- run cost.toml -o out.h5

fresh_dir
write_scenario schelling.toml 'name = "big schelling"
model = "schelling"
[schelling]
width = 10000
height = 10000'
expect_rejected "reference model: a 10^8-cell Schelling grid" out.h5 2 "schelling.toml:4" "schelling.width" "cells" \
  -- run schelling.toml -o out.h5

fresh_dir
write_scenario axelrod.toml 'name = "axelrod samples"
model = "axelrod"
[axelrod]
max_events = 1000000000000
sample_events = 1'
expect_rejected "reference model: 10^12 recorded Axelrod samples" out.h5 2 "axelrod.toml:" "axelrod.sample_events" \
  -- run axelrod.toml -o out.h5

fresh_dir
head -c 17000000 /dev/zero | tr '\0' '#' > "$WORK/big.toml"
expect_rejected "a scenario file larger than 16 MiB" out.h5 2 "big.toml" "16 MiB" -- run big.toml -o out.h5

echo "== convivia run: bad command-line overrides"

fresh_dir
expect_rejected "--set without '='" out.h5 2 "--set" "city.scale" -- run "$TINY" -o out.h5 --set city.scale

fresh_dir
expect_rejected "--set with an unknown key" out.h5 2 "--set" "city.scal" "city.scale" \
  -- run "$TINY" -o out.h5 --set city.scal=0.5

fresh_dir
expect_rejected "--set city.scale=abc" out.h5 2 "--set" "city.scale" -- run "$TINY" -o out.h5 --set city.scale=abc

fresh_dir
expect_rejected "--set run.days=-3" out.h5 2 "--set" "run.days" "-3" -- run "$TINY" -o out.h5 --set run.days=-3

fresh_dir
expect_rejected "--set groups[3].share=1 (an entry the scenario does not have)" out.h5 2 "--set" "groups[3].share" \
  "entry index from 0 to 2" -- run "$TINY" -o out.h5 --set 'groups[3].share=1'

fresh_dir
expect_rejected "--days 0" out.h5 2 "--days" -- run "$TINY" -o out.h5 --days 0

fresh_dir
expect_rejected "--seed -1" out.h5 2 "--seed" -- run "$TINY" -o out.h5 --seed -1
fresh_dir
expect_rejected "--seed abc" out.h5 2 "--seed" -- run "$TINY" -o out.h5 --seed abc
fresh_dir
expect_rejected "-o with an empty path" tiny.h5 2 "output path is empty" -- run "$TINY" -o ""

fresh_dir
expect_rejected "--threads 0" out.h5 2 "--threads" -- run "$TINY" -o out.h5 --threads 0

echo "== convivia run: missing scenario, unwritable output"

fresh_dir
expect_rejected "nonexistent scenario file" out.h5 2 "no-such-scenario.toml" -- run no-such-scenario.toml -o out.h5

fresh_dir
expect_rejected "unwritable output directory" /nonexistent-dir/x.h5 nonzero "/nonexistent-dir" \
  -- run "$TINY" -o /nonexistent-dir/x.h5 --days 1 --quiet

fresh_dir
mkdir "$WORK/taken"
expect_rejected "output path is an existing directory" taken/x.h5 nonzero "taken" \
  -- run "$TINY" -o taken --days 1 --quiet
if [ -d "$WORK/taken" ] && [ -z "$(ls -A "$WORK/taken")" ]; then
  pass "the existing directory at the output path is left untouched and empty"
else
  fail "the existing directory at the output path is left untouched and empty" "contents: $(ls -A "$WORK/taken" 2>&1)"
fi

# -o naming the scenario file itself (a slip of the fingers) must not destroy the scenario.
for spelling in scenario.toml ./scenario.toml; do
  fresh_dir
  cp "$TINY" "$WORK/scenario.toml"
  run_convivia run scenario.toml -o "$spelling" --days 1 --quiet
  problems=()
  [ "$STATUS" -eq 2 ] || problems+=("exit status $STATUS, expected 2")
  [ -n "$STDERR" ] || problems+=("nothing on stderr")
  cmp -s "$TINY" "$WORK/scenario.toml" || problems+=("the scenario file was overwritten (now: $(head -c 8 "$WORK/scenario.toml" | tr -c '[:print:]' '?'))")
  leftovers=$(leftover_temporaries "$WORK")
  [ -z "$leftovers" ] || problems+=("temporary files left: $leftovers")
  if [ ${#problems[@]} -eq 0 ]; then
    pass "-o $spelling (the scenario itself) is refused and the scenario is untouched ($(printf '%s' "$STDERR" | head -n 1))"
  else
    fail "-o $spelling (the scenario itself) is refused and the scenario is untouched" "${problems[@]}" \
      "command: convivia run scenario.toml -o $spelling --days 1 --quiet" "stderr: $STDERR"
  fi
done

echo "== convivia run: interrupted"

# A run interrupted by SIGINT or SIGTERM exits 128 + the signal number (130, 143) and leaves neither
# the file nor its temporary.
for signal in INT TERM; do
  fresh_dir
  (cd "$WORK" && exec "$CONVIVIA" run "$TINY" -o long.h5 --days 36500 --quiet > "$WORK/.stdout" 2> "$WORK/.stderr") &
  pid=$!
  # Wait (at most 20 s) until the temporary output file exists, so the run is under way.
  for _ in $(seq 200); do
    [ -n "$(leftover_temporaries "$WORK")" ] && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  started=$([ -n "$(leftover_temporaries "$WORK")" ] && echo yes || echo no)
  kill -s "$signal" "$pid" 2> /dev/null
  wait "$pid"
  STATUS=$?
  STDERR=$(cat "$WORK/.stderr")
  rm -f "$WORK/.stdout" "$WORK/.stderr"
  problems=()
  [ "$started" = yes ] || problems+=("no temporary output file appeared within 20 s")
  expected_status=$((128 + $(kill -l "$signal")))
  [ "$STATUS" -eq "$expected_status" ] || problems+=("exit status $STATUS, expected $expected_status")
  [ ! -e "$WORK/long.h5" ] || problems+=("output file long.h5 exists")
  leftovers=$(leftover_temporaries "$WORK")
  [ -z "$leftovers" ] || problems+=("temporary files left: $leftovers")
  if [ ${#problems[@]} -eq 0 ]; then
    pass "SIG$signal during a run: status $expected_status, no file left ($(printf '%s' "$STDERR" | grep -v '^$' | head -n 1))"
  else
    fail "SIG$signal during a run: status $expected_status, no file left" "${problems[@]}" "stderr: $STDERR"
  fi
done

echo "== convivia validate"

fresh_dir
write_scenario out_of_range.toml "$BASE
[city]
scale = 1.5"
run_convivia validate out_of_range.toml
if [ "$STATUS" -eq 2 ] && [[ "$STDERR" == *"out_of_range.toml:11"* ]] && [[ "$STDERR" == *"city.scale"* ]]; then
  pass "validate on a bad file exits 2 and names file, line and key"
else
  fail "validate on a bad file exits 2 and names file, line and key" "status $STATUS" "stderr: $STDERR"
fi

fresh_dir
run_convivia validate "$TINY" --set city.scal=0.5
if [ "$STATUS" -eq 2 ] && [[ "$STDERR" == *"city.scale"* ]]; then
  pass "validate with a bad --set exits 2 and suggests the key"
else
  fail "validate with a bad --set exits 2 and suggests the key" "status $STATUS" "stderr: $STDERR"
fi

fresh_dir
run_convivia validate "$TINY"
problems=()
[ "$STATUS" -eq 0 ] || problems+=("exit status $STATUS, expected 0")
[[ "$STDOUT" == *"rate_negative = 0.03"* ]] || problems+=("resolved scenario lacks the default 'rate_negative = 0.03'")
[[ "$STDOUT" == *'name = "tiny test city"'* ]] || problems+=("resolved scenario lacks the file's name")
[[ "$STDOUT" == *"district_cells = 5"* ]] || problems+=("resolved scenario lacks the file's 'district_cells = 5'")
[ -z "$(ls -A "$WORK")" ] || problems+=("validate wrote files: $(ls -A "$WORK")")
if [ ${#problems[@]} -eq 0 ]; then
  pass "validate on a good file exits 0 and prints the resolved scenario with defaults"
else
  fail "validate on a good file exits 0 and prints the resolved scenario with defaults" "${problems[@]}" "stderr: $STDERR"
fi

fresh_dir
run_convivia validate "$TINY" --set encounters.rate_negative=0.05
if [ "$STATUS" -eq 0 ] && [[ "$STDOUT" == *"rate_negative = 0.05"* ]]; then
  pass "validate --set shows the overridden value"
else
  fail "validate --set shows the overridden value" "status $STATUS" "stderr: $STDERR"
fi

fresh_dir
run_convivia validate "$DATA/import_ok.toml"
if [ "$STATUS" -eq 0 ] && [[ "$STDOUT" == *"2 districts, 2 groups"* ]]; then
  pass "validate on the good import fixture exits 0 (the bad fixtures differ only in the table)"
else
  fail "validate on the good import fixture exits 0" "status $STATUS" "stdout: $STDOUT" "stderr: $STDERR"
fi

cleanup
WORK=""
echo
if [ "$failures" -eq 0 ]; then
  echo "all $checks checks passed"
  exit 0
fi
echo "$failures of $checks checks failed"
exit 1
