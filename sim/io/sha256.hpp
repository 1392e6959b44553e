// SHA-256: of a byte string as 64 lowercase hex digits (the hash of the scenario text recorded in
// every output file, so a result can be matched to the exact scenario that produced it), and
// incrementally over data too large to hold at once (the integrity hash of a checkpoint).
// Assumes OpenSSL's libcrypto (EVP interface); throws std::runtime_error if the digest fails.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace convivia {

std::string sha256_hex(std::string_view data);

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const void* data, std::size_t size);
  std::array<std::uint8_t, 32> finish();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace convivia
