// Screenshots and video export (see frame_export.hpp). ffmpeg reads raw RGBA frames, top row first,
// on its standard input.
#include "frame_export.hpp"


#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace convivia::viz {
namespace {

std::string temporary_name(const std::string& path, const std::string& extension) {
  return path + ".tmp-" + std::to_string(getpid()) + extension;
}

}  // namespace

void save_screenshot(const sf::Image& frame, const std::string& path) {
  const std::string temporary = temporary_name(path, ".png");
  if (!frame.saveToFile(temporary)) {
    std::filesystem::remove(temporary);
    throw std::runtime_error(path + ": cannot write the screenshot");
  }
  std::filesystem::rename(temporary, path);
}

VideoRecorder::VideoRecorder(const std::string& path, unsigned width, unsigned height, unsigned fps)
    : path_(path), temporary_(temporary_name(path, ".mp4")), width_(width), height_(height) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error(std::string("cannot create a pipe to ffmpeg: ") + std::strerror(errno));
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  const std::string rate = std::to_string(fps);
  std::vector<std::string> args{"ffmpeg", "-loglevel", "error", "-y", "-f", "rawvideo", "-pixel_format", "rgba",
                                "-video_size", size, "-framerate", rate, "-i", "-", "-c:v", "libx264",
                                "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mp4", temporary_};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  const int status = posix_spawnp(&pid_, "ffmpeg", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (status != 0) {
    close(fds[1]);
    pid_ = -1;
    throw std::runtime_error(std::string("cannot start ffmpeg (install Debian's ffmpeg package): ") + std::strerror(status));
  }
  pipe_ = fds[1];
  // A failed ffmpeg must give an error from write(), not kill the viewer.
  std::signal(SIGPIPE, SIG_IGN);
}

VideoRecorder::~VideoRecorder() { abandon(); }

void VideoRecorder::abandon() {
  if (pipe_ >= 0) close(pipe_);
  pipe_ = -1;
  if (pid_ > 0) {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void VideoRecorder::add_frame(const sf::Image& frame) {
  if (frame.getSize().x != width_ || frame.getSize().y != height_) throw std::runtime_error("video frame of the wrong size");
  const std::uint8_t* pixels = frame.getPixelsPtr();
  const std::size_t bytes = static_cast<std::size_t>(width_) * height_ * 4;
  std::size_t written = 0;
  while (written < bytes) {
    const ssize_t n = write(pipe_, pixels + written, bytes - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      abandon();
      throw std::runtime_error(path_ + ": ffmpeg stopped reading frames (see its message above)");
    }
    written += static_cast<std::size_t>(n);
  }
  ++frames_;
}

void VideoRecorder::finish() {
  close(pipe_);
  pipe_ = -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    abandon();
    throw std::runtime_error(path_ + ": ffmpeg failed to encode the video");
  }
  std::filesystem::rename(temporary_, path_);
}

}  // namespace convivia::viz
