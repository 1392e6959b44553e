// Policies over time: which policies act on a given day, the levers they set together, and what
// they cost. Assumes validated policies (known, modelled kinds; intensity in [0,1]; start <= end).
// The combination rules are in docs/policies.md; they do not depend on the order of policies
// except through floating-point rounding, which is fixed by the scenario's order.
#pragma once

#include "policy/levers.hpp"
#include "policy/policy.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace convivia {

// Active on every day in [start_day, end_day], both included.
bool policy_active(const PolicyConfig& policy, int day);

// The levers of a day: `base` (neutral unless a caller sets levers directly) with every active
// policy applied at its effective intensity (raised by active commitment policies).
Levers levers_for_day(const std::vector<PolicyConfig>& policies, int day, const Levers& base = Levers{});

// The same, counting only the policies for which reaches(index in policies) is true: the levers at
// one place and group, where only some targeted policies act (commitment included).
Levers levers_for_day(const std::vector<PolicyConfig>& policies, int day, const Levers& base,
                      const std::function<bool(std::size_t)>& reaches);

// The sum of annual_cost_eur over the policies active on `day`, in euros per year.
double annual_policy_cost(const std::vector<PolicyConfig>& policies, int day);

}  // namespace convivia
