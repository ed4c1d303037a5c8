#include "crm/os/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <utility>

#include "crm/os/file_descriptor.hpp"

namespace crm::os {

std::optional<MappedFile> MappedFile::open(const std::filesystem::path& path, std::size_t min_size,
                                           std::size_t max_size) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0)
        return std::nullopt;
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size < min_size || size > max_size || size == 0)
        return std::nullopt;
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (map == MAP_FAILED)
        return std::nullopt;
    MappedFile file;
    file.data_ = static_cast<const char*>(map);
    file.size_ = size;
    return file;
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (data_)
            ::munmap(const_cast<char*>(data_), size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_)
        ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::populate([[maybe_unused]] const char* begin,
                          [[maybe_unused]] const char* end) const {
#ifdef MADV_POPULATE_READ
    if (end > begin)
        ::madvise(const_cast<char*>(begin), static_cast<std::size_t>(end - begin),
                  MADV_POPULATE_READ);
#endif
}

void MappedFile::release(const char* begin, const char* end) const {
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto first = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) & ~(page - 1);
    const auto last = reinterpret_cast<std::uintptr_t>(end) & ~(page - 1);
    if (last > first)
        // A page-aligned address inside the mapping, as madvise wants.
        ::madvise(reinterpret_cast<void*>(first),  // NOLINT(performance-no-int-to-ptr)
                  last - first, MADV_DONTNEED);
}

}  // namespace crm::os
