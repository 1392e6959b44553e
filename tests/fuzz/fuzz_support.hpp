// Shared by the fuzz targets: the input split into parts at a separator line (so one input can hold
// a scenario and its overrides, or a table and its polygons), and files written to a private
// temporary directory for readers that take a path. Only InputError may leave a reader; anything
// else (another exception, a crash, a sanitizer report) is a finding.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace convivia::fuzz {

// The input as text, cut at every line that is exactly `separator`.
inline std::vector<std::string> split_parts(const std::uint8_t* data, std::size_t size, std::string_view separator,
                                            std::size_t max_parts) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  const std::string marker = "\n" + std::string(separator) + "\n";
  while (parts.size() + 1 < max_parts) {
    const std::size_t at = text.find(marker);
    if (at == std::string_view::npos) break;
    parts.emplace_back(text.substr(0, at));
    text.remove_prefix(at + marker.size());
  }
  parts.emplace_back(text);
  while (parts.size() < max_parts) parts.emplace_back();
  return parts;
}

inline void remove_scratch_directory();

// Removes the scratch directories of fuzzer processes that have ended: libFuzzer leaves by paths
// that skip atexit handlers (the corpus replay's -runs=0 among them), which would otherwise leave
// one directory per process behind.
inline void remove_stale_scratch_directories(const std::filesystem::path& base) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(base, error)) {
    const std::string name = entry.path().filename().string();
    constexpr std::string_view prefix = "convivia-fuzz-";
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove_all(entry.path(), error);
  }
}

// A directory of this process under the system's temporary directory (memory-backed where /dev/shm
// exists, so writing a file per input stays cheap).
inline const std::filesystem::path& scratch_directory() {
  static const std::filesystem::path directory = [] {
    std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    remove_stale_scratch_directories(base);
    std::filesystem::path dir = base / ("convivia-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::atexit(remove_scratch_directory);
    return dir;
  }();
  return directory;
}

inline void remove_scratch_directory() {
  std::error_code ignored;
  std::filesystem::remove_all(scratch_directory(), ignored);
}

inline std::string write_scratch_file(const std::string& name, std::string_view content) {
  const std::string path = (scratch_directory() / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return path;
}

// Stops the fuzzer with a message when an invariant of a reader does not hold.
[[noreturn]] inline void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz finding: %s: %s\n", what, detail.c_str());
  std::abort();
}

inline const char* source_dir() { return CONVIVIA_SOURCE_DIR; }

}  // namespace convivia::fuzz
