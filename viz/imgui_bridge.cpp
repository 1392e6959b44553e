// SFML input to ImGui and ImGui's OpenGL2 rendering (see imgui_bridge.hpp).
#include "imgui_bridge.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>

#include <SFML/Window/Keyboard.hpp>

namespace convivia::viz {
namespace {

// sf::Keyboard::Key values are below 512, so they index io.KeysDown directly.
void map_keys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

void load_font(const std::string& path, float size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (path.empty() || io.Fonts->AddFontFromFileTTF(path.c_str(), size) == nullptr) {
    ImFontConfig config;
    config.SizePixels = size;
    io.Fonts->AddFontDefault(&config);
  }
}

}  // namespace

ImGuiBridge::ImGuiBridge(sf::RenderTarget& target, const std::string& font_path, float font_size_px)
    : target_(&target), font_path_(font_path), font_size_(font_size_px) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is ours, no imgui.ini beside the user's files
  io.BackendPlatformName = "convivia_sfml_bridge";
  map_keys(io);
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.AntiAliasedFill = false;
  style.AntiAliasedLines = false;
  load_font(font_path_, font_size_);
  target_->setActive(true);
  ImGui_ImplOpenGL2_Init();
}

ImGuiBridge::~ImGuiBridge() {
  target_->setActive(true);
  ImGui_ImplOpenGL2_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiBridge::set_font_size(float font_size_px) {
  font_size_ = font_size_px;
  target_->setActive(true);
  ImGui_ImplOpenGL2_DestroyFontsTexture();
  load_font(font_path_, font_size_);
  ImGui_ImplOpenGL2_CreateFontsTexture();
}

void ImGuiBridge::handle(const sf::Event& event) {
  ImGuiIO& io = ImGui::GetIO();
  switch (event.type) {
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
      break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      const int button = event.mouseButton.button;
      if (button >= 0 && button < 5) io.MouseDown[button] = event.type == sf::Event::MouseButtonPressed;
      break;
    }
    case sf::Event::MouseWheelScrolled:
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) io.MouseWheel += event.mouseWheelScroll.delta;
      else io.MouseWheelH += event.mouseWheelScroll.delta;
      break;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      const int key = event.key.code;
      if (key >= 0 && key < 512) io.KeysDown[key] = event.type == sf::Event::KeyPressed;
      io.KeyCtrl = event.key.control;
      io.KeyShift = event.key.shift;
      io.KeyAlt = event.key.alt;
      io.KeySuper = event.key.system;
      break;
    }
    case sf::Event::TextEntered:
      // Control characters (backspace, tab, enter) arrive as keys; only printable text here.
      if (event.text.unicode >= 32 && event.text.unicode != 127) io.AddInputCharacter(event.text.unicode);
      break;
    case sf::Event::LostFocus:
      for (bool& down : io.KeysDown) down = false;
      for (bool& down : io.MouseDown) down = false;
      break;
    default:
      break;
  }
}

void ImGuiBridge::new_frame(float dt_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  const sf::Vector2u size = target_->getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = dt_seconds > 0.0f ? dt_seconds : 1.0f / 60.0f;
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
}

void ImGuiBridge::render() {
  ImGui::Render();
  target_->pushGLStates();
  ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
  target_->popGLStates();
}

}  // namespace convivia::viz
