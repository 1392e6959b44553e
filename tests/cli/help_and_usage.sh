#!/usr/bin/env bash
# End-to-end checks of help, usage and version output of the convivia command.
#
# `convivia --help`, `convivia run --help` and `convivia validate --help` exit 0 and mention their
# options; `convivia` alone exits 0 and says what to do next; an unknown subcommand or option exits
# non-zero with a message; `convivia --version` prints a version.
#
# Usage: bash help_and_usage.sh <path-to-convivia> <source-dir>
# Prints one line per check and exits 1 if any check failed.
set -u

# shellcheck source=support/checks.sh
source "$(dirname "$0")/support/checks.sh"
read_script_arguments "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/convivia-help.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STATUS=0
STDOUT=""
STDERR=""

# expect_output NAME WANTED_STATUS FRAGMENTS... -- ARGS...
# WANTED_STATUS is a number or "nonzero"; every fragment must occur in stdout or stderr.
expect_output() {
  local name=$1 wanted=$2
  shift 2
  local fragments=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do fragments+=("$1"); shift; done
  shift
  run_convivia "$@"
  local problems=()
  check_status "$wanted"
  local all="$STDOUT
$STDERR"
  local fragment
  for fragment in "${fragments[@]}"; do
    case "$all" in
      *"$fragment"*) ;;
      *) problems+=("output does not mention '$fragment'") ;;
    esac
  done
  if [ ${#problems[@]} -eq 0 ]; then
    pass "$name (status $STATUS)"
  else
    fail "$name" "${problems[@]}" "command: convivia $*" "stdout: $STDOUT" "stderr: $STDERR"
  fi
}

expect_output "convivia --help lists the subcommands" 0 "run" "validate" "--version" "--help" -- --help
[[ "$STDOUT" == *"convivia run"* ]] && pass "convivia --help is printed on stdout" \
  || fail "convivia --help is printed on stdout" "stdout: $STDOUT"

expect_output "convivia run --help mentions its options" 0 \
  "--set" "--summary" "--threads" "--profile" "--days" "--seed" "--output" "--quiet" "Exit status" -- run --help
[[ "$STDOUT" == *"--summary"* ]] && pass "convivia run --help is printed on stdout" \
  || fail "convivia run --help is printed on stdout" "stdout: $STDOUT"

expect_output "convivia validate --help mentions its options" 0 "--set" "scenario" -- validate --help

expect_output "convivia -h is the same as --help" 0 "run" "validate" -- -h

expect_output "convivia with no arguments says what to do next" 0 "convivia run" "convivia validate" "--help" --
[ -z "$(ls -A "$WORK")" ] && pass "convivia with no arguments writes no file" \
  || fail "convivia with no arguments writes no file" "files: $(ls -A "$WORK")"

expect_output "convivia --version prints a version" 0 "convivia" -- --version
if [[ "$STDOUT$STDERR" =~ [0-9]+\.[0-9]+(\.[0-9]+)? ]]; then
  pass "the version has the form MAJOR.MINOR[.PATCH] ($STDOUT)"
else
  fail "the version has the form MAJOR.MINOR[.PATCH]" "stdout: $STDOUT" "stderr: $STDERR"
fi

expect_output "an unknown subcommand exits non-zero and names it" nonzero "frobnicate" -- frobnicate
[ -n "$STDERR" ] && pass "the unknown subcommand message goes to stderr" \
  || fail "the unknown subcommand message goes to stderr" "stdout: $STDOUT"

expect_output "an unknown top-level option exits non-zero and names it" nonzero "--frobnicate" -- --frobnicate

expect_output "an unknown run option exits non-zero and names it" nonzero "--frobnicate" \
  -- run "$TINY" --frobnicate -o out.h5
[ ! -e "$WORK/out.h5" ] && pass "an unknown run option writes no output file" \
  || fail "an unknown run option writes no output file"

expect_output "an unknown validate option exits non-zero and names it" nonzero "--frobnicate" \
  -- validate "$TINY" --frobnicate

expect_output "convivia run without a scenario exits non-zero and says it is required" nonzero "scenario" "required" -- run

expect_output "convivia validate without a scenario exits non-zero" nonzero "scenario" -- validate

expect_output "--days without a value exits non-zero" nonzero "--days" -- run "$TINY" -o out.h5 --days

expect_output "--threads with a non-number exits non-zero" nonzero "--threads" -- run "$TINY" -o out.h5 --threads many
[ -z "$(ls -A "$WORK")" ] && pass "usage errors leave no file behind" \
  || fail "usage errors leave no file behind" "files: $(ls -A "$WORK")"

echo
if [ "$failures" -eq 0 ]; then
  echo "all $checks checks passed"
  exit 0
fi
echo "$failures of $checks checks failed"
exit 1
