// The one wrapper over oneTBB used by the engine. parallel_for hands out index ranges; callers must
// not let results depend on how ranges are split. deterministic_sum reduces in fixed-size blocks
// whose partial results are combined in block order, so floating-point sums are bitwise identical
// for any thread count.
#pragma once

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace convivia {

#if defined(CONVIVIA_PARALLEL_STD_THREADS)
// ThreadSanitizer builds: the prebuilt oneTBB library is not instrumented, so ThreadSanitizer cannot
// see its task hand-offs and reports false races in every parallel loop. There the loops run on
// plain threads (as many as oneTBB would be allowed) taking chunks of `grain` indices, which keeps
// our own code's races visible.
template <class Body>
void parallel_for(std::size_t count, std::size_t grain, Body&& body) {
  if (count == 0) return;
  grain = std::max<std::size_t>(grain, 1);
  const std::size_t chunks = (count + grain - 1) / grain;
  const std::size_t workers =
      std::min(chunks, std::max<std::size_t>(1, tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism)));
  std::atomic<std::size_t> next_chunk{0};
  const auto work = [&] {
    for (std::size_t chunk = next_chunk++; chunk < chunks; chunk = next_chunk++)
      body(chunk * grain, std::min(count, (chunk + 1) * grain));
  };
  std::vector<std::thread> helpers;
  for (std::size_t w = 1; w < workers; ++w) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
}
#else
template <class Body>
void parallel_for(std::size_t count, std::size_t grain, Body&& body) {
  if (count == 0) return;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, grain == 0 ? 1 : grain),
                    [&](const tbb::blocked_range<std::size_t>& range) { body(range.begin(), range.end()); });
}
#endif

// Calls block_body(begin, end, partial) for fixed blocks of `block_size` indices in parallel, each
// with its own zero-initialised Partial, then folds the partials in block order with combine(total, partial).
template <class Partial, class BlockBody, class Combine>
Partial deterministic_reduce(std::size_t count, std::size_t block_size, const Partial& zero,
                             BlockBody&& block_body, Combine&& combine) {
  const std::size_t block_count = (count + block_size - 1) / block_size;
  std::vector<Partial> partials(block_count, zero);
  parallel_for(block_count, 1, [&](std::size_t first_block, std::size_t last_block) {
    for (std::size_t b = first_block; b < last_block; ++b) {
      const std::size_t begin = b * block_size;
      const std::size_t end = begin + block_size < count ? begin + block_size : count;
      block_body(begin, end, partials[b]);
    }
  });
  Partial total = zero;
  for (const Partial& partial : partials) combine(total, partial);
  return total;
}

}  // namespace convivia
