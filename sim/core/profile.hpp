// Wall-clock time per named system, accumulated over a run and printed by `convivia run --profile`.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace convivia {

class Profile {
 public:
  struct Entry {
    std::string name;
    double seconds = 0.0;
    long long calls = 0;
  };

  // Returns the index of `name`, adding it the first time.
  std::size_t slot(const std::string& name);
  void add(std::size_t slot_index, double seconds) {
    entries_[slot_index].seconds += seconds;
    entries_[slot_index].calls += 1;
  }
  const std::vector<Entry>& entries() const { return entries_; }
  double total_seconds() const;

 private:
  std::vector<Entry> entries_;
};

// Adds the lifetime of the scope to one profile entry.
class ScopedTimer {
 public:
  ScopedTimer(Profile& profile, std::size_t slot_index)
      : profile_(profile), slot_(slot_index), start_(std::chrono::steady_clock::now()) {}
  ~ScopedTimer() {
    profile_.add(slot_, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  Profile& profile_;
  std::size_t slot_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace convivia
