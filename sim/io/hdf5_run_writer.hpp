// The run output: one self-describing HDF5 file per run (layout in docs/output-format.md).
// Hdf5RunWriter is a RunObserver; the simulation calls it from one thread in time order:
// on_start, then per day d: on_month (d % 30 == 0), on_slot for ticks 3d..3d+2, on_day; on_finish.
// Everything goes to "<path>.tmp-<pid>" beside the target, renamed to the target only after the
// HDF5 file closed cleanly in on_finish; a writer destroyed without on_finish removes the temporary
// file, so a failed or interrupted run leaves nothing behind. HDF5 stays out of this header.
#pragma once

#include "systems/run_observer.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <vector>
#include <string>

namespace convivia {

// Any failure to create, write, close or rename the output file. The message names the path and
// gives the reason (including HDF5's own description where there is one).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What produced a run, stored as root attributes (all variable-length UTF-8 strings).
struct Provenance {
  std::string model_version;
  std::string git_commit;
  std::string scenario_text;    // the scenario file, verbatim
  std::string scenario_sha256;  // sha256_hex(scenario_text)
  std::string overrides;        // the --set overrides the run applied over the scenario, one per line
  std::string seed;
  std::string created_utc;      // ISO 8601, e.g. 2024-05-01T12:00:00Z
};

// Provenance for this build of the model: version and commit compiled in, the hash of the text, the
// overrides applied over it and the current UTC time.
Provenance make_provenance(std::string scenario_text, std::uint64_t seed, const std::vector<std::string>& overrides = {});

class Hdf5RunWriter final : public RunObserver {
 public:
  // Creates the temporary file at once (throws OutputError if that fails) and writes the provenance.
  Hdf5RunWriter(std::string path, Provenance provenance);
  ~Hdf5RunWriter() override;
  Hdf5RunWriter(const Hdf5RunWriter&) = delete;
  Hdf5RunWriter& operator=(const Hdf5RunWriter&) = delete;

  void on_start(const ScenarioConfig&, const World&, std::span<const std::uint32_t> sample_residents) override;
  void on_slot(int tick, std::span<const std::uint32_t> sample_venues) override;
  void on_day(const DailyIndicators&, std::span<const float> sample_outgroup_trust) override;
  void on_month(const MonthlyIndicators&) override;
  // Flushes, closes and renames the file into place; throws OutputError on any failure (the
  // temporary file is then removed when the writer is destroyed).
  void on_finish(int days_run) override;

  const std::string& path() const { return path_; }
  const std::string& temporary_path() const { return temporary_path_; }

 private:
  struct Impl;
  std::string path_;
  std::string temporary_path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convivia
