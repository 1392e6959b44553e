// The viewer's ImGui panels (playback, map choices, hovered district, legends, live sliders), its
// charts window, the keyboard shortcuts and the help overlay that lists them.
#include "viewer_app.hpp"

#include "charts.hpp"

#include "policy/policy_kinds.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace convivia::viz {
namespace {

constexpr std::array<double, 7> speeds{1.0, 3.0, 6.0, 15.0, 30.0, 90.0, 270.0};  // slots per second

struct Shortcut {
  const char* keys;
  const char* what;
};
constexpr Shortcut shortcuts[] = {
    {"Space", "play / pause"},
    {"Right, Left", "one slot forward / back"},
    {"Page Down, Page Up", "one month forward / back"},
    {"Home, End", "first / last day"},
    {"Up, Down", "faster / slower"},
    {"1 ... 5", "colour the map by another figure"},
    {"C", "next colour map (viridis, cividis)"},
    {"G", "next group colours (scenario, Okabe-Ito, Tol muted)"},
    {"R", "residents on / off"},
    {"V", "venues on / off"},
    {"B", "district borders on / off"},
    {"F or F11", "full screen on / off"},
    {"+, -", "larger / smaller text"},
    {"?", "this help"},
    {"Esc", "close the help; quit"},
};

ImU32 im_colour(sf::Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

const ImU32 run_colours[2] = {IM_COL32(0, 90, 181, 255), IM_COL32(220, 50, 32, 255)};

std::string format_value(double value, bool is_share) {
  if (!std::isfinite(value)) return "not recorded";
  return is_share ? fmt::format("{:.1f}%", 100.0 * value) : fmt::format("{:.3f}", value);
}

}  // namespace

void Viewer::handle(const sf::Event& event) {
  bridge_->handle(event);
  if (event.type == sf::Event::MouseMoved) {
    hovered_district_ = -1;
    if (!ImGui::GetIO().WantCaptureMouse)
      for (const MapView& map : maps_) {
        const int d = map.district_at({static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
        if (d >= 0) hovered_district_ = d;
      }
  }
  if (event.type == sf::Event::TextEntered && event.text.unicode == '?' && !ImGui::GetIO().WantTextInput)
    options_.show_help = !options_.show_help;
  if (event.type == sf::Event::KeyPressed && !ImGui::GetIO().WantTextInput) apply_shortcut(event.key);
}

void Viewer::apply_shortcut(const sf::Event::KeyEvent& key) {
  const double last = static_cast<double>(std::max<std::int64_t>(0, ticks() - 1));
  const auto speed_index = [&] {
    return static_cast<int>(std::lower_bound(speeds.begin(), speeds.end(), options_.speed_slots_per_second) - speeds.begin());
  };
  switch (key.code) {
    case sf::Keyboard::Escape:
      if (options_.show_help) options_.show_help = false;
      else quit_ = true;
      break;
    case sf::Keyboard::Q: quit_ = true; break;
    case sf::Keyboard::Space: playing_ = !playing_; break;
    case sf::Keyboard::Right: tick_ = std::min(last, std::floor(tick_) + 1.0); break;
    case sf::Keyboard::Left: tick_ = std::max(0.0, std::ceil(tick_) - 1.0); break;
    case sf::Keyboard::PageDown: tick_ = std::min(last, tick_ + 30.0 * slots_per_day); break;
    case sf::Keyboard::PageUp: tick_ = std::max(0.0, tick_ - 30.0 * slots_per_day); break;
    case sf::Keyboard::Home: tick_ = 0.0; break;
    case sf::Keyboard::End: tick_ = last; break;
    case sf::Keyboard::Up:
      options_.speed_slots_per_second = speeds[static_cast<std::size_t>(std::min<int>(speed_index() + 1, speeds.size() - 1))];
      break;
    case sf::Keyboard::Down: options_.speed_slots_per_second = speeds[static_cast<std::size_t>(std::max(speed_index() - 1, 0))]; break;
    case sf::Keyboard::C:
      options_.palette = static_cast<SequentialPalette>((static_cast<int>(options_.palette) + 1) % sequential_palette_count);
      scale_months_ = static_cast<std::size_t>(-1);
      break;
    case sf::Keyboard::G:
      options_.group_palette = static_cast<GroupPalette>((static_cast<int>(options_.group_palette) + 1) % group_palette_count);
      if (!runs_.empty()) group_colours_ = group_colours(options_.group_palette, run(0).group_rgb);
      break;
    case sf::Keyboard::R: options_.layers.residents = !options_.layers.residents; break;
    case sf::Keyboard::V: options_.layers.venues = !options_.layers.venues; break;
    case sf::Keyboard::B: options_.layers.borders = !options_.layers.borders; break;
    case sf::Keyboard::F:
    case sf::Keyboard::F11: toggle_fullscreen_ = true; break;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
      options_.font_px = std::min(40.0f, options_.font_px + 2.0f);
      bridge_->set_font_size(options_.font_px);
      layout();
      break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
      options_.font_px = std::max(12.0f, options_.font_px - 2.0f);
      bridge_->set_font_size(options_.font_px);
      layout();
      break;
    default:
      if (key.code >= sf::Keyboard::Num1 && key.code < sf::Keyboard::Num1 + map_indicator_count && !key.shift) {
        options_.indicator = static_cast<MapIndicator>(key.code - sf::Keyboard::Num1);
        scale_months_ = static_cast<std::size_t>(-1);
      }
      break;
  }
}

void Viewer::draw_side_panel() {
  const sf::Vector2u size = target_->getSize();
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(size.x) - side_width_, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(side_width_, static_cast<float>(size.y)));
  ImGui::Begin("Controls", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);

  // Playback.
  const double last = static_cast<double>(std::max<std::int64_t>(0, ticks() - 1));
  if (ImGui::Button(playing_ ? "Pause" : "Play ")) playing_ = !playing_;
  ImGui::SameLine();
  if (ImGui::Button("<")) tick_ = std::max(0.0, std::ceil(tick_) - 1.0);
  ImGui::SameLine();
  if (ImGui::Button(">")) tick_ = std::min(last, std::floor(tick_) + 1.0);
  ImGui::SameLine();
  const std::string speed_label = fmt::format("{:g} slots/s", options_.speed_slots_per_second);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##speed", speed_label.c_str())) {
    for (const double s : speeds)
      if (ImGui::Selectable(fmt::format("{:g} slots per second ({:g} days)", s, s / slots_per_day).c_str(),
                            s == options_.speed_slots_per_second))
        options_.speed_slots_per_second = s;
    ImGui::EndCombo();
  }
  float day = static_cast<float>(tick_ / slots_per_day);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##day", &day, 0.0f, static_cast<float>(last / slots_per_day), "day %.1f")) tick_ = day * slots_per_day;

  // What the map shows.
  ImGui::Separator();
  ImGui::TextUnformatted("Colour the districts by");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##indicator", map_indicator_info(options_.indicator).title.data())) {
    for (int i = 0; i < map_indicator_count; ++i)
      if (ImGui::Selectable(fmt::format("{}  {}", i + 1, map_indicator_info(static_cast<MapIndicator>(i)).title).c_str(),
                            static_cast<int>(options_.indicator) == i)) {
        options_.indicator = static_cast<MapIndicator>(i);
        scale_months_ = static_cast<std::size_t>(-1);
      }
    ImGui::EndCombo();
  }
  int palette = static_cast<int>(options_.palette);
  const char* palettes[] = {"viridis", "cividis"};
  ImGui::SetNextItemWidth(side_width_ * 0.4f);
  if (ImGui::Combo("colour map", &palette, palettes, 2)) {
    options_.palette = static_cast<SequentialPalette>(palette);
    scale_months_ = static_cast<std::size_t>(-1);
  }
  int groups = static_cast<int>(options_.group_palette);
  const char* group_palettes[] = {"scenario", "Okabe-Ito", "Tol muted"};
  ImGui::SetNextItemWidth(side_width_ * 0.4f);
  if (ImGui::Combo("group colours", &groups, group_palettes, 3)) {
    options_.group_palette = static_cast<GroupPalette>(groups);
    group_colours_ = group_colours(options_.group_palette, run(0).group_rgb);
  }
  ImGui::Checkbox("residents", &options_.layers.residents);
  ImGui::SameLine();
  ImGui::Checkbox("venues", &options_.layers.venues);
  ImGui::SameLine();
  ImGui::Checkbox("borders", &options_.layers.borders);

  // The hovered district.
  ImGui::Separator();
  if (hovered_district_ >= 0 && static_cast<std::size_t>(hovered_district_) < run(0).district_count()) {
    const auto d = static_cast<std::size_t>(hovered_district_);
    ImGui::TextWrapped("%s", run(0).headline.district_names[d].c_str());
    const auto now = static_cast<std::int64_t>(tick_ / slots_per_day);
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      const RunData& r = run(i);
      if (d >= r.district_count()) continue;
      const std::size_t month = r.month_of_day(now);
      const std::size_t at = month * r.district_count() + d;
      if (comparing()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_colours[i]), "%s", i == 0 ? "A" : "B");
      ImGui::Text("residents simulated: %lld", static_cast<long long>(at < r.district_residents.size() ? r.district_residents[at] : -1));
      for (int k = 0; k < map_indicator_count; ++k) {
        const MapIndicatorInfo& info = map_indicator_info(static_cast<MapIndicator>(k));
        ImGui::TextWrapped("%s: %s", info.title.data(),
                           format_value(r.district_value(static_cast<MapIndicator>(k), month, d), info.is_share).c_str());
      }
    }
  } else {
    ImGui::TextDisabled("Point at a district to see its figures.");
  }

  ImGui::Separator();
  draw_group_legend();
  draw_venue_legend();
  if (live_) draw_live_controls();
  ImGui::Separator();
  ImGui::TextDisabled("Press ? for the keyboard shortcuts.");
  ImGui::End();
}

void Viewer::draw_group_legend() {
  ImGui::TextWrapped("Residents (one dot per sampled resident), by origin group:");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = ImGui::GetTextLineHeight();
  const RunData& r = run(0);
  std::vector<int> counts(r.group_count(), 0);
  for (const std::uint8_t g : r.sample_group)
    if (g < counts.size()) ++counts[g];
  for (std::size_t g = 0; g < r.group_count() && g < group_colours_.size(); ++g) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(p.x + 2, p.y + 0.2f * h), ImVec2(p.x + 0.8f * h, p.y + 0.8f * h), im_colour(group_colours_[g]));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::Text("%s (%d)", plain_words(r.headline.group_names[g]).c_str(), counts[g]);
  }
}

void Viewer::draw_venue_legend() {
  ImGui::TextUnformatted("Places where residents meet (tick to show):");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = ImGui::GetTextLineHeight();
  if (!ImGui::BeginTable("venue kinds", 2)) return;
  for (std::size_t kind = 1; kind < venue_kind_names().size(); ++kind) {
    ImGui::TableNextColumn();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    std::vector<sf::Vertex> triangles;
    MapView::append_symbol(triangles, kind, {p.x + 0.5f * h, p.y + 0.55f * h}, 0.3f * h);
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3)
      draw->AddTriangleFilled(ImVec2(triangles[t].position.x, triangles[t].position.y),
                              ImVec2(triangles[t + 1].position.x, triangles[t + 1].position.y),
                              ImVec2(triangles[t + 2].position.x, triangles[t + 2].position.y), im_colour(triangles[t].color));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    bool shown = options_.layers.venue_kinds[kind];
    if (ImGui::Checkbox(std::string(venue_kind_names()[kind]).c_str(), &shown)) options_.layers.venue_kinds[kind] = shown;
  }
  ImGui::EndTable();
}

void Viewer::draw_live_controls() {
  ImGui::Separator();
  ImGui::TextUnformatted("Live simulation");
  ImGui::Text("%lld of %lld days simulated", static_cast<long long>(live_->days_done()), static_cast<long long>(live_->planned_days()));
  if (live_changed_) {
    const std::int64_t from = live_->last_change_day();
    if (from >= 0) ImGui::TextWrapped("Your last change acts from day %lld on.", static_cast<long long>(from));
    else ImGui::TextWrapped("Your change acts from the next simulated day.");
  }
  bool changed = false;
  if (ImGui::CollapsingHeader("Policies (intensity 0-1)", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (std::size_t p = 0; p < live_->policies().size() && p < live_settings_.policy_intensity.size(); ++p) {
      const PolicyConfig& policy = live_->policies()[p];
      const std::string label = plain_words(policy_kind_info(policy.kind).name) +
                                (policy.name.empty() || policy.name == "added by the viewer" ? "" : " (" + policy.name + ")");
      ImGui::SetNextItemWidth(side_width_ * 0.35f);
      changed |= ImGui::SliderFloat(fmt::format("{}##p{}", label, p).c_str(), &live_settings_.policy_intensity[p], 0.0f, 1.0f, "%.2f");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", policy_kind_info(policy.kind).description.data());
    }
  }
  if (ImGui::CollapsingHeader("Behaviour")) {
    EncounterConfig& e = live_settings_.encounters;
    ActivityConfig& a = live_settings_.activity;
    const auto slider = [&](const char* label, float* value, float low, float high, const char* help) {
      ImGui::SetNextItemWidth(side_width_ * 0.35f);
      changed |= ImGui::SliderFloat(label, value, low, high, "%.3f");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
    };
    slider("trust gain, good contact", &e.rate_positive, 0.0f, 0.05f, "encounters.rate_positive: trust rises by this share of what is left");
    slider("trust loss, bad contact", &e.rate_negative, 0.0f, 0.1f, "encounters.rate_negative: trust falls by this share of itself");
    slider("avoidance of others", &e.avoidance, 0.0f, 1.0f, "encounters.avoidance: how far distrust makes residents avoid an encounter");
    slider("discrimination", &e.discrimination_base, 0.0f, 0.1f, "encounters.discrimination_base: chance a fully distrustful resident discriminates");
    slider("effect of cooperation", &e.positive_cooperation, 0.0f, 3.0f, "encounters.positive_cooperation: how much cooperative places make good contacts likelier");
    slider("wish for own group", &a.comfort_weight, 0.0f, 5.0f, "activity.comfort_weight: pull of places where one's own group is seen");
    slider("cost of distance", &a.distance_weight_per_km, 0.0f, 3.0f, "activity.distance_weight_per_km: utility lost per km to a place");
  }
  if (changed) {
    live_->change_settings(live_settings_);
    live_changed_ = true;
  }
  ImGui::SetNextItemWidth(side_width_ * 0.35f);
  ImGui::InputInt("seed", &live_seed_);
  if (ImGui::Button("Reset to day 0")) {
    live_->restart(static_cast<std::uint64_t>(std::max(0, live_seed_)), live_settings_);
    live_->request_days(1);
    tick_ = 0.0;
    live_changed_ = false;
  }
  ImGui::SameLine();
  if (ImGui::Button("Scenario's values")) {
    live_settings_ = live_->scenario_settings();
    live_->change_settings(live_settings_);
    live_changed_ = true;
  }
}

void Viewer::draw_charts_window() {
  const sf::Vector2u size = target_->getSize();
  const float width = static_cast<float>(size.x) - side_width_;
  ImGui::SetNextWindowPos(ImVec2(0.0f, static_cast<float>(size.y) - chart_height_));
  ImGui::SetNextWindowSize(ImVec2(width, chart_height_));
  ImGui::Begin("City-wide figures over time (click a chart to jump to a day)", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar);
  std::vector<ChartLine> lines;
  for (std::size_t i = 0; i < runs_.size(); ++i) lines.push_back({&run(i), run_colours[i]});
  if (comparing()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_colours[0]), "A: %s", run(0).scenario_name.c_str());
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(run_colours[1]), "  B: %s", run(1).scenario_name.c_str());
  }
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const auto count = std::clamp<std::size_t>(static_cast<std::size_t>(available.x / (15.0f * options_.font_px)), 1, chart_infos().size());
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float chart_width = (available.x - spacing * static_cast<float>(count - 1)) / static_cast<float>(count);
  for (std::size_t c = 0; c < count; ++c) {
    if (c > 0) ImGui::SameLine();
    const double day = draw_chart(c, lines, tick_ / slots_per_day, ImVec2(chart_width, available.y - 2.0f));
    if (day >= 0.0) tick_ = day * slots_per_day;
  }
  ImGui::End();
}

void Viewer::draw_hover_tooltip() {
  if (hovered_district_ < 0 || ImGui::GetIO().WantCaptureMouse) return;
  const auto d = static_cast<std::size_t>(hovered_district_);
  if (d >= run(0).district_count()) return;
  const MapIndicatorInfo& info = map_indicator_info(options_.indicator);
  const auto now = static_cast<std::int64_t>(tick_ / slots_per_day);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(run(0).headline.district_names[d].c_str());
  for (std::size_t i = 0; i < runs_.size(); ++i)
    ImGui::Text("%s%s: %s", comparing() ? (i == 0 ? "A, " : "B, ") : "", info.title.data(),
                format_value(run(i).district_value(options_.indicator, run(i).month_of_day(now), d), info.is_share).c_str());
  ImGui::EndTooltip();
}

void Viewer::draw_help() {
  const sf::Vector2u size = target_->getSize();
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(size.x) * 0.5f, static_cast<float>(size.y) * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::Begin("Keyboard shortcuts", &options_.show_help, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
  if (ImGui::BeginTable("shortcuts", 2)) {
    for (const Shortcut& s : shortcuts) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(s.keys);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(s.what);
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Mouse: point at a district for its figures; click a chart to jump to that day.");
  ImGui::End();
}

}  // namespace convivia::viz
