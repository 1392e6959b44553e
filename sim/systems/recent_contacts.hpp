// Recent positive intergroup contact per resident: the count over the last 90 days (three 30-day
// months), the quantity the contact-prejudice calibration target speaks of (docs/model.md 7.2: across
// residents, its correlation with mean out-group trust is about 0.2). Residents keep a ring of three
// monthly counts, rolled at each month start from the cumulative counter the encounters increment.
#pragma once

#include "world/population.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

inline constexpr int contact_window_months = 3;

// Closes the month that ends now: stores each resident's positive intergroup contacts since the last
// month start in ring slot month % 3 (saturating at 65535). Call at the start of month `month` >= 1.
void roll_contact_month(Population& residents, int month);

inline std::uint32_t positive_contacts_last_90_days(const Population& residents, std::size_t resident) {
  const std::uint16_t* months = residents.positive_contacts_by_month.data() + resident * contact_window_months;
  return static_cast<std::uint32_t>(months[0]) + months[1] + months[2];
}

// Pearson correlation across residents between positive intergroup contacts in the last 90 days and
// mean out-group trust; 0 if either has no variance. Sums over fixed blocks in order (deterministic).
double contact_trust_correlation(const Population& residents, const std::vector<float>& outgroup_trust);

}  // namespace convivia
