#pragma once
// A folder held open, and what is in it, asked relative to it: the record walk reads a
// firm's 55,000 files with readdir and fstatat on each folder's descriptor, never a path
// looked up from the root, and never through a symbolic link.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crm/os/file_descriptor.hpp"
#include "crm/os/files.hpp"

namespace crm::os {

// What an entry is, and the stamp by which a cache knows it unchanged.
struct EntryStat {
    EntryKind kind = EntryKind::missing;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
};

class Dir {
  public:
    // The folder at `path`; nullopt when it is missing, is a link, or is no folder.
    static std::optional<Dir> open(const std::filesystem::path& path);
    // A folder in this one, likewise.
    std::optional<Dir> open_sub(const std::string& name) const;
    // What `name` in this folder is (a link is a link, never what it points to).
    EntryStat stat(const std::string& name) const;
    // The names in it but . and .., sorted.
    std::vector<std::string> sorted_names() const;
    // For the reads that take a folder's descriptor (files.hpp: read_data_file_at).
    int fd() const { return fd_.get(); }

  private:
    explicit Dir(int fd) : fd_(fd) {}
    FileDescriptor fd_;
};

}  // namespace crm::os
