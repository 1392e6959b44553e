// How a sweep's baseline point is named on the command line, in the help of the commands that take
// --baseline (analyze and report), so that both explain it in the same words.
#pragma once

namespace convivia {

// The example baseline of the help texts and the note under it.
inline constexpr const char* baseline_example = "--baseline 'mediators=none, avoidance=0.3'\n";
inline constexpr const char* baseline_example_note =
    "      (the whole label of a point of scenarios/sweeps/tiny-mediators.toml; one item such as mediators=none is\n"
    "      enough when it picks out a single point, as in a sweep of one factor)\n";

}  // namespace convivia
