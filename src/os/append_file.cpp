#include "crm/os/append_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crm/os/file_descriptor.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::os {

void append_durable(const std::filesystem::path& path, std::string_view content, bool no_symlink) {
    const int flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | (no_symlink ? O_NOFOLLOW : 0);
    FileDescriptor fd(::open(path.c_str(), flags, 0600));
    if (fd.get() < 0)
        throw RuntimeError(fmt::format("cannot open {}: {}", path.string(), std::strerror(errno)));
    while (!content.empty()) {
        ssize_t n = ::write(fd.get(), content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw RuntimeError(
                fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd.get()) != 0)
        throw RuntimeError(fmt::format("cannot flush {}: {}", path.string(), std::strerror(errno)));
}

}  // namespace crm::os
