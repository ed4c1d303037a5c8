#include "crm/os/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"

namespace crm::os {

DurableFile DurableFile::create(const std::filesystem::path& path) {
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        throw RuntimeError(std::strerror(errno));
    sync_folder(path.parent_path());
    return DurableFile(path, fd);
}

void DurableFile::append(std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd_.get(), text.data(), text.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw RuntimeError(n < 0 ? std::strerror(errno) : "nothing written");
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd_.get()) != 0)
        throw RuntimeError(std::strerror(errno));
}

void DurableFile::discard() {
    fd_ = FileDescriptor(-1);
    remove_if_present(path_);
}

}  // namespace crm::os
