// Nearest-venue queries agree with a brute-force search.
#include "world/nearest_venues.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace convivia {
namespace {

TEST(NearestVenueIndex, MatchesBruteForce) {
  std::vector<float> xs, ys;
  std::vector<std::uint32_t> ids;
  for (std::uint32_t i = 0; i < 500; ++i) {
    xs.push_back(static_cast<float>((i * 7919) % 10000));
    ys.push_back(static_cast<float>((i * 104729) % 8000));
    ids.push_back(1000 + i);
  }
  const NearestVenueIndex index(xs, ys, ids, 10000.0, 8000.0);
  std::vector<std::uint32_t> found;
  for (double x = 50.0; x < 10000.0; x += 1237.0)
    for (double y = 30.0; y < 8000.0; y += 977.0) {
      index.nearest(x, y, 3, found);
      std::vector<std::pair<double, std::uint32_t>> all;
      for (std::size_t i = 0; i < xs.size(); ++i) all.emplace_back(std::hypot(xs[i] - x, ys[i] - y), ids[i]);
      std::sort(all.begin(), all.end());
      ASSERT_EQ(found.size(), 3u);
      for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(found[k], all[k].second) << "at " << x << "," << y;
    }
}

TEST(NearestVenueIndex, EmptyIndexFindsNothing) {
  const NearestVenueIndex index({}, {}, {}, 100.0, 100.0);
  std::vector<std::uint32_t> found{1};
  index.nearest(1.0, 1.0, 2, found);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace convivia
