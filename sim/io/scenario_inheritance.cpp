// Finds and parses the base files of a scenario (see scenario_inheritance.hpp). Files are identified
// by their canonical path for the cycle check; messages use the path as the user would read it,
// relative to the file that names the base.
#include "io/scenario_inheritance.hpp"

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"
#include "io/scenario_keys.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace convivia {
namespace {

namespace fs = std::filesystem;

std::string canonical_of(const fs::path& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return (error ? fs::absolute(path).lexically_normal() : canonical).string();
}

}  // namespace

std::vector<ScenarioLayer> scenario_layers(toml::table root, const std::string& display_path, const std::string& directory) {
  std::vector<ScenarioLayer> layers;
  std::vector<std::string> chain;  // canonical paths of the files read so far, top file first
  chain.push_back(canonical_of(fs::path(directory) / fs::path(display_path).filename()));
  layers.push_back(ScenarioLayer{std::move(root), display_path, directory});

  while (const toml::node* base_node = layers.back().root.get("base")) {
    const ScenarioLayer& child = layers.back();
    const int line = static_cast<int>(base_node->source().begin.line);
    const auto* base_text = base_node->as_string();
    if (base_text == nullptr || base_text->get().empty()) {
      throw InputError(child.display_path, line, "base",
                       "expected the path of a base scenario file (a non-empty string, relative to this file)");
    }
    const std::string& base = base_text->get();
    if (static_cast<int>(layers.size()) > max_base_depth) {
      throw InputError(child.display_path, line, "base",
                       "expected at most " + std::to_string(max_base_depth) + " base files in a chain");
    }
    const fs::path file = fs::path(base).is_absolute() ? fs::path(base) : fs::path(child.directory) / base;
    const std::string display = fs::path(base).is_absolute()
                                    ? base
                                    : (fs::path(child.display_path).parent_path() / base).lexically_normal().string();
    const std::string canonical = canonical_of(file);
    for (std::size_t i = 0; i < chain.size(); ++i) {
      if (chain[i] != canonical) continue;
      std::string cycle;
      for (std::size_t j = i; j < layers.size(); ++j) cycle += layers[j].display_path + " -> ";
      throw InputError(child.display_path, line, "base",
                       "expected a chain of base files without a cycle, got " + cycle + display);
    }
    std::ifstream in(file, std::ios::binary);
    std::error_code error;
    if (!in || !fs::is_regular_file(file, error)) {
      throw InputError(child.display_path, line, "base",
                       "expected an existing scenario file, got " + scenario_schema::toml_literal(base) + " (not found: " +
                           fs::absolute(file).lexically_normal().string() + ")");
    }
    refuse_oversized_file(file.string(), max_scenario_file_bytes, "base");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    toml::table base_root;
    try {
      base_root = toml::parse(buffer.str(), display);
    } catch (const toml::parse_error& parse_error) {
      throw InputError(display, static_cast<int>(parse_error.source().begin.line), "",
                       "TOML syntax error: " + std::string(parse_error.description()));
    }
    layers.back().root.erase("base");
    chain.push_back(canonical);
    layers.push_back(ScenarioLayer{std::move(base_root), display, fs::absolute(file).parent_path().lexically_normal().string()});
  }
  // Only the deepest base still holds no `base` key; the others lost theirs above.
  std::reverse(layers.begin(), layers.end());
  return layers;
}

}  // namespace convivia
