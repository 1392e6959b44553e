// Bucketing residents by venue: complete, grouped, and in resident id order within each venue.
#include "systems/venue_buckets.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

namespace convivia {
namespace {

TEST(VenueBuckets, GroupsResidentsByVenueInIdOrder) {
  std::vector<std::uint32_t> venue_of(100000);
  for (std::size_t i = 0; i < venue_of.size(); ++i) venue_of[i] = static_cast<std::uint32_t>((i * 7919) % 313);
  VenueBuckets buckets;
  buckets.build(venue_of, 313);
  std::size_t total = 0;
  for (std::uint32_t v = 0; v < 313; ++v) {
    const auto present = buckets.residents_at(v);
    total += present.size();
    for (std::size_t k = 0; k < present.size(); ++k) {
      EXPECT_EQ(venue_of[present[k]], v);
      if (k > 0) {
        EXPECT_LT(present[k - 1], present[k]);
      }
    }
  }
  EXPECT_EQ(total, venue_of.size());
}

TEST(VenueBuckets, EmptyVenuesAndFewResidents) {
  VenueBuckets buckets;
  buckets.build({2, 2, 0}, 4);
  EXPECT_EQ(buckets.size_of(0), 1u);
  EXPECT_EQ(buckets.size_of(1), 0u);
  EXPECT_EQ(buckets.size_of(2), 2u);
  EXPECT_EQ(buckets.size_of(3), 0u);
}

TEST(VenueBuckets, SameOrderForOneAndTwoThreads) {
  std::vector<std::uint32_t> venue_of(50000);
  for (std::size_t i = 0; i < venue_of.size(); ++i) venue_of[i] = static_cast<std::uint32_t>((i * 31) % 97);
  std::vector<std::uint32_t> one, two;
  for (std::size_t threads : {1, 2}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    VenueBuckets buckets;
    buckets.build(venue_of, 97);
    auto& out = threads == 1 ? one : two;
    for (std::uint32_t v = 0; v < 97; ++v)
      for (std::uint32_t r : buckets.residents_at(v)) out.push_back(r);
  }
  EXPECT_EQ(one, two);
}

}  // namespace
}  // namespace convivia
