#include "crm/os/activity_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"

namespace crm::os {

ActivityLock::ActivityLock(const std::filesystem::path& root, const std::string& name) {
    const std::string relative = std::string(kPrivateDir) + "/" + name + ".lock";
    ensure_no_symlinks(root, relative);
    ensure_private_dir(root);
    const auto path = root / relative;
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw RuntimeError("cannot open the lock " + path.string() + ": " + std::strerror(errno));
    // flock goes with the process: a killed crm never leaves it held.
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno != EINTR) {
            ::close(fd_);
            throw RuntimeError("cannot lock " + path.string() + ": " + std::strerror(errno));
        }
    }
}

ActivityLock::~ActivityLock() {
    if (fd_ >= 0)
        ::close(fd_);
}

}  // namespace crm::os
