// The dense id set behind vacancy lists: membership, and the member order that draws by position see.
#include "core/dense_id_set.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace convivia {
namespace {

std::vector<std::uint32_t> members(const DenseIdSet& set) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < set.size(); ++i) out.push_back(set[i]);
  return out;
}

TEST(DenseIdSet, InsertAppendsInOrder) {
  DenseIdSet set;
  set.reset(10);
  for (std::uint32_t id : {7u, 2u, 5u}) set.insert(id);
  EXPECT_EQ(members(set), (std::vector<std::uint32_t>{7, 2, 5}));
  EXPECT_TRUE(set.contains(2));
  EXPECT_FALSE(set.contains(3));
}

TEST(DenseIdSet, EraseMovesTheLastMemberIntoTheFreedPlace) {
  DenseIdSet set;
  set.reset(10);
  for (std::uint32_t id : {7u, 2u, 5u, 9u}) set.insert(id);
  set.erase(2);
  EXPECT_EQ(members(set), (std::vector<std::uint32_t>{7, 9, 5}));
  EXPECT_FALSE(set.contains(2));
  // The moved member's position was updated, so erasing it works too.
  set.erase(9);
  EXPECT_EQ(members(set), (std::vector<std::uint32_t>{7, 5}));
  set.insert(2);
  EXPECT_EQ(members(set), (std::vector<std::uint32_t>{7, 5, 2}));
}

TEST(DenseIdSet, ResetEmptiesTheSet) {
  DenseIdSet set;
  set.reset(4);
  set.insert(1);
  set.insert(3);
  set.reset(4);
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.contains(1));
  EXPECT_FALSE(set.contains(3));
}

}  // namespace
}  // namespace convivia
