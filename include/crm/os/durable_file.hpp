#pragma once
// A file written a piece at a time, each piece on the disk before append() returns: the
// journal of a writing command, which must be there after a crash however early it comes.
//
// Calling sequence: create() (the file is new, or emptied), append() any number of
// times, then discard() when its job is done (the file goes) or let the object go (the
// file stays, closed). Nothing here follows a symbolic link.
#include <filesystem>
#include <string_view>

#include "crm/os/file_descriptor.hpp"

namespace crm::os {

class DurableFile {
  public:
    // Creates `path` (mode 0600) or empties it, and makes its name durable (the folder is
    // synced). Throws RuntimeError with the system's reason (disk full, permissions).
    static DurableFile create(const std::filesystem::path& path);

    DurableFile(DurableFile&&) = default;
    DurableFile& operator=(DurableFile&&) = default;

    // Writes all of `text` at the end, then fsyncs; throws RuntimeError with the reason.
    void append(std::string_view text);

    // Closes the file and removes it.
    void discard();

  private:
    DurableFile(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
    std::filesystem::path path_;
    FileDescriptor fd_;
};

}  // namespace crm::os
