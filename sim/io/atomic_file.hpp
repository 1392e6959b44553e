// Files that appear complete or not at all. Everything Convivia writes (run files, summaries,
// tables, checkpoints) is written under a temporary name beside the target, flushed to the disk
// (fsync), renamed over the target and the directory flushed too, so neither a full disk, a failed
// write nor a crash or kill -9 at any moment leaves a partial file under the final name, and a file
// that was there before (an older checkpoint, say) survives intact until its replacement is whole.
// A target that is a device, pipe or socket (-o /dev/null, --summary /dev/stdout) is never renamed
// over: that would replace the device with a plain file for every other program on the machine.
#pragma once

#include <string>
#include <string_view>

namespace convivia {

// "<path>.tmp-<pid>": the temporary name used while path is written.
std::string temporary_path_for(const std::string& path);

// True when path exists and is neither a regular file nor a directory (after following links).
bool is_special_file(const std::string& path);

// Throws OutputError when path is a special file: for outputs that must be regular files (HDF5
// files, checkpoints), checked before the work that produces them starts.
void require_regular_output(const std::string& path);

// Writes content to path atomically as above (a special file is written in place instead); throws OutputError naming the path and the reason
// (for example "No space left on device") and leaves no temporary file behind.
void write_file_atomically(const std::string& path, std::string_view content);

// Flushes the finished temporary file to the disk, renames it to path and flushes the directory;
// throws OutputError on failure or when path is a special file (the caller removes the temporary file).
void sync_and_rename(const std::string& temporary_path, const std::string& path);

}  // namespace convivia
