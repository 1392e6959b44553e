// A 64-bit FNV-1a state hash over raw array bytes. Used by determinism tests, golden hashes and
// checkpoints; it is not cryptographic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace convivia {

class StateHasher {
 public:
  void add_bytes(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      value_ ^= bytes[i];
      value_ *= 1099511628211ull;
    }
  }
  template <class T>
  void add(const std::vector<T>& values) {
    add_bytes(values.data(), values.size() * sizeof(T));
  }
  template <class T>
  void add_value(const T& value) {
    add_bytes(&value, sizeof(T));
  }
  std::uint64_t value() const { return value_; }

 private:
  std::uint64_t value_ = 14695981039346656037ull;
};

}  // namespace convivia
