#pragma once
// A file mapped read-only into memory, for the record cache: read where it is, and its
// pages given back to the kernel once read, so that a 60 MB cache is not all counted in
// the process's memory at the end of a walk. The mapping is private and never written:
// a page read again comes back from the page cache as it was.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>

namespace crm::os {

class MappedFile {
  public:
    MappedFile() = default;
    // The regular file at `path` (never through a link) when its size is within
    // [min_size, max_size]; nullopt otherwise, or when it cannot be read.
    static std::optional<MappedFile> open(const std::filesystem::path& path, std::size_t min_size,
                                          std::size_t max_size);
    MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    const char* data() const { return data_; }
    std::size_t size() const { return size_; }
    bool holds(std::string_view bytes) const {
        return data_ && bytes.data() >= data_ && bytes.data() + bytes.size() <= data_ + size_;
    }

    // Reads [begin, end) in ahead with one call rather than a fault per page.
    void populate(const char* begin, const char* end) const;
    // Gives the whole pages inside [begin, end) back to the kernel.
    void release(const char* begin, const char* end) const;

  private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace crm::os
