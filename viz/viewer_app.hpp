// The viewer as a whole: which runs it shows (one file, two files compared, or a live simulation),
// the shared clock (a fractional slot index), the map panels, the side panel and charts, keyboard
// shortcuts, and the three ways it runs: an interactive window, a headless screenshot, a headless
// video. Problems with the input (a file that is not a run, a damaged one, a bad scenario) are shown
// in the window and returned as a message for the terminal; they never end the program abruptly.
#pragma once

#include "colour_scale.hpp"
#include "imgui_bridge.hpp"
#include "live_run.hpp"
#include "map_view.hpp"
#include "palettes.hpp"
#include "run_data.hpp"

#include <SFML/Graphics.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace convivia::viz {

struct ViewerOptions {
  std::vector<std::string> run_paths;  // one file (replay) or two (compare)
  std::string live_scenario;           // live mode when set
  std::vector<std::string> overrides;  // --set key=value for the live scenario
  int live_samples = 5000;             // residents sampled for the live map
  unsigned width = 1280, height = 800;
  bool fullscreen = false;
  float font_px = 18.0f;
  MapIndicator indicator = MapIndicator::diversity_resource_share;
  SequentialPalette palette = SequentialPalette::viridis;
  GroupPalette group_palette = GroupPalette::scenario;
  MapLayers layers;
  bool show_help = false;
  double speed_slots_per_second = 6.0;

  // Headless export.
  std::string screenshot;  // PNG path
  std::string record;      // MP4 path
  double at_day = 0.0;     // screenshot: day shown (fraction = part of the day: 0.4 is the leisure slot)
  double from_day = 0.0, to_day = -1.0;  // record: days shown; to_day < 0: the end
  unsigned fps = 30;
};

// Runs the viewer; returns the exit status (0, or 2 for bad input, 1 for export failures).
// `message` receives what went wrong, for the terminal.
int run_viewer(const ViewerOptions& options, std::string& message);

// Where DejaVu Sans is: $CONVIVIA_FONT, then the usual Debian places; empty if nowhere.
std::string find_font();

class Viewer {
 public:
  Viewer(const ViewerOptions& options, sf::RenderTarget& target, const std::string& font_path);
  ~Viewer();

  // Loads the runs or starts the live simulation; false (and error() set) if the input is bad.
  bool load();
  const std::string& error() const { return error_; }

  void handle(const sf::Event& event);
  // Advances the clock by dt (when playing) and draws one frame into the target.
  void frame(float dt_seconds);
  bool quit_requested() const { return quit_; }
  bool fullscreen_requested() { return std::exchange(toggle_fullscreen_, false); }
  void set_target(sf::RenderTarget& target);

  double tick() const { return tick_; }
  void set_tick(double tick) { tick_ = tick; }
  void set_playing(bool playing) { playing_ = playing; }
  std::int64_t ticks() const;  // slots available in every run shown
  bool live() const { return live_ != nullptr; }
  // Live mode: simulates until `day` is available (waiting for the thread); false on error.
  bool wait_for_live_day(std::int64_t day);

 private:
  void layout();
  void sync_live();
  void adopt_live_world();
  void refresh_scales();
  void refresh_colours();
  void draw_maps();
  void draw_titles();
  void draw_error();
  void draw_side_panel();
  void draw_charts_window();
  void draw_help();
  void draw_hover_tooltip();
  void draw_group_legend();
  void draw_venue_legend();
  void draw_live_controls();
  void apply_shortcut(const sf::Event::KeyEvent& key);
  std::string time_label() const;
  const RunData& run(std::size_t i) const { return runs_[i]; }
  bool comparing() const { return runs_.size() == 2; }

  ViewerOptions options_;
  sf::RenderTarget* target_;
  sf::Font font_;
  std::unique_ptr<ImGuiBridge> bridge_;
  std::vector<RunData> runs_;
  std::unique_ptr<LiveRun> live_;
  LiveSettings live_settings_;
  int live_seed_ = 1;
  bool live_changed_ = false;  // a slider moved since the last reset
  std::vector<MapView> maps_;  // replay: 1; compare: A, B, difference
  std::vector<sf::Color> group_colours_;
  ColourScale scale_;       // the figure's scale, shared by the runs shown
  ColourScale difference_;  // compare: B minus A
  bool same_city_ = true;   // compare: the two runs have the same districts
  std::size_t scale_months_ = static_cast<std::size_t>(-1);
  std::string colour_key_;  // what the district colours were last built from
  double tick_ = 0.0;
  bool playing_ = false;
  int hovered_district_ = -1;
  std::string error_;
  bool quit_ = false;
  bool toggle_fullscreen_ = false;
  float side_width_ = 0.0f, chart_height_ = 0.0f, title_height_ = 0.0f;
  sf::FloatRect map_area_;
};

}  // namespace convivia::viz
