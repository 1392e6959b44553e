// Resolving policy targets (see policy_reach.hpp).
#include "policy/policy_reach.hpp"

#include <algorithm>

namespace convivia {
namespace {

// A few valid names, for the error message.
std::string examples(const std::vector<std::string>& names) {
  std::string text;
  const std::size_t shown = std::min<std::size_t>(names.size(), 5);
  for (std::size_t k = 0; k < shown; ++k) text += (k > 0 ? ", \"" : "\"") + names[k] + "\"";
  if (names.size() > shown) text += ", ... (" + std::to_string(names.size()) + " in all)";
  return text;
}

}  // namespace

PolicyReachResult resolve_policy_reach(const std::vector<PolicyConfig>& policies, const std::vector<District>& districts,
                                       const std::vector<std::string>& group_names) {
  PolicyReachResult result;
  std::vector<std::string> district_ids;
  for (const District& district : districts) district_ids.push_back(district.id);
  for (std::size_t k = 0; k < policies.size(); ++k) {
    const PolicyConfig& policy = policies[k];
    PolicyReach reach;
    const std::string entry = "policies[" + std::to_string(k) + "]";
    if (!policy.districts.empty()) reach.in_district.assign(districts.size(), 0);
    for (const std::string& wanted : policy.districts) {
      auto found = std::find_if(districts.begin(), districts.end(), [&](const District& d) { return d.id == wanted; });
      if (found == districts.end())
        found = std::find_if(districts.begin(), districts.end(), [&](const District& d) { return d.name == wanted; });
      if (found == districts.end()) {
        result.error_key = entry + ".districts";
        result.error = "no district with id or name \"" + wanted + "\" in this city; ids are, e.g., " + examples(district_ids);
        return result;
      }
      reach.in_district[static_cast<std::size_t>(found - districts.begin())] = 1;
    }
    if (!policy.groups.empty()) reach.in_group.assign(group_names.size(), 0);
    for (const std::string& wanted : policy.groups) {
      const auto found = std::find(group_names.begin(), group_names.end(), wanted);
      if (found == group_names.end()) {
        result.error_key = entry + ".groups";
        result.error = "no group named \"" + wanted + "\"; groups are " + examples(group_names);
        return result;
      }
      reach.in_group[static_cast<std::size_t>(found - group_names.begin())] = 1;
    }
    result.reach.push_back(std::move(reach));
  }
  return result;
}

}  // namespace convivia
