// convivia-view: the animated map of a run for workshops. Replays one run file, compares two side
// by side with a difference map, or runs a scenario live with sliders; exports a screenshot or a
// video without a screen (under xvfb-run). Exit status 0 on success, 2 for bad input, 1 if an
// export failed.
#include "viewer_app.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <sstream>

int main(int argc, char** argv) {
  using namespace convivia::viz;
  ViewerOptions options;
  CLI::App app{
      "convivia-view " CONVIVIA_VERSION ": an animated map of a Convivia run.\n"
      "  convivia-view RUN.h5                  replay a run written by `convivia run`\n"
      "  convivia-view A.h5 B.h5               compare two runs (same time, a difference map)\n"
      "  convivia-view --live SCENARIO.toml    simulate live, with sliders for policies and behaviour\n"
      "Headless (under xvfb-run -a): --screenshot FILE.png --at DAY, or --record FILE.mp4.\n"
      "Press ? in the window for the keyboard shortcuts."};
  app.add_option("runs", options.run_paths, "one run file to replay, or two to compare")->expected(0, 2);
  app.add_option("--live", options.live_scenario, "scenario file to simulate live instead of replaying a file");
  app.add_option("--set", options.overrides, "live mode: override a scenario key, e.g. --set city.scale=0.02 (repeatable)");
  app.add_option("--samples", options.live_samples, "live mode: residents drawn on the map (output.sample_residents)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  std::string size = "1280x800";
  app.add_option("--size", size, "window or image size WIDTHxHEIGHT")->capture_default_str();
  app.add_flag("--fullscreen", options.fullscreen, "start in full screen (F toggles)");
  app.add_option("--font-size", options.font_px, "text size in pixels (+ and - change it)")->check(CLI::Range(10.0, 48.0))->capture_default_str();
  const std::map<std::string, MapIndicator> indicators{
      {"diversity", MapIndicator::diversity_resource_share},
      {"trust", MapIndicator::mean_outgroup_trust},
      {"discrimination", MapIndicator::perceived_discrimination_share},
      {"segregation", MapIndicator::local_segregation},
      {"generalised-trust", MapIndicator::generalised_trust}};
  std::string indicator = "diversity", palette = "viridis", group_palette = "scenario";
  const auto names = [](const auto& map) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : map) keys.push_back(key);
    return keys;
  };
  app.add_option("--indicator", indicator, "figure the districts are coloured by")
      ->check(CLI::IsMember(names(indicators)))
      ->capture_default_str();
  const std::map<std::string, SequentialPalette> palettes{{"viridis", SequentialPalette::viridis}, {"cividis", SequentialPalette::cividis}};
  app.add_option("--palette", palette, "colour map of the districts")->check(CLI::IsMember(names(palettes)))->capture_default_str();
  const std::map<std::string, GroupPalette> group_palettes{
      {"scenario", GroupPalette::scenario}, {"okabe-ito", GroupPalette::okabe_ito}, {"tol-muted", GroupPalette::tol_muted}};
  app.add_option("--group-colours", group_palette, "colours of the groups' dots")
      ->check(CLI::IsMember(names(group_palettes)))
      ->capture_default_str();
  std::vector<std::string> hidden;
  app.add_option("--hide", hidden, "layers left out: residents, venues, borders (repeatable)")
      ->check(CLI::IsMember({"residents", "venues", "borders"}));
  app.add_option("--speed", options.speed_slots_per_second, "playback speed in slots per second (3 slots make a day)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--help-overlay", options.show_help, "show the keyboard shortcuts at the start");
  app.add_option("--screenshot", options.screenshot, "write a PNG of the view and exit (no window needed besides X)");
  app.add_option("--at", options.at_day, "screenshot: the day shown; a fraction picks the slot (0.4: leisure)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--record", options.record, "write an MP4 video of the playback and exit (needs ffmpeg)");
  app.add_option("--from", options.from_day, "record: first day")->check(CLI::NonNegativeNumber)->capture_default_str();
  app.add_option("--to", options.to_day, "record: last day (default: the end of the run; live: day 30)");
  app.add_option("--fps", options.fps, "record: frames per second")->check(CLI::Range(1, 120))->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  unsigned width = 0, height = 0;
  char x = 0;
  std::istringstream parse(size);
  if (!(parse >> width >> x >> height) || x != 'x' || width < 640 || height < 480 || width > 7680 || height > 4320) {
    std::cerr << "convivia-view: --size " << size << ": expected WIDTHxHEIGHT, at least 640x480\n";
    return 2;
  }
  options.indicator = indicators.at(indicator);
  options.palette = palettes.at(palette);
  options.group_palette = group_palettes.at(group_palette);
  options.width = width;
  options.height = height;
  for (const std::string& layer : hidden) {
    if (layer == "residents") options.layers.residents = false;
    if (layer == "venues") options.layers.venues = false;
    if (layer == "borders") options.layers.borders = false;
  }
  if (!options.live_scenario.empty() && !options.run_paths.empty()) {
    std::cerr << "convivia-view: --live runs a scenario; it takes no run files\n";
    return 2;
  }
  if (options.run_paths.empty() == options.live_scenario.empty()) {
    std::cerr << "convivia-view: give one or two run files, or --live SCENARIO (see --help)\n";
    return 2;
  }
  if (!options.screenshot.empty() && !options.record.empty()) {
    std::cerr << "convivia-view: --screenshot and --record cannot be combined\n";
    return 2;
  }
  if (options.to_day >= 0.0 && options.to_day <= options.from_day) {
    std::cerr << "convivia-view: --to must be after --from\n";
    return 2;
  }

  std::string message;
  const int status = run_viewer(options, message);
  if (!message.empty()) std::cerr << "convivia-view: " << message << "\n";
  if (status == 0 && !options.screenshot.empty()) std::cerr << "convivia-view: wrote " << options.screenshot << "\n";
  if (status == 0 && !options.record.empty()) std::cerr << "convivia-view: wrote " << options.record << "\n";
  return status;
}
