// Reads a city's ICC Index profile: a small CSV table with the columns area and score (0 to 100) and
// an optional annual_cost column (euros per year for the area), one row per area. Area names are
// those of the index (policy/icc_profile.hpp), in any case. Every mistake is an InputError naming the
// file, the line and the column, because these tables are typed in by hand.
#pragma once

#include "policy/icc_profile.hpp"
#include "policy/policy.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace convivia {

// The rows of a profile given as CSV text; file_name is only used in error messages.
std::vector<IccAreaScore> parse_icc_profile(std::string_view text, const std::string& file_name);

// The rows of the profile file at path; an unreadable file is an InputError too.
std::vector<IccAreaScore> read_icc_profile(const std::string& path);

// The policies of the profile file at path (policies_from_icc_profile of its rows).
std::vector<PolicyConfig> policies_from_icc_profile_file(const std::string& path);

}  // namespace convivia
