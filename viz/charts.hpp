// Line charts of headline indicators over the run's days, drawn with ImGui's draw list inside the
// current ImGui window: one line per run (two in compare mode), the value range on the left, the
// days along the bottom and a cursor at the current day with the values there.
#pragma once

#include "run_data.hpp"

#include <imgui.h>

#include <vector>

namespace convivia::viz {

struct ChartLine {
  const RunData* run;
  ImU32 colour;
};

// Draws the chart of chart_infos()[chart] at the cursor position, `size` pixels large. Clicking or
// dragging in it returns the day under the mouse, else -1.
double draw_chart(std::size_t chart, const std::vector<ChartLine>& lines, double cursor_day, ImVec2 size);

}  // namespace convivia::viz
