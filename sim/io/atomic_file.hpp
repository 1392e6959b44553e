// Files that appear complete or not at all. Everything Convivia writes (run files, summaries,
// tables, checkpoints) is written under a temporary name beside the target, flushed to the disk
// (fsync), renamed over the target and the directory flushed too, so neither a full disk, a failed
// write nor a crash or kill -9 at any moment leaves a partial file under the final name, and a file
// that was there before (an older checkpoint, say) survives intact until its replacement is whole.
#pragma once

#include <string>
#include <string_view>

namespace convivia {

// "<path>.tmp-<pid>": the temporary name used while path is written.
std::string temporary_path_for(const std::string& path);

// Writes content to path atomically as above; throws OutputError naming the path and the reason
// (for example "No space left on device") and leaves no temporary file behind.
void write_file_atomically(const std::string& path, std::string_view content);

// Flushes the finished temporary file to the disk, renames it to path and flushes the directory;
// throws OutputError on failure (the caller removes the temporary file).
void sync_and_rename(const std::string& temporary_path, const std::string& path);

}  // namespace convivia
