# Shared by the command-line test scripts (sourced): one line per check, running the program,
# checking its exit status.
failures=0
checks=0

pass() { checks=$((checks + 1)); echo "ok    $1"; }
fail() {
  checks=$((checks + 1)); failures=$((failures + 1))
  echo "FAIL  $1"
  shift
  local line
  for line in "$@"; do echo "        $line"; done
}

# Runs `$CONVIVIA ARGS` in $WORK and sets STATUS, STDOUT and STDERR.
run_convivia() {
  (cd "$WORK" && "$CONVIVIA" "$@" > "$WORK/.stdout" 2> "$WORK/.stderr")
  STATUS=$?
  STDOUT=$(cat "$WORK/.stdout")
  STDERR=$(cat "$WORK/.stderr")
  rm -f "$WORK/.stdout" "$WORK/.stderr"
}

# Appends to the caller's `problems` array unless STATUS matches $1 (a number, or "nonzero").
check_status() {
  if [ "$1" = "nonzero" ]; then
    [ "$STATUS" -ne 0 ] || problems+=("exit status 0, expected non-zero")
  else
    [ "$STATUS" -eq "$1" ] || problems+=("exit status $STATUS, expected $1")
  fi
}

# Reads the two arguments every script takes, <path-to-convivia> <source-dir>, into CONVIVIA and
# SOURCE (absolute paths) and sets TINY to the small test town; prints the usage and exits 2 otherwise.
read_script_arguments() {
  if [ $# -ne 2 ]; then
    echo "usage: bash $(basename "$0") <path-to-convivia> <source-dir>" >&2
    exit 2
  fi
  CONVIVIA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  SOURCE=$(cd "$2" && pwd)
  TINY="$SOURCE/scenarios/tests/tiny.toml"
}
