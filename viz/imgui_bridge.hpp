// The link between SFML and Dear ImGui 1.86 (Debian packages no SFML backend): SFML events become
// ImGui input (mouse position, buttons and wheel, keys through KeyMap/KeysDown, text), and ImGui's
// draw lists are rendered with its OpenGL2 backend between SFML's pushGLStates and popGLStates, so
// SFML drawing before and after is unaffected. The target is a window or, for headless export, a
// render texture. One bridge at a time: ImGui's context is global.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/Window/Event.hpp>

#include <string>

namespace convivia::viz {

class ImGuiBridge {
 public:
  // Creates the ImGui context and loads the font (a TrueType file) at `font_size_px`.
  ImGuiBridge(sf::RenderTarget& target, const std::string& font_path, float font_size_px);
  ~ImGuiBridge();
  ImGuiBridge(const ImGuiBridge&) = delete;
  ImGuiBridge& operator=(const ImGuiBridge&) = delete;

  void handle(const sf::Event& event);
  // Starts a frame; `dt_seconds` is the time since the last one.
  void new_frame(float dt_seconds);
  // Ends the frame and draws it into the window (call before window.display()).
  void render();
  // Rebuilds the font atlas at a new size (between frames).
  void set_font_size(float font_size_px);
  // Draws into another target from now on (after the window was recreated for full screen).
  void set_target(sf::RenderTarget& target) { target_ = &target; }
  float font_size() const { return font_size_; }

 private:
  sf::RenderTarget* target_;
  std::string font_path_;
  float font_size_;
};

}  // namespace convivia::viz
