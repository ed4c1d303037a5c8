#include "crm/os/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "crm/os/file_descriptor.hpp"
#include "crm/os/files.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::os {

namespace {

std::string reason() {
    return std::strerror(errno);
}

std::string random_hex() {
    std::random_device device;
    std::uint64_t v = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 12; ++i, v >>= 4)
        s += kHex[v & 0xF];
    return s;
}

}  // namespace

void write_output_file(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    struct stat old;
    const bool exists = ::stat(path.c_str(), &old) == 0;
    if (exists && S_ISDIR(old.st_mode))
        throw RuntimeError(fmt::format("cannot write {}: it is a folder", path.string()),
                           fmt::format("name a file, e.g. {}", (path / "report.html").string()));
    const std::filesystem::path temp =
        dir / (fmt::format(".{}{}{}", path.filename().string(), kTempMarker, random_hex()));
    FileDescriptor fd(
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        throw RuntimeError(fmt::format("cannot write {}: {}", path.string(), reason()));
    try {
        if (exists && S_ISREG(old.st_mode))
            (void)::fchmod(fd.get(), old.st_mode & 07777);
        while (!content.empty()) {
            const ssize_t n = ::write(fd.get(), content.data(), content.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                throw RuntimeError(fmt::format("cannot write {}: {}", path.string(), reason()));
            content.remove_prefix(static_cast<std::size_t>(n));
        }
        if (::fsync(fd.get()) != 0)
            throw RuntimeError(fmt::format("cannot write {}: {}", path.string(), reason()));
        ::close(fd.release());
        if (::rename(temp.c_str(), path.c_str()) != 0)
            throw RuntimeError(fmt::format("cannot write {}: {}", path.string(), reason()));
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    FileDescriptor folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() >= 0)
        ::fsync(folder.get());
}

}  // namespace crm::os
