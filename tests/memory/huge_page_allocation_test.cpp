// The programs' allocator for large blocks (sim/memory/huge_page_allocation.cpp): large blocks are
// aligned to 2 MiB and, where the kernel offers transparent huge pages, backed by them once touched;
// impossible sizes throw as with the standard allocator.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <limits>
#include <new>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr std::uintptr_t huge_page_bytes = std::uintptr_t{2} << 20;

// The kernel's transparent huge page mode: "always", "madvise" or "never" (empty if unknown).
std::string transparent_huge_page_mode() {
  std::ifstream file("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(file, line);
  const auto open = line.find('['), close = line.find(']');
  return open == std::string::npos || close == std::string::npos ? "" : line.substr(open + 1, close - open - 1);
}

// AnonHugePages (kB) of the mapping of this process that holds `address`, from /proc/self/smaps.
long huge_kilobytes_at(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.rfind("AnonHugePages:", 0) == 0) {
      return std::stol(line.substr(14));
    }
  }
  return -1;
}

TEST(HugePageAllocation, LargeBlocksAreAlignedToHugePages) {
  for (std::size_t mebibytes : {1, 3, 16}) {
    std::vector<std::uint8_t> block(mebibytes << 20);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block.data()) % huge_page_bytes, 0u) << mebibytes << " MiB";
  }
}

TEST(HugePageAllocation, AnImpossibleSizeThrowsBadAlloc) {
  // volatile: sizes the compiler would otherwise refuse to compile as certain to fail
  volatile std::size_t almost_all = std::numeric_limits<std::size_t>::max() - 1;
  volatile std::size_t half = std::numeric_limits<std::size_t>::max() / 2;
  EXPECT_THROW((void)::operator new(almost_all), std::bad_alloc);
  EXPECT_THROW((void)::operator new(half), std::bad_alloc);
}

TEST(HugePageAllocation, ATouchedLargeBlockIsBackedByHugePages) {
  const std::string mode = transparent_huge_page_mode();
  if (mode != "always" && mode != "madvise") GTEST_SKIP() << "transparent huge pages are '" << mode << "' here";
  std::vector<std::uint8_t> block(16u << 20, 1);  // written through: every page touched
  const long huge = huge_kilobytes_at(block.data());
  EXPECT_GE(huge, 2048) << "no 2 MiB page backs the 16 MiB block (AnonHugePages " << huge << " kB)";
}

}  // namespace
