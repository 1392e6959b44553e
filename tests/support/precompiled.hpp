// Headers nearly every test includes, compiled once and shared by all test programs
// (target_precompile_headers in tests/CMakeLists.txt): GoogleTest and the engine's public surface
// cost about 6 of the 9 seconds a test file takes to compile. Tests still include what they use.
#pragma once

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"
#include "io/scenario_parser.hpp"
#include "systems/simulation.hpp"
#include "world/world_builder.hpp"

#include <oneapi/tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
