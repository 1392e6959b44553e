// The kind of a TOML value in words ("a string", "an array"), for messages that say what a key got
// instead of what it expected. Shared by the scenario and sweep file parsers.
#pragma once

#include <toml++/toml.h>

#include <string>

namespace convivia {

inline std::string toml_node_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

}  // namespace convivia
