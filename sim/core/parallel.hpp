// The one wrapper over oneTBB used by the engine. parallel_for hands out index ranges; callers must
// not let results depend on how ranges are split. Floating-point reductions therefore go through
// reduce_blocks, which sums fixed-size blocks of indices (independent of the thread count) and
// combines the block sums in block order, so they are bitwise identical for any thread count.
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

// Residents per block of a reduction over all residents: large enough to amortise a task, small
// enough to balance two to many cores at 1M residents.
inline constexpr std::size_t reduction_block_size = 16384;

// Deterministic reduction over [0, count): sum_block(blocks[b], begin, end) adds the indices of block b
// (fixed blocks of block_size, whatever the thread count) into blocks[b], in parallel; combine then
// receives the block sums in block order. `blocks` is resized here; new elements are value-initialised
// and reused ones keep their old contents (and storage), so sum_block must reset what it reuses.
template <class Sums, class SumBlock, class Combine>
void reduce_blocks(std::size_t count, std::size_t block_size, std::vector<Sums>& blocks, SumBlock&& sum_block,
                   Combine&& combine) {
  const std::size_t block_count = (count + block_size - 1) / block_size;
  blocks.resize(block_count);
  parallel_for(block_count, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t b = first; b < last; ++b) sum_block(blocks[b], b * block_size, std::min(count, (b + 1) * block_size));
  });
  for (const Sums& sums : blocks) combine(sums);
}

}  // namespace convivia
