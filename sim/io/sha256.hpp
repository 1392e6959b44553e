// SHA-256 of a byte string as 64 lowercase hex digits. Used to record the hash of the scenario text
// in every output file, so a result can be matched to the exact scenario that produced it.
// Assumes OpenSSL's libcrypto (EVP interface); throws std::runtime_error if the digest fails.
#pragma once

#include <string>
#include <string_view>

namespace convivia {

std::string sha256_hex(std::string_view data);

}  // namespace convivia
