// Named timing slots for the per-system profile.
#include "core/profile.hpp"

namespace convivia {

std::size_t Profile::slot(const std::string& name) {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].name == name) return i;
  entries_.push_back(Entry{name, 0.0, 0});
  return entries_.size() - 1;
}

double Profile::total_seconds() const {
  double total = 0.0;
  for (const Entry& entry : entries_) total += entry.seconds;
  return total;
}

}  // namespace convivia
