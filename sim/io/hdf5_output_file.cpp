// Creating and committing an HDF5 output file (see hdf5_output_file.hpp).
#include "io/hdf5_output_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <system_error>

namespace convivia::hdf5 {

Handle create_output_file(const std::string& path, const std::string& temporary_path, const char* title,
                          const char* conventions, const Provenance& provenance) {
  const std::filesystem::path target(path);
  std::filesystem::path directory = target.parent_path();
  if (directory.empty()) directory = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw OutputError("cannot create output file '" + path + "': directory '" + directory.string() +
                      "' does not exist");
  }
  if (std::filesystem::is_directory(target, error)) {
    throw OutputError("cannot create output file '" + path + "': a directory of that name exists");
  }
  require_regular_output(path);

  const std::string what = "cannot create output file '" + path + "' (as temporary file '" + temporary_path + "')";
  Handle fcpl = plist(H5Pcreate(H5P_FILE_CREATE), what);
  check_status(H5Pset_obj_track_times(fcpl.get(), false), what);  // the root group
  Handle fapl = plist(H5Pcreate(H5P_FILE_ACCESS), what);
  // Closing the file closes whatever is still open, so a failed run never leaks the descriptor.
  check_status(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), what);
#if H5_VERSION_GE(1, 10, 7)
  // Only this process writes the temporary file; locks fail on some cluster file systems.
  check_status(H5Pset_file_locking(fapl.get(), false, true), what);
#endif
  Handle created = file(H5Fcreate(temporary_path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), what);

  const hid_t root = created.get();
  write_string_attribute(root, "title", title);
  write_string_attribute(root, "conventions", conventions);
  write_string_attribute(root, "model_version", provenance.model_version);
  write_string_attribute(root, "git_commit", provenance.git_commit);
  write_string_attribute(root, "scenario", provenance.scenario_text);
  write_string_attribute(root, "scenario_sha256", provenance.scenario_sha256);
  write_string_attribute(root, "overrides", provenance.overrides);
  write_string_attribute(root, "seed", provenance.seed);
  write_string_attribute(root, "created_utc", provenance.created_utc);
  return created;
}

void commit_output_file(Handle& file, const std::string& path, const std::string& temporary_path) {
  file.close("close file");
  sync_and_rename(temporary_path, path);
}

Handle create_group(hid_t parent, const char* name) {
  const std::string what = std::string("create group ") + name;
  Handle gcpl = plist(H5Pcreate(H5P_GROUP_CREATE), what);
  check_status(H5Pset_obj_track_times(gcpl.get(), false), what);
  return group(H5Gcreate2(parent, name, H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), what);
}

}  // namespace convivia::hdf5
