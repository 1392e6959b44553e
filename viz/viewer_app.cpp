// The viewer's state, its map drawing and the three ways it runs (see viewer_app.hpp). The ImGui
// panels, charts and shortcuts are in viewer_controls.cpp.
#include "viewer_app.hpp"

#include "frame_export.hpp"
#include "run_data_reader.hpp"

#include "io/input_error.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

namespace convivia::viz {
namespace {

constexpr const char* weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr const char* slot_names[] = {"daytime", "after work (leisure)", "evening at home"};

}  // namespace

std::string find_font() {
  if (const char* chosen = std::getenv("CONVIVIA_FONT"); chosen != nullptr && std::filesystem::is_regular_file(chosen)) return chosen;
  for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                           "/usr/local/share/fonts/DejaVuSans.ttf"})
    if (std::filesystem::is_regular_file(path)) return path;
  return "";
}

Viewer::Viewer(const ViewerOptions& options, sf::RenderTarget& target, const std::string& font_path)
    : options_(options), target_(&target) {
  font_.loadFromFile(font_path);
  bridge_ = std::make_unique<ImGuiBridge>(target, font_path, options_.font_px);
  layout();
}

Viewer::~Viewer() = default;

void Viewer::set_target(sf::RenderTarget& target) {
  target_ = &target;
  bridge_->set_target(target);
  layout();
}

bool Viewer::load() {
  try {
    if (!options_.live_scenario.empty()) {
      std::vector<std::string> overrides = options_.overrides;
      const bool samples_set = std::any_of(overrides.begin(), overrides.end(),
                                           [](const std::string& o) { return o.rfind("output.sample_residents", 0) == 0; });
      if (!samples_set) overrides.push_back("output.sample_residents=" + std::to_string(options_.live_samples));
      live_ = std::make_unique<LiveRun>(options_.live_scenario, overrides);
      live_settings_ = live_->scenario_settings();
      live_seed_ = static_cast<int>(live_->seed());
      runs_.resize(1);
      live_->restart(live_->seed(), live_settings_);
      live_->request_days(1);  // so the map has a first day to show before Play
      maps_.resize(1);
    } else {
      for (const std::string& path : options_.run_paths) runs_.push_back(read_run_data(path));
      maps_.resize(comparing() ? 3 : 1);
      if (comparing()) same_city_ = run(0).headline.district_names == run(1).headline.district_names &&
                                    run(0).cell_district == run(1).cell_district;
      for (std::size_t i = 0; i < maps_.size(); ++i) maps_[i].set_run(run(std::min(i, runs_.size() - 1)));
    }
  } catch (const std::exception& failure) {
    error_ = failure.what();
    runs_.clear();
    maps_.clear();
    live_.reset();
    return false;
  }
  group_colours_ = runs_.empty() ? std::vector<sf::Color>{} : group_colours(options_.group_palette, run(0).group_rgb);
  layout();
  return true;
}

std::int64_t Viewer::ticks() const {
  std::int64_t ticks = runs_.empty() ? 0 : std::numeric_limits<std::int64_t>::max();
  for (const RunData& r : runs_) ticks = std::min(ticks, r.ticks());
  return ticks;
}

void Viewer::layout() {
  const sf::Vector2u size = target_->getSize();
  const auto w = static_cast<float>(size.x);
  const auto h = static_cast<float>(size.y);
  const float em = options_.font_px;
  side_width_ = std::clamp(0.3f * w, 20.0f * em, 30.0f * em);
  chart_height_ = std::clamp(0.27f * h, 9.0f * em, 16.0f * em);
  title_height_ = (maps_.size() > 1 ? 3.5f : 2.6f) * em;
  map_area_ = sf::FloatRect(0.0f, title_height_, w - side_width_, h - title_height_ - chart_height_);
  const std::size_t panels = maps_.size();
  for (std::size_t i = 0; i < panels; ++i) {
    const float panel_width = map_area_.width / static_cast<float>(panels);
    const float subtitle = panels > 1 ? 1.6f * em : 0.0f;
    maps_[i].layout(sf::FloatRect(map_area_.left + panel_width * static_cast<float>(i) + 6.0f, map_area_.top + subtitle + 4.0f,
                                  panel_width - 12.0f, map_area_.height - subtitle - 8.0f));
  }
  colour_key_.clear();
}

void Viewer::sync_live() {
  if (!live_) return;
  if (live_->drain(runs_[0]) == LiveRun::Drained::new_world) adopt_live_world();
  if (playing_) live_->request_days(static_cast<std::int64_t>(tick_ / slots_per_day) + 2);
}

// A new live world (start or reset): geometry, colours and scales start again.
void Viewer::adopt_live_world() {
  maps_[0].set_run(runs_[0]);
  group_colours_ = group_colours(options_.group_palette, runs_[0].group_rgb);
  scale_months_ = static_cast<std::size_t>(-1);
  layout();
}

bool Viewer::wait_for_live_day(std::int64_t day) {
  if (!live_) return true;
  live_->request_days(day + 1);
  while (runs_[0].days() <= day) {
    if (!live_->error().empty()) {
      error_ = live_->error();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (live_->drain(runs_[0]) == LiveRun::Drained::new_world) adopt_live_world();
  }
  return true;
}

void Viewer::refresh_scales() {
  std::size_t months = 0;
  for (const RunData& r : runs_) months += r.month_count();
  if (months == scale_months_) return;
  scale_months_ = months;
  const MapIndicatorInfo& info = map_indicator_info(options_.indicator);
  std::vector<const std::vector<double>*> lists;
  for (const RunData& r : runs_) lists.push_back(&r.district_values[static_cast<std::size_t>(options_.indicator)]);
  scale_ = sequential_scale(lists, info.is_share);
  scale_.palette = options_.palette;
  scale_.title = std::string(info.title);
  scale_.units = std::string(info.units);
  if (comparing() && same_city_) {
    std::vector<double> differences;
    const std::size_t districts = run(0).district_count();
    for (std::int64_t day = 0; day < std::min(run(0).days(), run(1).days()); day += 30)
      for (std::size_t d = 0; d < districts; ++d)
        differences.push_back(run(1).district_value(options_.indicator, run(1).month_of_day(day), d) -
                              run(0).district_value(options_.indicator, run(0).month_of_day(day), d));
    difference_ = diverging_scale(differences, info.is_share);
    difference_.title = "Difference B minus A";
    difference_.units = info.is_share ? "percentage points" : std::string(info.units);
  }
  colour_key_.clear();
}

void Viewer::refresh_colours() {
  if (runs_.empty() || run(0).width <= 0) return;
  refresh_scales();
  const auto day = static_cast<std::int64_t>(tick_ / slots_per_day);
  std::string key = fmt::format("{}/{}/{}/{}", static_cast<int>(options_.indicator), static_cast<int>(options_.palette), scale_.low,
                                scale_.high);
  for (const RunData& r : runs_) key += fmt::format("/{}:{}", r.month_of_day(day), r.month_count());
  if (key == colour_key_) return;
  colour_key_ = key;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const RunData& r = run(i);
    const std::size_t month = r.month_of_day(day);
    std::vector<sf::Color> colours(r.district_count());
    for (std::size_t d = 0; d < colours.size(); ++d) colours[d] = scale_.colour(r.district_value(options_.indicator, month, d));
    maps_[i].set_district_colours(colours);
  }
  if (comparing()) {
    std::vector<sf::Color> colours(run(0).district_count(), sf::Color(205, 205, 205));
    if (same_city_)
      for (std::size_t d = 0; d < colours.size(); ++d)
        colours[d] = difference_.colour(run(1).district_value(options_.indicator, run(1).month_of_day(day), d) -
                                        run(0).district_value(options_.indicator, run(0).month_of_day(day), d));
    maps_[2].set_district_colours(colours);
  }
}

std::string Viewer::time_label() const {
  if (runs_.empty()) return "";
  const auto tick = static_cast<std::int64_t>(std::floor(tick_));
  const std::int64_t day = tick / slots_per_day;
  const int weekday = static_cast<int>((day + run(0).start_weekday) % 7);
  return fmt::format("day {} of {}  ·  month {}  ·  {}  ·  {}", day, std::max<std::int64_t>(0, ticks() / slots_per_day - 1),
                     day / 30, weekday_names[weekday], slot_names[tick % slots_per_day]);
}

void Viewer::draw_titles() {
  const auto em = static_cast<unsigned>(options_.font_px);
  std::string title;
  if (live_) title = "Live: " + run(0).scenario_name + " (seed " + std::to_string(live_->seed()) + ")";
  else if (comparing()) title = "A: " + run(0).scenario_name + "   vs   B: " + run(1).scenario_name;
  else title = run(0).scenario_name;
  draw_label(*target_, font_, title, {10.0f, 4.0f}, em + 2, sf::Color(20, 20, 20), true);
  draw_label(*target_, font_, time_label(), {10.0f, 4.0f + 1.3f * static_cast<float>(em + 2)}, em, sf::Color(60, 60, 60));
  if (comparing()) {
    const char* names[] = {"A: ", "B: ", ""};
    for (std::size_t i = 0; i < 3; ++i) {
      std::string text = i < 2 ? names[i] + run(i).scenario_name : "Difference (B minus A)";
      const float panel_width = map_area_.width / 3.0f;
      // Shorten a long scenario name to its panel.
      const auto width_of = [&](const std::string& s) {
        sf::Text probe(sf::String::fromUtf8(s.begin(), s.end()), font_, em);
        probe.setStyle(sf::Text::Bold);
        return probe.getLocalBounds().width;
      };
      while (text.size() > 4 && width_of(text) > panel_width - 24.0f) text = text.substr(0, text.size() - 4) + "...";
      draw_label(*target_, font_, text, {map_area_.left + panel_width * static_cast<float>(i) + 8.0f, map_area_.top + 2.0f}, em,
                 sf::Color(20, 20, 20), true);
    }
  }
}

void Viewer::draw_maps() {
  refresh_colours();
  for (std::size_t i = 0; i < maps_.size(); ++i) {
    MapLayers layers = options_.layers;
    if (i == 2) layers.residents = layers.venues = false;  // the difference map shows the figure alone
    maps_[i].draw(*target_, tick_, layers, group_colours_);
    maps_[i].draw_highlight(*target_, hovered_district_);
  }
  const auto em = static_cast<unsigned>(options_.font_px);
  const float panel_width = map_area_.width / static_cast<float>(maps_.size());
  const float legend_width = std::min(panel_width - 16.0f, 22.0f * options_.font_px);
  const float legend_height = 2.0f * 1.3f * static_cast<float>(em) + 0.9f * static_cast<float>(em) + 1.3f * static_cast<float>(em) + 16.0f;
  const float legend_top = map_area_.top + map_area_.height - legend_height - 6.0f;
  if (comparing() && !same_city_) {
    draw_label(*target_, font_, "The two runs have different districts:", {map_area_.left + 2 * panel_width + 8, map_area_.top + 40}, em);
    draw_label(*target_, font_, "no difference map.", {map_area_.left + 2 * panel_width + 8, map_area_.top + 40 + 1.3f * em}, em);
  }
  draw_colour_legend(*target_, font_, {map_area_.left + 8.0f, legend_top}, legend_width, em, scale_);
  if (comparing() && same_city_)
    draw_colour_legend(*target_, font_, {map_area_.left + 2.0f * panel_width + 8.0f, legend_top}, legend_width, em, difference_);
}

void Viewer::draw_error() {
  const sf::Vector2u size = target_->getSize();
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(size.x) * 0.5f, static_cast<float>(size.y) * 0.4f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(static_cast<float>(size.x) - 40.0f, 40.0f * options_.font_px), 0.0f));
  ImGui::Begin("Cannot show this input", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  ImGui::TextWrapped("%s", error_.c_str());
  ImGui::Spacing();
  ImGui::TextWrapped("convivia-view shows run files written by `convivia run` (HDF5, layout convivia-run-1), "
                     "or runs a scenario live with --live SCENARIO.");
  ImGui::Spacing();
  if (ImGui::Button("Quit (Esc)")) quit_ = true;
  ImGui::End();
}

void Viewer::frame(float dt_seconds) {
  sync_live();
  if (playing_) {
    tick_ += dt_seconds * options_.speed_slots_per_second;
    const auto last = static_cast<double>(std::max<std::int64_t>(0, ticks() - 1));
    if (tick_ >= last) {
      tick_ = last;
      if (!live_ || (live_->days_done() >= live_->planned_days())) playing_ = false;
    }
  }
  tick_ = std::clamp(tick_, 0.0, static_cast<double>(std::max<std::int64_t>(0, ticks() - 1)));
  target_->clear(sf::Color(236, 236, 232));
  bridge_->new_frame(dt_seconds);
  if (!error_.empty()) {
    draw_error();
  } else if (live_ && (live_->building() || runs_[0].width == 0)) {
    if (!live_->error().empty()) error_ = live_->error();
    draw_label(*target_, font_, "Building the city and its residents...", {20.0f, 20.0f}, static_cast<unsigned>(options_.font_px) + 4);
  } else {
    draw_maps();
    draw_titles();
    draw_side_panel();
    draw_charts_window();
    draw_hover_tooltip();
    if (options_.show_help) draw_help();
  }
  bridge_->render();
}

int run_viewer(const ViewerOptions& options, std::string& message) {
  const std::string font_path = find_font();
  if (font_path.empty()) {
    message = "DejaVu Sans not found: install Debian's fonts-dejavu-core, or set CONVIVIA_FONT to a TrueType file";
    return 2;
  }
  const bool headless = !options.screenshot.empty() || !options.record.empty();
  if (headless) {
    sf::RenderTexture canvas;
    if (!canvas.create(options.width, options.height)) {
      message = "cannot create an off-screen canvas (is there an X display? run under xvfb-run -a)";
      return 1;
    }
    Viewer viewer(options, canvas, font_path);
    const bool loaded = viewer.load();
    const auto render = [&](float dt) {
      viewer.frame(dt);
      canvas.display();
    };
    try {
      if (!options.screenshot.empty()) {
        if (loaded && !viewer.wait_for_live_day(static_cast<std::int64_t>(options.at_day))) message = viewer.error();
        viewer.set_tick(options.at_day * slots_per_day);
        for (int i = 0; i < 3; ++i) render(0.0f);  // auto-sized ImGui windows appear on the second frame
        save_screenshot(canvas.getTexture().copyToImage(), options.screenshot);
      }
      if (!options.record.empty() && loaded) {
        double to_day = options.to_day;
        if (to_day < 0.0) to_day = viewer.live() ? 30.0 : static_cast<double>(viewer.ticks()) / slots_per_day;
        if (!viewer.wait_for_live_day(static_cast<std::int64_t>(std::ceil(to_day)))) throw std::runtime_error(viewer.error());
        const auto frames = static_cast<std::size_t>(std::max(
            1.0, std::ceil((to_day - options.from_day) * slots_per_day / options.speed_slots_per_second * options.fps)));
        VideoRecorder recorder(options.record, options.width, options.height, options.fps);
        for (std::size_t f = 0; f < frames; ++f) {
          viewer.set_tick(options.from_day * slots_per_day +
                          static_cast<double>(f) * options.speed_slots_per_second / static_cast<double>(options.fps));
          render(1.0f / static_cast<float>(options.fps));
          if (f == 0) render(0.0f);
          recorder.add_frame(canvas.getTexture().copyToImage());
          if (f % 15 == 0 || f + 1 == frames)
            std::cerr << fmt::format("\rrecording {}: frame {} of {} (day {:.1f})", options.record, f + 1, frames,
                                     viewer.tick() / slots_per_day)
                      << std::flush;
        }
        std::cerr << "\n";
        recorder.finish();
      }
    } catch (const std::exception& failure) {
      message = failure.what();
      return 1;
    }
    if (!loaded) {
      message = viewer.error();
      return 2;
    }
    return message.empty() ? 0 : 2;
  }

  const sf::VideoMode mode = options.fullscreen ? sf::VideoMode::getDesktopMode() : sf::VideoMode(options.width, options.height);
  sf::RenderWindow window(mode, "convivia-view", options.fullscreen ? sf::Style::Fullscreen : sf::Style::Default);
  window.setVerticalSyncEnabled(true);
  Viewer viewer(options, window, font_path);
  const bool loaded = viewer.load();
  if (!loaded) std::cerr << "convivia-view: " << viewer.error() << "\n";
  bool fullscreen = options.fullscreen;
  sf::Clock clock;
  while (window.isOpen() && !viewer.quit_requested()) {
    sf::Event event;
    while (window.pollEvent(event)) {
      if (event.type == sf::Event::Closed) window.close();
      if (event.type == sf::Event::Resized) {
        window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width), static_cast<float>(event.size.height))));
        viewer.set_target(window);
      }
      viewer.handle(event);
    }
    if (viewer.fullscreen_requested()) {
      fullscreen = !fullscreen;
      window.create(fullscreen ? sf::VideoMode::getDesktopMode() : sf::VideoMode(options.width, options.height), "convivia-view",
                    fullscreen ? sf::Style::Fullscreen : sf::Style::Default);
      window.setVerticalSyncEnabled(true);
      viewer.set_target(window);
    }
    if (!window.isOpen()) break;
    viewer.frame(clock.restart().asSeconds());
    window.display();
  }
  if (!loaded) {
    message = viewer.error();
    return 2;
  }
  return 0;
}

}  // namespace convivia::viz
