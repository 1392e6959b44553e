// Large blocks on transparent huge pages, for the programs that run simulations (linked into them
// only, not into the libraries or the tests).
//
// The encounter step reads the state of residents scattered over the whole city, so in a large city
// nearly every such read with 4 KiB pages also misses the processor's address translation cache.
// Blocks of 1 MiB or more (at a million residents every per-resident array of four or more bytes
// per resident; one-byte arrays from about 1.05 million residents) are therefore aligned to 2 MiB
// and marked MADV_HUGEPAGE before their first use, which lets the kernel back them with 2 MiB
// pages wherever transparent huge pages are not switched off (Debian's default is "madvise"). The mmap threshold is fixed at that size so such blocks are
// always fresh mappings, never reused heap memory that has 4 KiB pages already. Results are the
// same bit for bit; only the speed changes (bench/README.md). Everything smaller, and every block
// when the kernel ignores the advice, is as before. Sanitizer builds keep their own allocator.
#include <malloc.h>
#include <sys/mman.h>

#include <cstdlib>
#include <limits>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CONVIVIA_HUGE_PAGES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CONVIVIA_HUGE_PAGES 0
#endif
#endif
#ifndef CONVIVIA_HUGE_PAGES
#define CONVIVIA_HUGE_PAGES 1
#endif

#if CONVIVIA_HUGE_PAGES
namespace {

constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;
constexpr std::size_t large_block_bytes = std::size_t{1} << 20;

// Before main: from here on malloc maps every large block afresh and unmaps it when freed.
[[maybe_unused]] const bool mmap_threshold_fixed = mallopt(M_MMAP_THRESHOLD, static_cast<int>(large_block_bytes)) == 1;

void* allocate(std::size_t bytes) {
  if (bytes < large_block_bytes) return std::malloc(bytes == 0 ? 1 : bytes);
  if (bytes > std::numeric_limits<std::size_t>::max() - huge_page_bytes) return nullptr;  // rounding up would wrap
  const std::size_t rounded = (bytes + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
  void* block = std::aligned_alloc(huge_page_bytes, rounded);
  if (block != nullptr) ::madvise(block, rounded, MADV_HUGEPAGE);  // advice: refused, the block keeps small pages
  return block;
}

}  // namespace

void* operator new(std::size_t bytes) {
  for (;;) {
    if (void* block = allocate(bytes)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* operator new[](std::size_t bytes) { return ::operator new(bytes); }
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
#endif
