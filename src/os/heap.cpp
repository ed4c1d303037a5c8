#include "crm/os/heap.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace crm::os {

void prefault_heap(std::size_t bytes) {
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
    constexpr std::size_t kMin = 4u << 20;
    constexpr std::size_t kBlock = 16u << 20;  // under glibc's largest mmap threshold
    constexpr std::size_t kMax = 256u << 20;
    if (bytes < kMin)
        return;
    bytes = std::min(bytes, kMax);
    // Blocks from the heap (not separate mappings), which stay in the heap once freed
    // (no trimming): the records' allocations then reuse their pages.
    static std::once_flag configure;
    static bool configured = false;
    std::call_once(configure, [] {
        configured = mallopt(M_MMAP_THRESHOLD, static_cast<int>(kBlock * 2)) != 0 &&
                     mallopt(M_TRIM_THRESHOLD, static_cast<int>(kMax * 2)) != 0;
    });
    if (!configured)
        return;
    std::vector<void*> blocks;
    for (std::size_t done = 0; done < bytes; done += kBlock) {
        const std::size_t size = std::min(kBlock, bytes - done);
        void* p = std::malloc(size);
        if (!p)
            break;
        blocks.push_back(p);
        constexpr std::uintptr_t kPage = 4096;
        auto begin = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
        auto end = (reinterpret_cast<std::uintptr_t>(p) + size) & ~(kPage - 1);
        if (end <= begin)
            continue;
        // The page-aligned start of the block: madvise wants whole pages.
        auto* start = reinterpret_cast<void*>(begin);  // NOLINT(performance-no-int-to-ptr)
        ::madvise(start, end - begin, MADV_HUGEPAGE);
        ::madvise(start, end - begin, MADV_POPULATE_WRITE);
    }
    for (void* p : blocks)
        std::free(p);
#else
    (void)bytes;
#endif
}

}  // namespace crm::os
