# Shared by the command-line test scripts (sourced): one line per check, and a summary.
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
