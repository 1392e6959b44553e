// Headless export: a PNG of the window's current frame, and a video made by piping raw frames to
// Debian's ffmpeg (H.264 in MP4). Both write under a temporary name beside the target and rename
// it when complete, so a file under the final name is always whole.
#pragma once

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include <sys/types.h>

namespace convivia::viz {

// Saves a frame as PNG. Throws std::runtime_error on failure.
void save_screenshot(const sf::Image& frame, const std::string& path);

class VideoRecorder {
 public:
  // Starts ffmpeg for frames of width x height at `fps`; throws std::runtime_error if it cannot.
  VideoRecorder(const std::string& path, unsigned width, unsigned height, unsigned fps);
  ~VideoRecorder();  // without finish(): stops ffmpeg and removes the partial file
  VideoRecorder(const VideoRecorder&) = delete;
  VideoRecorder& operator=(const VideoRecorder&) = delete;

  // Adds a frame of the size given at the start.
  void add_frame(const sf::Image& frame);
  // Waits for ffmpeg and renames the file into place; throws if ffmpeg failed.
  void finish();
  std::size_t frames() const { return frames_; }

 private:
  void abandon();

  std::string path_;
  std::string temporary_;
  unsigned width_, height_;
  pid_t pid_ = -1;
  int pipe_ = -1;
  std::size_t frames_ = 0;
};

}  // namespace convivia::viz
