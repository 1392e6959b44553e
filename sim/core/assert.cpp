// Reports a failed engine invariant and aborts (see assert.hpp).
#include "core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace convivia::detail {
void assertion_failed(const char* expression, const char* file, int line, const char* message) {
  std::fprintf(stderr, "convivia: internal error: %s (%s) at %s:%d\n", message, expression, file, line);
  std::abort();
}
}  // namespace convivia::detail
