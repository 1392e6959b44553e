// Atomic file replacement with POSIX calls (see atomic_file.hpp): write, fsync, rename, fsync of the
// directory. Errors carry strerror's text, which is what a user needs ("No space left on device",
// "Read-only file system", "Permission denied").
#include "io/atomic_file.hpp"

#include "io/hdf5_run_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace convivia {
namespace {

[[noreturn]] void fail(const std::string& what, int error) { throw OutputError(what + ": " + std::strerror(error)); }

void sync_path(const std::string& path, int flags, const std::string& what) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) fail(what, errno);
  const int status = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  // Some file systems cannot sync a directory (EINVAL); the rename itself is still atomic there.
  if (status != 0 && !(error == EINVAL && (flags & O_DIRECTORY) != 0)) fail(what, error);
}

std::string directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

bool is_special_file(const std::string& path) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  return !error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

void require_regular_output(const std::string& path) {
  if (is_special_file(path))
    throw OutputError("cannot write '" + path + "': it is a device, pipe or socket, not a file; this output must be a file");
}

std::string temporary_path_for(const std::string& path) { return path + ".tmp-" + std::to_string(::getpid()); }

void sync_and_rename(const std::string& temporary_path, const std::string& path) {
  require_regular_output(path);
  sync_path(temporary_path, O_RDONLY, "cannot flush '" + temporary_path + "' to the disk");
  if (std::rename(temporary_path.c_str(), path.c_str()) != 0)
    fail("cannot rename temporary file '" + temporary_path + "' to '" + path + "'", errno);
  sync_path(directory_of(path), O_RDONLY | O_DIRECTORY, "cannot flush directory '" + directory_of(path) + "'");
}

namespace {

// Writes all of content to fd; returns 0, or the errno of the write that failed.
int write_all(int fd, std::string_view content) {
  for (std::size_t written = 0; written < content.size();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

// A device or pipe has no partial state to protect and cannot be renamed over: write to it in place.
void write_special_file(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open '" + path + "'", errno);
  const int error = write_all(fd, content);
  if (::close(fd) != 0 && error == 0) fail("cannot write '" + path + "'", errno);
  if (error != 0) fail("cannot write '" + path + "'", error);
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  if (is_special_file(path)) {
    write_special_file(path, content);
    return;
  }
  const std::string temporary = temporary_path_for(path);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) fail("cannot create '" + path + "' (as temporary file '" + temporary + "')", errno);
  const auto give_up = [&](const std::string& what, int error) {
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(what, error);
  };
  if (const int error = write_all(fd, content); error != 0) give_up("cannot write '" + path + "'", error);
  if (::fsync(fd) != 0) give_up("cannot flush '" + path + "' to the disk", errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail("cannot write '" + path + "'", error);
  }
  try {
    sync_and_rename(temporary, path);
  } catch (const OutputError&) {
    ::unlink(temporary.c_str());
    throw;
  }
}

}  // namespace convivia
