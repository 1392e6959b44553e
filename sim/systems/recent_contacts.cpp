// Recent positive contact window and its correlation with trust (see recent_contacts.hpp).
#include "systems/recent_contacts.hpp"

#include "core/parallel.hpp"

#include <algorithm>
#include <cmath>

namespace convivia {

void roll_contact_month(Population& residents, int month) {
  const std::size_t slot = static_cast<std::size_t>(month % contact_window_months);
  parallel_for(residents.size(), 16384, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t total = residents.positive_intergroup_contacts[i];
      const std::uint32_t month_count = total - residents.positive_contacts_at_month_start[i];
      residents.positive_contacts_by_month[i * contact_window_months + slot] =
          static_cast<std::uint16_t>(std::min<std::uint32_t>(month_count, 0xffff));
      residents.positive_contacts_at_month_start[i] = total;
    }
  });
}

double contact_trust_correlation(const Population& residents, const std::vector<float>& outgroup_trust) {
  struct Sums {
    double n = 0, x = 0, y = 0, xx = 0, yy = 0, xy = 0;
  };
  std::vector<Sums> blocks;
  Sums t;
  reduce_blocks(
      residents.size(), reduction_block_size, blocks,
      [&](Sums& s, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          const double x = positive_contacts_last_90_days(residents, i);
          const double y = outgroup_trust[i];
          s.n += 1;
          s.x += x;
          s.y += y;
          s.xx += x * x;
          s.yy += y * y;
          s.xy += x * y;
        }
      },
      [&](const Sums& s) {
        t.n += s.n;
        t.x += s.x;
        t.y += s.y;
        t.xx += s.xx;
        t.yy += s.yy;
        t.xy += s.xy;
      });
  if (t.n < 2) return 0.0;
  const double cov = t.xy - t.x * t.y / t.n;
  const double var_x = t.xx - t.x * t.x / t.n;
  const double var_y = t.yy - t.y * t.y / t.n;
  if (var_x <= 0.0 || var_y <= 0.0) return 0.0;
  return cov / std::sqrt(var_x * var_y);
}

}  // namespace convivia
