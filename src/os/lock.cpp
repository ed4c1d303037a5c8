#include "crm/os/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::os {

int lock_private_file(const std::filesystem::path& root, const std::string& relative) {
    ensure_no_symlinks(root, relative);
    ensure_private_dir(root);
    const auto path = root / relative;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        throw RuntimeError(
            fmt::format("cannot open the lock {}: {}", path.string(), std::strerror(errno)));
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            ::close(fd);
            throw RuntimeError(
                fmt::format("cannot lock {}: {}", path.string(), std::strerror(errno)));
        }
    }
    return fd;
}

// What a killed crm left behind is its holder's to clean (remove_stale_temp_files),
// once it has read the killed one's journal: store::Transaction does both.
FolderLock::FolderLock(const std::filesystem::path& root)
    : fd_(lock_private_file(root, ".crm/lock")) {}

FolderLock::~FolderLock() {
    if (fd_ >= 0)
        ::close(fd_);
}

}  // namespace crm::os
