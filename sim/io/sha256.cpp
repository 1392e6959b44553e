// SHA-256 through OpenSSL's EVP interface (the low-level SHA256_* functions are deprecated in 3.0).
#include "io/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace convivia {

struct Sha256::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> evp{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (!context_->evp || EVP_DigestInit_ex(context_->evp.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 digest failed (OpenSSL EVP)");
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size) {
  if (EVP_DigestUpdate(context_->evp.get(), data, size) != 1) throw std::runtime_error("SHA-256 digest failed (OpenSSL EVP)");
}

std::array<std::uint8_t, 32> Sha256::finish() {
  std::array<std::uint8_t, 32> digest{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context_->evp.get(), digest.data(), &size) != 1 || size != digest.size())
    throw std::runtime_error("SHA-256 digest failed (OpenSSL EVP)");
  return digest;
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data.data(), data.size());
  static constexpr char hex_digits[] = "0123456789abcdef";
  std::string hex;
  for (const std::uint8_t byte : hash.finish()) {
    hex.push_back(hex_digits[byte >> 4]);
    hex.push_back(hex_digits[byte & 0x0f]);
  }
  return hex;
}

}  // namespace convivia
