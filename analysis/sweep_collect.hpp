// `convivia sweep collect`: one experiments file from a sweep directory (layout in docs/sweeps.md,
// conventions "convivia-sweep-1"). It holds the design table (one row per run: point, replicate,
// seed, seed point, label, status, error and each factor's value), the unit coordinates of the
// design, the factors, every scalar outcome of every run, and the kept time series of all runs as
// copies, [run, time, ...] float64, padded with NaN (runs that are not done are all NaN). Copies,
// not virtual datasets: the file is self-contained, so it can be moved off the cluster and read
// anywhere while the run files are deleted, and h5py needs no source-file paths to resolve.
// The output is written under a temporary name and renamed when complete; the same directory gives
// the same datasets whatever order its runs were done in (only created_utc differs).
#pragma once

#include <string>

namespace convivia::sweep {

struct CollectResult {
  int runs = 0;
  int done = 0;
  int failed = 0;
  int missing = 0;
};

// Throws InputError (a directory or outcome problem) or OutputError (writing failed).
CollectResult collect_sweep(const std::string& directory, const std::string& output);

}  // namespace convivia::sweep
