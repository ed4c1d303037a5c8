#include "crm/os/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"

namespace crm::os {

FolderLock::FolderLock(const std::filesystem::path& root) {
    ensure_no_symlinks(root, ".crm/lock");
    ensure_private_dir(root);
    const auto path = root / ".crm" / "lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw RuntimeError("cannot open the lock " + path.string() + ": " + std::strerror(errno));
    // flock is released by the kernel when the process dies, so a killed crm never
    // leaves the folder locked.
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno != EINTR) {
            ::close(fd_);
            throw RuntimeError("cannot lock " + path.string() + ": " + std::strerror(errno));
        }
    }
    // Every writer holds this lock, so no write is in progress: what a killed crm left
    // behind can go.
    remove_stale_temp_files(root);
}

FolderLock::~FolderLock() {
    if (fd_ >= 0)
        ::close(fd_);
}

}  // namespace crm::os
