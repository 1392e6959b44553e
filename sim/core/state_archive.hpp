// One list of the fields that make up a simulation's state, walked by several archives: a hasher
// (Simulation::state_hash), a writer and a reader (checkpoints, io/checkpoint). Because hashing,
// saving and restoring walk the same list, the state hash covers exactly what a checkpoint
// restores. Values are raw bytes of trivially copyable types (checkpoints are read back by the
// same build on the same kind of machine: the format version and the scenario hash guard that).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace convivia {

// A damaged or truncated state while reading.
class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StateArchive {
 public:
  virtual ~StateArchive() = default;
  virtual bool reading() const = 0;
  // Writing (or hashing): consumes size bytes at data. Reading: fills them; throws StateError at the end.
  virtual void bytes(void* data, std::size_t size) = 0;
  // Reading: bytes left, so a damaged length cannot make a vector larger than the file.
  virtual std::uint64_t remaining() const { return UINT64_MAX; }
};

template <class T>
void archive_value(StateArchive& archive, T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  archive.bytes(&value, sizeof(T));
}

template <class T>
void archive_vector(StateArchive& archive, std::vector<T>& values) {
  static_assert(std::is_trivially_copyable_v<T>);
  std::uint64_t count = values.size();
  archive_value(archive, count);
  if (archive.reading()) {
    if (count > archive.remaining() / sizeof(T)) throw StateError("a table is longer than the data left");
    values.resize(static_cast<std::size_t>(count));
  }
  if (count > 0) archive.bytes(values.data(), static_cast<std::size_t>(count) * sizeof(T));
}

// Hashes what it is given (FNV-1a, 64 bits; not cryptographic: determinism tests and golden hashes).
class HashArchive final : public StateArchive {
 public:
  bool reading() const override { return false; }
  void bytes(void* data, std::size_t size) override {
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint64_t h = value_;
    for (std::size_t i = 0; i < size; ++i) {
      h ^= p[i];
      h *= 1099511628211ull;
    }
    value_ = h;
  }
  std::uint64_t value() const { return value_; }

 private:
  std::uint64_t value_ = 14695981039346656037ull;
};

}  // namespace convivia
