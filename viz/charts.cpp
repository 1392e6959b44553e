// Drawing line charts with ImGui (see charts.hpp).
#include "charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace convivia::viz {

double draw_chart(std::size_t chart, const std::vector<ChartLine>& lines, double cursor_day, ImVec2 size) {
  const ChartInfo& info = chart_infos()[chart];
  const int indicator = find_headline_indicator(info.headline_name);
  const bool share = indicator >= 0 && headline_indicators()[static_cast<std::size_t>(indicator)].is_share;
  const double factor = share ? 100.0 : 1.0;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_height = ImGui::GetTextLineHeight();
  ImGui::InvisibleButton(info.headline_name.data(), size);
  const bool active = ImGui::IsItemActive();

  std::int64_t days = 0;
  for (const ChartLine& line : lines) days = std::max(days, line.run->days());
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  const auto value = [&](const RunData& run, std::int64_t day) {
    if (indicator < 0 || day >= run.days() || run.headline.series.empty()) return std::numeric_limits<double>::quiet_NaN();
    const auto& series = run.headline.series[static_cast<std::size_t>(indicator)];
    if (series.empty()) return std::numeric_limits<double>::quiet_NaN();
    if (headline_indicators()[static_cast<std::size_t>(indicator)].source == IndicatorSource::monthly) {
      const std::size_t month = std::min(run.month_of_day(day), series.size() - 1);
      return factor * series[month];
    }
    return day < static_cast<std::int64_t>(series.size()) ? factor * series[static_cast<std::size_t>(day)]
                                                          : std::numeric_limits<double>::quiet_NaN();
  };
  for (const ChartLine& line : lines)
    for (std::int64_t d = 0; d < line.run->days(); ++d) {
      const double v = value(*line.run, d);
      if (std::isfinite(v)) {
        low = std::min(low, v);
        high = std::max(high, v);
      }
    }
  const ImU32 ink = IM_COL32(30, 30, 30, 255);
  const ImU32 faint = IM_COL32(120, 120, 120, 255);
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(255, 255, 255, 255));
  draw->AddText(ImVec2(origin.x + 4, origin.y + 2), ink, info.title.data(), info.title.data() + info.title.size());
  const ImVec2 plot_min(origin.x + 4.5f * line_height, origin.y + 1.4f * line_height);
  const ImVec2 plot_max(origin.x + size.x - 6, origin.y + size.y - 1.3f * line_height);
  draw->AddRect(plot_min, plot_max, faint);
  if (!std::isfinite(low) || days <= 0) {
    draw->AddText(ImVec2(plot_min.x + 6, plot_min.y + 6), faint, "not recorded yet");
    return -1.0;
  }
  if (high - low < 1e-9) {
    low -= 0.5 * std::max(1e-3, std::abs(low) * 0.01);
    high += 0.5 * std::max(1e-3, std::abs(high) * 0.01);
  }
  const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(high - low))) + 1, 0, 4);
  const std::string top = fmt::format("{:.{}f}", high, decimals), bottom = fmt::format("{:.{}f}", low, decimals);
  draw->AddText(ImVec2(origin.x + 2, plot_min.y - 2), faint, top.c_str());
  draw->AddText(ImVec2(origin.x + 2, plot_max.y - line_height), faint, bottom.c_str());
  const std::string first = "day 0", last = fmt::format("day {}", days - 1);
  draw->AddText(ImVec2(plot_min.x, plot_max.y + 1), faint, first.c_str());
  draw->AddText(ImVec2(plot_max.x - ImGui::CalcTextSize(last.c_str()).x, plot_max.y + 1), faint, last.c_str());

  const float width = plot_max.x - plot_min.x;
  const float height = plot_max.y - plot_min.y;
  const auto x_of = [&](double day) { return plot_min.x + static_cast<float>(day / std::max<double>(1, days - 1)) * width; };
  const auto y_of = [&](double v) { return plot_max.y - static_cast<float>((v - low) / (high - low)) * height; };
  const std::int64_t step = std::max<std::int64_t>(1, days / static_cast<std::int64_t>(std::max(1.0f, width)));
  for (const ChartLine& line : lines) {
    std::vector<ImVec2> points;
    for (std::int64_t d = 0; d < line.run->days(); d += step) {
      const double v = value(*line.run, d);
      if (std::isfinite(v)) points.emplace_back(x_of(static_cast<double>(d)), y_of(v));
    }
    if (points.size() >= 2) draw->AddPolyline(points.data(), static_cast<int>(points.size()), line.colour, 0, 2.0f);
  }
  const double day = std::clamp(cursor_day, 0.0, static_cast<double>(days - 1));
  draw->AddLine(ImVec2(x_of(day), plot_min.y), ImVec2(x_of(day), plot_max.y), IM_COL32(200, 30, 30, 255), 1.5f);
  float text_x = plot_min.x + 4;
  for (const ChartLine& line : lines) {
    const double v = value(*line.run, static_cast<std::int64_t>(day));
    if (!std::isfinite(v)) continue;
    const std::string text = fmt::format("{:.{}f}", v, decimals);
    const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
    draw->AddRectFilled(ImVec2(text_x - 2, plot_min.y + 2), ImVec2(text_x + extent.x + 2, plot_min.y + 2 + extent.y),
                        IM_COL32(255, 255, 255, 230));
    draw->AddText(ImVec2(text_x, plot_min.y + 2), line.colour, text.c_str());
    text_x += ImGui::CalcTextSize(text.c_str()).x + 10;
  }
  if (active) {
    const float mouse = ImGui::GetIO().MousePos.x;
    return std::clamp(static_cast<double>((mouse - plot_min.x) / width) * static_cast<double>(days - 1), 0.0,
                      static_cast<double>(days - 1));
  }
  return -1.0;
}

}  // namespace convivia::viz
