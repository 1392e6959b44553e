// Creating and committing an HDF5 output file, shared by the run writer and the reference writer:
// the file is written under a temporary name with object time stamps off (the same run gives the
// same bytes apart from created_utc), carries the provenance attributes at its root, and is renamed
// to its final name only when complete, so a failed run leaves no partial file.
#pragma once

#include "io/atomic_file.hpp"
#include "io/hdf5_handles.hpp"
#include "io/hdf5_run_writer.hpp"

#include <string>

namespace convivia::hdf5 {

// Creates temporary_path as an HDF5 file that will become path and writes title, conventions and the
// provenance (model version, git commit, scenario text and hash, seed, creation time) as root
// attributes. Throws OutputError if path's directory does not exist, path is a directory, or HDF5
// fails.
Handle create_output_file(const std::string& path, const std::string& temporary_path, const char* title,
                          const char* conventions, const Provenance& provenance);

// Closes the file (flushing everything), syncs it to the disk and renames temporary_path to path
// (io/atomic_file.hpp); throws OutputError on
// failure.
void commit_output_file(Handle& file, const std::string& path, const std::string& temporary_path);

// A group without time stamps.
Handle create_group(hid_t parent, const char* name);


// Runs action with HDF5's error printing off; an OutputError whose message does not name path is
// thrown again with "output file '<path>': " in front, so every failure names the output path.
template <class Action>
void with_path(const std::string& path, Action action) {
  silence_errors();
  try {
    action();
  } catch (const OutputError& error) {
    const std::string message = error.what();
    if (message.find(path) != std::string::npos) throw;
    throw OutputError("output file '" + path + "': " + message);
  }
}

}  // namespace convivia::hdf5
