// Assertions for engine invariants. Input is validated at the boundary (sim/io); inside the engine a
// broken invariant is a bug, so it aborts with the location. CONVIVIA_CHECK is always on;
// CONVIVIA_VALIDATE_ONLY runs only in validation builds (debug and sanitizer presets) for heavy checks.
#pragma once

namespace convivia::detail {
[[noreturn]] void assertion_failed(const char* expression, const char* file, int line, const char* message);
}

#define CONVIVIA_CHECK(expr, message)                                                  \
  do {                                                                                  \
    if (!(expr)) ::convivia::detail::assertion_failed(#expr, __FILE__, __LINE__, message); \
  } while (false)

#if defined(CONVIVIA_VALIDATE)
#define CONVIVIA_VALIDATE_ONLY(expr, message) CONVIVIA_CHECK(expr, message)
#else
#define CONVIVIA_VALIDATE_ONLY(expr, message) ((void)0)
#endif
