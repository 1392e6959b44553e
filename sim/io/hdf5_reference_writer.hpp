// The output of a reference-model run (Schelling or Axelrod): one self-describing HDF5 file with the
// same root provenance attributes as a city run, per-step (or per-sample) series on a dimension
// scale, the final grid and the final figures as root attributes. Layout in docs/output-format.md
// ("Reference model runs"). Like Hdf5RunWriter it writes to "<path>.tmp-<pid>" and renames the file
// into place only when it closed cleanly; a writer destroyed before that removes the temporary file.
// HDF5 stays out of this header; call from one thread.
#pragma once

#include "io/hdf5_run_writer.hpp"
#include "reference/axelrod.hpp"
#include "reference/schelling.hpp"

#include <memory>
#include <string>

namespace convivia {

class Hdf5ReferenceWriter {
 public:
  // Creates the temporary file at once (throws OutputError if that fails) and writes the provenance.
  Hdf5ReferenceWriter(std::string path, Provenance provenance);
  ~Hdf5ReferenceWriter();
  Hdf5ReferenceWriter(const Hdf5ReferenceWriter&) = delete;
  Hdf5ReferenceWriter& operator=(const Hdf5ReferenceWriter&) = delete;

  // Each writes the whole run, closes the file and renames it into place (throws OutputError).
  void write_schelling(const ScenarioConfig& config, const SchellingModel& model, const SchellingSeries& series);
  void write_axelrod(const ScenarioConfig& config, const AxelrodModel& model, const AxelrodSeries& series);

 private:
  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convivia
