// Running a sweep (or one shard of it) on one machine. Each run of a scenario sweep is a child
// process `convivia run BASE -o DIR/runs/run-N.h5 --seed S --threads T --quiet --set ...` (the same
// overrides the plan checked); J of them run at once. Runs of a built-in test model are evaluated in
// process. A run whose record says done is skipped; any other run of the shard is (re)done, stale
// temporary files of a killed run first removed. A failed run is recorded with its error and the
// sweep goes on. SIGINT or SIGTERM stop the starting of runs; the runs in flight are stopped and
// left to be redone, those that finished are kept. After the first run that completes, the outcomes
// are read from its file once, so a misspelt series stops the sweep at once instead of at collect.
// Results do not depend on J, T, the shards or the order in which runs finish: each run is a pure
// function of its scenario and seed.
#pragma once

#include "analysis/sweep_directory.hpp"
#include "analysis/sweep_plan.hpp"

#include <string>
#include <utility>

namespace convivia::sweep {

struct Shard {
  int index = 0;
  int count = 1;
};

// The runs [begin, end) of shard index of count: contiguous blocks whose sizes differ by at most 1.
std::pair<int, int> shard_range(int runs, const Shard& shard);

struct Parallelism {
  int jobs = 1;     // runs at once
  int threads = 1;  // threads per run
  std::string reason;
};

// Runs at once and threads per run: by default one thread per run and as many runs as cores, fewer
// when runs are fewer or memory (about 300 bytes per resident plus 64 MiB per process) would not
// hold them, spare cores then going to threads. jobs or threads > 0 are taken as asked.
Parallelism choose_parallelism(int cores, int runs, double residents_per_run, double available_bytes, int jobs, int threads);

struct RunnerOptions {
  std::string executable;  // the convivia program the runs execute
  Parallelism parallelism;
  Shard shard;
  bool progress = true;
};

struct RunnerResult {
  int total = 0;         // runs in the shard
  int already_done = 0;  // complete before this invocation
  int finished = 0;      // ended in this invocation (done or failed)
  int failed = 0;        // of these, failed
  int interrupted_by = 0;  // SIGINT or SIGTERM if the sweep was interrupted
};

// Throws InputError for an outcome that cannot be read from the first completed run file.
RunnerResult run_sweep(const SweepPlan& plan, const SweepDirectory& directory, const RunnerOptions& options);

}  // namespace convivia::sweep
