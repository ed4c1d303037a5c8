#pragma once
// Memory for loading a whole folder, faulted in before it is filled.
//
// A firm's folder becomes some 50,000 records made of small allocations. On the virtual
// machines crm is measured on, the first touch of each 4 KiB page costs about 10 us, and
// left to fault page by page the heap of a warm `crm due` cost a third of its time.
// Faulting the same memory in with one madvise call, in huge pages where the kernel
// allows, costs a tenth of that (see bench/README.md).
#include <cstddef>

namespace crm::os {

// Makes the calling thread's next `bytes` of small allocations land on memory that is
// already mapped. The first call changes malloc's settings: make it before starting
// threads. Does nothing where it cannot (not glibc, an old kernel, a small request).
void prefault_heap(std::size_t bytes);

}  // namespace crm::os
