// Where each policy acts: its target district and group names turned into indices of the built
// city. Districts are matched by id, then by name (as in the district table; a synthetic city's are
// ids "1", "2", ... and names "District 1", ...); groups by name. Kept apart from parsing because
// district names are known only once the city is built.
#pragma once

#include "policy/lever_map.hpp"
#include "policy/policy.hpp"
#include "world/city.hpp"

#include <string>
#include <vector>

namespace convivia {

struct PolicyReachResult {
  std::vector<PolicyReach> reach;  // one per policy, when error is empty
  std::string error_key;           // e.g. "policies[2].districts"
  std::string error;               // what is wrong, with the names that would be valid
};

PolicyReachResult resolve_policy_reach(const std::vector<PolicyConfig>& policies, const std::vector<District>& districts,
                                       const std::vector<std::string>& group_names);

}  // namespace convivia
