// The viewer's frame-time benchmark: convivia-view playing the default city (Berlin, 448 planning
// areas) with 20,000 sampled residents animated at 1280x800, against the project's target (bench/README.md)
// (at least 30 frames per second). The run comes from live mode (the engine in its background
// thread); its first days are simulated before timing starts, then the viewer plays them back at 6
// slots per second with a fixed step of 1/30 s per frame (the simulation thread idle), so every frame
// interpolates the dots and the frames cross slot and month boundaries as a replay does. Each frame is drawn into an
// off-screen canvas of the window's size and finished (glFinish) before its time is taken.
// Prints the median, 95th percentile and the frames per second of the median frame.
// Needs an X display (run under xvfb-run -a).
#include "viewer_app.hpp"

#include <CLI/CLI.hpp>
#include <SFML/OpenGL.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#ifndef CONVIVIA_SOURCE_DIR
#define CONVIVIA_SOURCE_DIR "."
#endif
#include "convivia_git_commit.hpp"

namespace {

constexpr double target_fps = 30.0;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace convivia::viz;
  int samples = 20000;
  int frames = 600;
  int warm_days = 12;
  double scale = 0.02;
  bool quick = false;
  std::string size = "1280x800";
  std::string markdown;
  CLI::App app{"Frame time of convivia-view with many animated residents (run under xvfb-run -a)."};
  app.add_option("--samples", samples, "sampled residents drawn as dots")->capture_default_str();
  app.add_option("--frames", frames, "frames timed")->capture_default_str();
  app.add_option("--scale", scale, "city.scale of the default city (0.02: about 75,000 residents)")->capture_default_str();
  app.add_flag("--quick", quick, "smoke test: 2,000 residents, 60 frames");
  app.add_option("--markdown", markdown, "append the results as Markdown to this file");
  bool in_window = false;
  app.add_flag("--window", in_window, "draw into a window (xvfb-run -s '-screen 0 1280x800x24') instead of an off-screen canvas");
  std::vector<std::string> hidden;
  app.add_option("--hide", hidden, "leave out layers, to see what costs: residents, venues, borders");
  CLI11_PARSE(app, argc, argv);
  if (quick) {
    samples = 2000;
    frames = 60;
    warm_days = 3;
    scale = 0.01;
  }

  ViewerOptions options;
  options.live_scenario = std::string(CONVIVIA_SOURCE_DIR) + "/scenarios/default.toml";
  options.overrides = {fmt::format("city.scale={}", scale)};
  options.live_samples = samples;
  options.width = 1280;
  options.height = 800;
  for (const std::string& layer : hidden) {
    if (layer == "residents") options.layers.residents = false;
    if (layer == "venues") options.layers.venues = false;
    if (layer == "borders") options.layers.borders = false;
  }
  const std::string font = find_font();
  if (font.empty()) {
    std::cerr << "DejaVu Sans not found (fonts-dejavu-core)\n";
    return 2;
  }
  sf::RenderTexture texture;
  sf::RenderWindow window;
  sf::RenderTarget* canvas = &texture;
  if (in_window) {
    window.create(sf::VideoMode(options.width, options.height), "convivia_viewer_bench", sf::Style::Titlebar);
    canvas = &window;
  } else if (!texture.create(options.width, options.height)) {
    std::cerr << "cannot create an off-screen canvas: run under xvfb-run -a\n";
    return 1;
  }
  const auto show = [&] {
    if (in_window) window.display();
    else texture.display();
  };
  Viewer viewer(options, *canvas, font);
  if (!viewer.load() || !viewer.wait_for_live_day(warm_days)) {
    std::cerr << viewer.error() << "\n";
    return 2;
  }
  // Played by hand over the simulated days, 6 slots per second at 30 frames per second, so the
  // simulation thread is idle while frames are timed.
  const double last_tick = static_cast<double>(viewer.ticks() - 2);
  std::vector<double> times, cpu_times;
  const auto cpu_ms = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return 1e3 * static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_nsec);
  };
  const float dt = 1.0f / 30.0f;
  for (int f = 0; f < frames + 5; ++f) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_ms();
    viewer.set_tick(std::fmod(0.2 * f, last_tick));
    viewer.frame(dt);
    show();
    glFinish();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // The first frames build textures and ImGui's windows.
    if (f >= 5) {
      times.push_back(ms);
      cpu_times.push_back(cpu_ms() - cpu_start);
    }
  }
  const double median = percentile(times, 0.5);
  const double p95 = percentile(times, 0.95);
  const double fps = 1000.0 / median;
  const double cpu_median = percentile(cpu_times, 0.5);
  const std::string verdict = fps >= target_fps ? "meets" : "misses";
  const std::string canvas_kind = in_window ? "window" : "off-screen";
  const std::string line = fmt::format("{} dots, {} {}, {} frames: median {:.2f} ms, 95th percentile {:.2f} ms, "
                                       "{:.1f} frames/s at the median ({} the target of {:.0f}); CPU time per frame, "
                                       "all threads (the simulation's included): median {:.2f} ms",
                                       samples, size, canvas_kind, times.size(), median, p95, fps, verdict, target_fps, cpu_median);
  std::cout << line << "\n";
  if (!markdown.empty()) {
    std::ofstream out(markdown, std::ios::app);
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    out << "\n## convivia_viewer_bench, " << date << ", commit " << CONVIVIA_GIT_COMMIT << "\n\n"
        << "| dots | size | canvas | frames | median ms | p95 ms | frames/s (median) | CPU ms/frame (median) | target |\n"
        << "|---|---|---|---|---|---|---|---|---|\n"
        << fmt::format("| {} | {} | {} | {} | {:.2f} | {:.2f} | {:.1f} | {:.2f} | >= {:.0f} ({}) |\n", samples, size, canvas_kind, times.size(),
                       median, p95, fps, cpu_median, target_fps, verdict);
  }
  return 0;
}
