#include "crm/os/activity_lock.hpp"

#include <unistd.h>

#include "crm/os/files.hpp"
#include "crm/os/lock.hpp"
#include "crm/util/format.hpp"

namespace crm::os {

ActivityLock::ActivityLock(const std::filesystem::path& root, const std::string& name)
    : fd_(lock_private_file(root, fmt::format("{}/{}.lock", kPrivateDir, name))) {}

ActivityLock::~ActivityLock() {
    if (fd_ >= 0)
        ::close(fd_);
}

}  // namespace crm::os
