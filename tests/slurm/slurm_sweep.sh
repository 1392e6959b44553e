#!/usr/bin/env bash
# A sweep on a real one-node Slurm cluster, started and stopped by this script.
#
# Installs Debian's slurm-wlm and munge if missing (scripts/install-deps --slurm), starts munged,
# slurmctld and slurmd on localhost with a configuration of their own in a temporary directory (own
# ports, munge socket, state and logs, so nothing of the machine's own setup is used or changed), with
# MaxArraySize = 4. Then `convivia sweep slurm --submit` sends scenarios/sweeps/tiny-mediators.toml
# (12 runs) as 6 tasks of 2 runs, which must go out as two job arrays (4 + 2 tasks); the script
# waits for them, collects the directory, runs the same sweep locally, and checks that both collected
# files are identical dataset by dataset. The daemons are stopped by their process ids on every exit,
# failures included. Needs root (CI runs as root) or password-less sudo for the install and the
# daemons; if the packages cannot be installed it says so and fails.
#
# Usage: tests/slurm/slurm_sweep.sh <path-to-convivia> <source-dir>
set -u

if [ $# -ne 2 ]; then
  echo "usage: tests/slurm/slurm_sweep.sh <path-to-convivia> <source-dir>" >&2
  exit 2
fi
CONVIVIA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SOURCE=$(cd "$2" && pwd)
SWEEP="$SOURCE/scenarios/sweeps/tiny-mediators.toml"
START=$(date +%s)

fail() {
  echo "FAIL  $*" >&2
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  # Everything below needs root: re-run this script through sudo.
  if sudo -n true 2>/dev/null; then
    exec sudo -n "$0" "$@"
  fi
  fail "the Slurm test needs root (or password-less sudo) to install slurm-wlm and munge and to start their daemons"
fi

if ! "$SOURCE/scripts/install-deps" --slurm; then
  fail "cannot install Debian's slurm-wlm and munge (apt-get failed, see above); the Slurm test cannot run"
fi
for program in munged slurmctld slurmd sbatch squeue sinfo scontrol; do
  command -v "$program" >/dev/null || fail "$program is missing after installing slurm-wlm and munge"
done
echo "ok    slurm-wlm and munge installed ($(( $(date +%s) - START )) s so far)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/convivia-slurm.XXXXXX")
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  if [ -f "$WORK/munge/munged.pid" ]; then kill "$(cat "$WORK/munge/munged.pid")" 2>/dev/null; fi
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  if [ $status -ne 0 ]; then
    for log in "$WORK"/slurmctld.log "$WORK"/slurmd.log "$WORK"/munge/munged.log; do
      [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 15 "$log"; }
    done
  fi
  rm -rf "$WORK"
  echo "daemons stopped"
}
trap cleanup EXIT

# A free TCP port at or above $1.
free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# munged on a socket of its own, as user munge: the socket's directory must be open to everyone,
# the one of its seed, log and pid files to munge only.
# munged (as user munge) opens /dev/null when it detaches; a plain file there stops it with a bare
# "Permission denied".
[ -c /dev/null ] || fail "/dev/null is not the null device on this machine but a plain file; munged cannot start. Restore it as root: rm /dev/null && mknod -m 666 /dev/null c 1 3"
mkdir -p "$WORK/munge" "$WORK/munge-socket"
chown munge:munge "$WORK/munge" "$WORK/munge-socket"
chmod 700 "$WORK/munge"
chmod 755 "$WORK/munge-socket"
if [ ! -s /etc/munge/munge.key ]; then
  runuser -u munge -- mungekey -c -k /etc/munge/munge.key || fail "cannot create the munge key"
fi
runuser -u munge -- munged --socket="$WORK/munge-socket/munge.socket" --pid-file="$WORK/munge/munged.pid" \
  --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" --key-file=/etc/munge/munge.key \
  || fail "munged did not start"
echo "ok    munged started"

CTLD_PORT=$(free_port 16817)
SLURMD_PORT=$(free_port $((CTLD_PORT + 1)))
MEMORY=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
[ -n "$MEMORY" ] || fail "slurmd -C did not report the memory"
CPUS=$(nproc)
mkdir -p "$WORK/state" "$WORK/spool" "$WORK/sweep"
chown slurm:slurm "$WORK/state"
export SLURM_CONF="$WORK/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=convivia-test
SlurmctldHost=localhost
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=slurm
AuthType=auth/munge
AuthInfo=socket=$WORK/munge-socket/munge.socket
CredType=cred/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MaxArraySize=4
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$((MEMORY - 512)) State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D >"$WORK/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -N localhost >"$WORK/slurmd.out" 2>&1 &
PIDS+=($!)
idle=""
for _ in $(seq 1 60); do
  idle=$(sinfo -h -N -o "%t" 2>/dev/null | head -n 1)
  [ "$idle" = "idle" ] && break
  sleep 0.5
done
[ "$idle" = "idle" ] || fail "the node did not become idle within 30 s (sinfo: '$idle')"
echo "ok    slurmctld and slurmd up, node idle ($(( $(date +%s) - START )) s so far)"

[ "$(scontrol show config | sed -n 's/^MaxArraySize *= *//p')" = "4" ] || fail "scontrol does not report MaxArraySize = 4"
cd "$WORK"
if ! submitted=$("$CONVIVIA" sweep slurm "$SWEEP" -o "$WORK/sweep" --runs-per-task 2 --submit 2>"$WORK/submit.err"); then
  cat "$WORK/submit.err" >&2
  fail "convivia sweep slurm --submit failed"
fi
cat "$WORK/submit.err"
mapfile -t jobs <<<"$submitted"
[ "${#jobs[@]}" -eq 2 ] || fail "expected two job arrays (6 tasks, at most 4 per array), got: ${jobs[*]}"
grep -q -- "--array=0-3" "$WORK/sweep/slurm/sweep.sbatch" || fail "the script's array is not 0-3"
grep -q "CONVIVIA_TASK_OFFSET=4" "$WORK/sweep/slurm/submit.sh" || fail "the second array does not start at task 4"
echo "ok    submitted job arrays ${jobs[*]} (4 + 2 tasks of 2 runs)"

job_list=$(IFS=,; echo "${jobs[*]}")
for _ in $(seq 1 240); do
  left=$(squeue -h -j "$job_list" 2>/dev/null | wc -l)
  [ "$left" -eq 0 ] && break
  sleep 0.5
done
[ "$left" -eq 0 ] || fail "the jobs did not finish within 2 minutes: $(squeue -h -j "$job_list")"
tasks=$(ls "$WORK/sweep/slurm"/task-*.out 2>/dev/null | wc -l)
[ "$tasks" -eq 6 ] || fail "expected 6 task logs, found $tasks"
echo "ok    all 6 tasks ran ($(( $(date +%s) - START )) s so far)"

"$CONVIVIA" sweep collect "$WORK/sweep" -o "$WORK/slurm.h5" 2>"$WORK/collect.err" || { cat "$WORK/collect.err"; fail "collect failed"; }
grep -q "12 done, 0 failed, 0 missing" "$WORK/collect.err" || { cat "$WORK/collect.err" "$WORK"/sweep/slurm/task-*.out; fail "not every run is done"; }
"$CONVIVIA" sweep run "$SWEEP" -o "$WORK/local" --quiet || fail "the local sweep failed"
"$CONVIVIA" sweep collect "$WORK/local" -o "$WORK/local.h5" 2>/dev/null || fail "collecting the local sweep failed"
/usr/bin/python3 - "$WORK/slurm.h5" "$WORK/local.h5" "$SOURCE/tests/cli/support" <<'EOF' || fail "the Slurm sweep differs from the local one"
import sys
sys.path.insert(0, sys.argv[3])
from sweeps import compare_files
print(f"ok    the Slurm sweep's collected file equals the local one ({compare_files(sys.argv[1], sys.argv[2])} objects)")
EOF
echo "Slurm sweep test passed in $(( $(date +%s) - START )) s"
