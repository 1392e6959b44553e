// The shared rules of what one contact does to trust and ties (systems/contact_effects.hpp).
#include "systems/contact_effects.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace convivia::testing {
namespace {

Population residents_with_free_ties(std::size_t count) {
  Population residents;
  residents.tie_resident.assign(count * tie_slots, no_resident);
  residents.tie_strength.assign(count * tie_slots, 0.0f);
  residents.tie_group.assign(count * tie_slots, 0);
  residents.group.assign(count, 0);
  for (std::size_t i = 0; i < count; i += 2) residents.group[i] = 1;
  return residents;
}

std::vector<std::uint32_t> ties_of(const Population& residents, std::uint32_t self) {
  const auto begin = residents.tie_resident.begin() + static_cast<std::ptrdiff_t>(self) * tie_slots;
  return {begin, begin + tie_slots};
}

TEST(Ties, RepeatedContactStrengthensOneTieUpToOne) {
  Population residents = residents_with_free_ties(2);
  for (int k = 0; k < 15; ++k) strengthen_tie(residents, 0, 1);
  EXPECT_EQ(std::count(residents.tie_resident.begin(), residents.tie_resident.begin() + tie_slots, 1u), 1);
  EXPECT_FLOAT_EQ(residents.tie_strength[0], 1.0f);
}

TEST(Ties, AFullSetReplacesItsWeakestTie) {
  Population residents = residents_with_free_ties(10);
  for (std::uint32_t other = 1; other <= tie_slots; ++other)
    for (std::uint32_t k = 0; k < other; ++k) strengthen_tie(residents, 0, other);  // tie to 1 is the weakest
  strengthen_tie(residents, 0, 9);
  const std::vector<std::uint32_t> ties = ties_of(residents, 0);
  EXPECT_EQ(std::count(ties.begin(), ties.end(), 1u), 0);
  EXPECT_EQ(std::count(ties.begin(), ties.end(), 9u), 1);
  EXPECT_EQ(std::count(ties.begin(), ties.end(), 4u), 1);
}

TEST(Ties, EachTieKeepsTheGroupOfTheTiedResident) {
  Population residents = residents_with_free_ties(10);
  for (std::uint32_t other = 1; other <= tie_slots + 1; ++other) strengthen_tie(residents, 0, other);
  for (std::size_t k = 0; k < tie_slots; ++k)
    EXPECT_EQ(residents.tie_group[k], residents.group[residents.tie_resident[k]]) << "slot " << k;
}

TEST(Ties, AFreedSlotBeforeAnExistingTieDoesNotDuplicateIt) {
  Population residents = residents_with_free_ties(10);
  strengthen_tie(residents, 0, 1);
  strengthen_tie(residents, 0, 2);
  residents.tie_resident[0] = no_resident;  // the resident in the first slot left the city
  strengthen_tie(residents, 0, 2);
  const std::vector<std::uint32_t> ties = ties_of(residents, 0);
  EXPECT_EQ(std::count(ties.begin(), ties.end(), 2u), 1);
  EXPECT_FLOAT_EQ(residents.tie_strength[1], 2 * tie_strength_per_contact);
}

TEST(ContactTrust, PositiveContactRaisesTrustTowardTheGroupAndASmallerShareTowardOthers) {
  EncounterConfig config;
  config.rate_positive = 0.1f;
  config.secondary_transfer = 0.5f;
  std::vector<float> trust{0.9f, 0.5f, 0.5f, 0.5f};  // own group 0; contact with group 1
  positive_contact_trust(trust.data(), 0, 1, 4, config);
  EXPECT_FLOAT_EQ(trust[0], 0.9f);
  EXPECT_FLOAT_EQ(trust[1], 0.55f);
  EXPECT_FLOAT_EQ(trust[2], 0.5f + 0.025f * 0.5f);  // 0.1 * 0.5 spread over two other out-groups
  EXPECT_FLOAT_EQ(trust[3], trust[2]);
}

TEST(ContactTrust, NegativeContactLowersOnlyTrustTowardThatGroup) {
  EncounterConfig config;
  config.rate_negative = 0.2f;
  std::vector<float> trust{0.9f, 0.5f, 0.5f};
  negative_contact_trust(trust.data(), 2, config);
  EXPECT_FLOAT_EQ(trust[2], 0.4f);
  EXPECT_FLOAT_EQ(trust[1], 0.5f);
}

}  // namespace
}  // namespace convivia::testing
