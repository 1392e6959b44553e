// SHA-256 through OpenSSL's EVP interface (the low-level SHA256_* functions are deprecated in 3.0).
#include "io/sha256.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace convivia {

std::string sha256_hex(std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &digest_size) != 1) {
    throw std::runtime_error("SHA-256 digest failed (OpenSSL EVP)");
  }
  static constexpr char hex_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * digest_size);
  for (unsigned int i = 0; i < digest_size; ++i) {
    hex.push_back(hex_digits[digest[i] >> 4]);
    hex.push_back(hex_digits[digest[i] & 0x0f]);
  }
  return hex;
}

}  // namespace convivia
