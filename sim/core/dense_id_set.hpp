// A set of dense ids (0 to id_count - 1) kept as an unordered array with each member's position, so
// inserting, erasing and drawing a uniformly random member are O(1). The labour market keeps its
// workplaces with a vacancy in one and relocation its blocks with free housing.
// Erasing moves the last member into the freed place, so the order of members (and with it which
// member a draw by position picks) depends only on the sequence of inserts and erases; that keeps
// serial processes that draw from the set deterministic.
#pragma once

#include "core/assert.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace convivia {

class DenseIdSet {
 public:
  // Empties the set and allows ids below id_count.
  void reset(std::size_t id_count) {
    members_.clear();
    position_.assign(id_count, absent);
  }

  void insert(std::uint32_t id) {
    CONVIVIA_VALIDATE_ONLY(!contains(id), "inserted id is not yet a member");
    position_[id] = static_cast<std::uint32_t>(members_.size());
    members_.push_back(id);
  }

  void erase(std::uint32_t id) {
    CONVIVIA_VALIDATE_ONLY(contains(id), "erased id is a member");
    const std::uint32_t at = position_[id];
    members_[at] = members_.back();
    position_[members_[at]] = at;
    members_.pop_back();
    position_[id] = absent;
  }

  bool contains(std::uint32_t id) const { return position_[id] != absent; }
  bool empty() const { return members_.empty(); }
  std::size_t size() const { return members_.size(); }
  // The member at a position in [0, size()), e.g. a uniform draw of a position.
  std::uint32_t operator[](std::size_t position) const { return members_[position]; }

 private:
  static constexpr std::uint32_t absent = 0xffffffffu;
  std::vector<std::uint32_t> members_;
  std::vector<std::uint32_t> position_;  // per id: index in members_, or absent
};

}  // namespace convivia
