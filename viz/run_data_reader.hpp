// Reads a run file (docs/output-format.md, layout convivia-run-1) into RunData for the viewer. The
// run's identity and headline series come from sim/io's read_run_file, which also refuses files that
// are not Convivia runs; this adds the map, venues, samples and per-district figures and checks every
// index in them, so a damaged file is refused here with a message rather than drawn wrongly.
#pragma once

#include "run_data.hpp"

#include <string>

namespace convivia::viz {

// Throws InputError (file = path) naming what is missing or wrong.
RunData read_run_data(const std::string& path);

// "#rrggbb" as 0xRRGGBB; grey for anything else.
std::uint32_t parse_colour(const std::string& text);

}  // namespace convivia::viz
