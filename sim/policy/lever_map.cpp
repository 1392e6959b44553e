// The day's levers per district and group (see lever_map.hpp).
#include "policy/lever_map.hpp"

#include "policy/policy_schedule.hpp"

namespace convivia {
namespace {

bool reaches_index(const std::vector<std::uint8_t>& in, std::size_t index) { return in.empty() || in[index] != 0; }

}  // namespace

void LeverMap::set_for_day(const std::vector<PolicyConfig>& policies, const std::vector<PolicyReach>& reach, int day,
                           const Levers& base, int district_count, int group_count) {
  std::vector<std::uint8_t> active(policies.size());
  bool by_district = false;
  bool by_group = false;
  for (std::size_t k = 0; k < policies.size(); ++k) {
    active[k] = policy_active(policies[k], day) ? 1 : 0;
    if (active[k] == 0) continue;
    by_district = by_district || !reach[k].in_district.empty();
    by_group = by_group || !reach[k].in_group.empty();
  }
  if (built_ && active == active_ && base == built_base_) return;
  active_ = std::move(active);
  built_base_ = base;
  built_ = true;

  const std::size_t rows = by_district ? static_cast<std::size_t>(district_count) + 1 : 1;
  const std::size_t columns = by_group ? static_cast<std::size_t>(group_count) : 1;
  district_stride_ = by_district ? columns : 0;
  group_stride_ = by_group ? 1 : 0;
  table_.assign(rows * columns, Levers{});
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t column = 0; column < columns; ++column) {
      // Row 0 is outside every district (and, without district targets, the whole city).
      const auto reaches = [&](std::size_t k) {
        const PolicyReach& r = reach[k];
        const bool district_ok = r.in_district.empty() || (by_district && row > 0 && reaches_index(r.in_district, row - 1));
        const bool group_ok = r.in_group.empty() || (by_group && reaches_index(r.in_group, column));
        return district_ok && group_ok;
      };
      table_[row * columns + column] = levers_for_day(policies, day, base, reaches);
    }
  }
}

}  // namespace convivia
