// Scenario inheritance: a scenario file may name a base scenario with `base = "path"` (relative to
// the file). The base is read first, recursively, and the file's own values are read over it: tables
// merge key by key, while a value or an array (also [[groups]], [[events]], [[policies]]) given in the
// file replaces the base's one wholesale. This file only finds and parses the chain of files; the
// parser reads the layers in order, so each keeps its own file name, lines and directory.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace convivia {

// One file of a chain, with its `base` key removed.
struct ScenarioLayer {
  toml::table root;
  std::string display_path;  // used in messages
  std::string directory;     // absolute; relative data paths given in this file start here
};

// The deepest base first, the given file last. Throws InputError for a base that is not a string,
// cannot be read, has a TOML syntax error, or closes a cycle, and for chains deeper than
// max_base_depth.
std::vector<ScenarioLayer> scenario_layers(toml::table root, const std::string& display_path, const std::string& directory);

inline constexpr int max_base_depth = 16;

}  // namespace convivia
