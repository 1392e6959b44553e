// The day's levers where they act: one lever set per (district, group). A policy without targets
// acts everywhere; one with target districts acts on the residents who live there and the venues
// located there; one with target groups acts on members of those groups. Systems ask for the set of
// a resident (home district, group) or of a venue (its district). While no active policy has
// targets every lookup returns the one city-wide set, so the common case costs one multiply.
#pragma once

#include "policy/levers.hpp"
#include "policy/policy.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

// A policy's targets as indices: in_district[d] / in_group[g] are 1 where it acts; empty means all.
// Places outside every district are reached only by policies without district targets.
struct PolicyReach {
  std::vector<std::uint8_t> in_district;
  std::vector<std::uint8_t> in_group;
};

class LeverMap {
 public:
  // The same levers everywhere (systems under test, and days without targeted policies).
  // Implicit, so that tests can hand a system plain Levers.
  LeverMap(const Levers& everywhere = Levers{}) : table_{everywhere} {}

  // Levers of `day` for every (district, group): `base` with each active policy applied where it
  // reaches (reach[k] belongs to policies[k]). Recomputes only when the set of active policies
  // changed since the last call.
  void set_for_day(const std::vector<PolicyConfig>& policies, const std::vector<PolicyReach>& reach, int day,
                   const Levers& base, int district_count, int group_count);
  // The next set_for_day recomputes even if the same policies are active (their intensity changed).
  void invalidate() { built_ = false; }

  // district may be no_district (-1).
  const Levers& at(std::int32_t district, std::size_t group) const {
    return table_[static_cast<std::size_t>(district + 1) * district_stride_ + group * group_stride_];
  }
  // Venue levers (cooperation, attractiveness, extra rounds) never depend on the group: policies
  // moving them cannot target groups (the parser refuses it).
  const Levers& venue(std::int32_t district) const { return at(district, 0); }
  // The levers of residents in no target of any policy.
  const Levers& everywhere() const { return table_.front(); }
  // Whether any place and group has levers for which `test` holds (to skip work no lever asks for).
  template <class Test>
  bool any_of(Test test) const {
    for (const Levers& levers : table_)
      if (test(levers)) return true;
    return false;
  }

 private:
  std::vector<Levers> table_;
  std::size_t district_stride_ = 0;  // 0: no active policy targets districts
  std::size_t group_stride_ = 0;     // 0: no active policy targets groups
  std::vector<std::uint8_t> active_;  // which policies were active when the table was last built
  bool built_ = false;
  Levers built_base_{};
};

}  // namespace convivia
