#include "crm/os/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <utility>

#include "crm/os/file_descriptor.hpp"
#include "crm/util/error.hpp"

namespace crm::os {

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

std::string random_suffix() {
    static std::random_device device;
    static std::mt19937_64 gen(device() ^ (static_cast<std::uint64_t>(::getpid()) << 32));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    auto v = gen();
    for (int i = 0; i < 12; ++i, v >>= 4)
        s += kHex[v & 0xF];
    return s;
}

void write_all(int fd, std::string_view content, const fs::path& path) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw RuntimeError("cannot write " + path.string() + ": " + errno_text());
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

void fsync_dir(const fs::path& dir) {
    FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0)
        ::fsync(fd.get());
}

constexpr const char* kTempDir = ".crm/tmp";

// Derived files' temporary files older than this belong to a killed process, not to a
// reader writing the cache right now (readers do not take the lock).
constexpr auto kStaleDerived = std::chrono::minutes(1);

// Creates the folders of `relative` below `root` that are missing, one by one, each made
// durable by an fsync of its parent (a new visits/ folder must survive a crash with the
// file in it).
void create_folders(const fs::path& root, const fs::path& relative, bool durable) {
    fs::path current = root;
    for (const auto& part : relative) {
        current /= part;
        if (::mkdir(current.c_str(), 0777) == 0) {
            if (durable)
                fsync_dir(current.parent_path());
        } else if (errno != EEXIST) {
            throw RuntimeError("cannot create " + current.string() + ": " + errno_text());
        }
    }
}

}  // namespace

void ensure_private_dir(const fs::path& root) {
    ensure_no_symlinks(root, std::string(kPrivateDir) + "/.gitignore");
    const fs::path dir = root / kPrivateDir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw RuntimeError("cannot create " + dir.string() + ": " + ec.message());
    const fs::path ignore = dir / ".gitignore";
    struct stat st;
    if (::lstat(ignore.c_str(), &st) == 0)
        return;
    // O_EXCL: two processes creating it at once both succeed in the end.
    FileDescriptor fd(
        ::open(ignore.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        return;
    constexpr std::string_view kIgnoreAll =
        "# crm's own files, derived and private to this clone: git never sees them.\n*\n";
    write_all(fd.get(), kIgnoreAll, ignore);
}

void remove_stale_temp_files(const fs::path& root) {
    try {
        ensure_no_symlinks(root, kTempDir);
    } catch (const RuntimeError&) {
        return;
    }
    for (const auto& name : list_dir(root / kTempDir)) {
        if (name.find(kTempMarker) == std::string::npos)
            continue;
        // A folder is what a killed remove_tree renamed away; remove_all never follows
        // a link inside it.
        std::error_code ec;
        if (::unlink((root / kTempDir / name).c_str()) != 0 && errno == EISDIR)
            fs::remove_all(root / kTempDir / name, ec);
    }
    const fs::path dir = root / kPrivateDir;
    const auto now = fs::file_time_type::clock::now();
    for (const auto& name : list_dir(dir)) {
        if (!name.starts_with('.') || name.find(kTempMarker) == std::string::npos)
            continue;
        std::error_code ec;
        auto when = fs::last_write_time(dir / name, ec);
        if (!ec && now - when > kStaleDerived)
            ::unlink((dir / name).c_str());
    }
}

FileDescriptor open_input(const fs::path& path) {
    // Non-blocking, so that a named pipe (a FIFO in a maildir) is refused, never waited on.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0)
        throw RuntimeError("cannot read " + path.string() + ": " + errno_text());
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        throw RuntimeError("cannot read " + path.string() + ": " + errno_text());
    if (S_ISDIR(st.st_mode))
        throw RuntimeError("cannot read " + path.string() + ": it is a folder");
    if (!S_ISREG(st.st_mode))
        throw RuntimeError("cannot read " + path.string() + ": it is not a regular file");
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd;
}

FileDescriptor memory_file(std::string_view bytes) {
    FileDescriptor fd(::memfd_create("crm-input", MFD_CLOEXEC));
    if (fd.get() < 0)
        throw RuntimeError("cannot hold standard input: " + errno_text());
    write_all(fd.get(), bytes, "standard input");
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

std::optional<std::string> read_file(const fs::path& path, std::size_t limit) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throw RuntimeError("cannot read " + path.string() + ": " + errno_text());
    }
    // Read straight into a buffer of the file's size: growing it chunk by chunk would
    // copy a large file (the record cache) several times over.
    struct stat st;
    std::size_t expected = ::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode)
                               ? static_cast<std::size_t>(st.st_size)
                               : 0;
    std::string out(std::min(expected, limit) + 1, '\0');  // +1 notices a file that grew
    std::size_t used = 0;
    while (used <= limit) {
        if (used == out.size())
            out.resize(std::min(out.size() * 2, limit + 1));
        ssize_t n = ::read(fd.get(), out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw RuntimeError("cannot read " + path.string() + ": " + errno_text());
        }
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    out.resize(used);
    return out;
}

void ensure_no_symlinks(const fs::path& root, const fs::path& relative) {
    fs::path current = root;
    for (const auto& part : relative) {
        if (part == "." || part.empty())
            continue;
        if (part == "..")
            throw RuntimeError("refusing a path that leaves the folder: " + relative.string());
        current /= part;
        struct stat st;
        if (::lstat(current.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
            throw RuntimeError(
                current.string() + " is a symbolic link; crm does not write through links",
                "replace the link with a real file or folder");
        }
    }
}

namespace {

// Writes `parts` to `root / relative` through a temporary file in `temp_dir` (relative
// to root) and a rename. `durable` adds the fsyncs that make the new content survive a
// crash.
void write_parts_atomically(const fs::path& root, const fs::path& relative,
                            const std::vector<std::string_view>& parts, bool exclusive,
                            bool durable, const fs::path& temp_dir,
                            const std::function<void(std::string_view)>& written = {}) {
    ensure_no_symlinks(root, relative);
    ensure_no_symlinks(root, temp_dir);
    const fs::path target = root / relative;
    const fs::path dir = target.parent_path();
    create_folders(root, relative.parent_path(), durable);
    create_folders(root, temp_dir, false);
    // A folder may have raced a link into place; check again before writing.
    ensure_no_symlinks(root, relative.parent_path());
    ensure_no_symlinks(root, temp_dir);

    const fs::path temp =
        root / temp_dir /
        ("." + target.filename().string() + std::string(kTempMarker) + random_suffix());
    // 0666 less the umask, as any editor would create it; a file replaced keeps its own.
    FileDescriptor fd(
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        throw RuntimeError("cannot create " + temp.string() + ": " + errno_text());
    try {
        struct stat old;
        if (!exclusive && ::lstat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode))
            (void)::fchmod(fd.get(), old.st_mode & 07777);
        for (auto part : parts) {
            write_all(fd.get(), part, temp);
            if (written)
                written(part);
        }
        if (durable && ::fsync(fd.get()) != 0)
            throw RuntimeError("cannot flush " + temp.string() + ": " + errno_text());
        ::close(fd.release());
        if (exclusive) {
            // link() fails when the target exists, unlike rename(); new records never replace.
            if (::link(temp.c_str(), target.c_str()) != 0) {
                if (errno == EEXIST)
                    throw RuntimeError(target.string() + " already exists");
                throw RuntimeError("cannot create " + target.string() + ": " + errno_text());
            }
            ::unlink(temp.c_str());
        } else if (::rename(temp.c_str(), target.c_str()) != 0) {
            throw RuntimeError("cannot replace " + target.string() + ": " + errno_text());
        }
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (durable)
        fsync_dir(dir);
}

}  // namespace

fs::path write_staged(const fs::path& root, std::string_view content) {
    ensure_private_dir(root);
    ensure_no_symlinks(root, kTempDir);
    create_folders(root, kTempDir, false);
    fs::path staged = fs::path(kTempDir) / (".staged" + std::string(kTempMarker) + random_suffix());
    FileDescriptor fd(::open((root / staged).c_str(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        throw RuntimeError("cannot create " + (root / staged).string() + ": " + errno_text());
    try {
        write_all(fd.get(), content, root / staged);
    } catch (...) {
        ::unlink((root / staged).c_str());
        throw;
    }
    return staged;
}

void publish_staged(const fs::path& root, const fs::path& staged, const fs::path& relative) {
    ensure_no_symlinks(root, relative);
    create_folders(root, relative.parent_path(), false);
    ensure_no_symlinks(root, relative.parent_path());
    const fs::path target = root / relative;
    // link() fails when the target exists, unlike rename(); new files never replace.
    if (::link((root / staged).c_str(), target.c_str()) != 0) {
        if (errno == EEXIST)
            throw RuntimeError(target.string() + " already exists");
        throw RuntimeError("cannot create " + target.string() + ": " + errno_text());
    }
    ::unlink((root / staged).c_str());
}

void sync_file_system(const fs::path& root) {
    FileDescriptor fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::syncfs(fd.get()) != 0)
        throw RuntimeError("cannot flush the files written to " + root.string() + ": " +
                           errno_text());
}

void write_atomic(const fs::path& root, const fs::path& relative, std::string_view content,
                  bool exclusive) {
    ensure_private_dir(root);
    write_parts_atomically(root, relative, {content}, exclusive, true, kTempDir);
}

void write_atomic_derived(const fs::path& root, const fs::path& relative,
                          const std::vector<std::string_view>& parts,
                          const std::function<void(std::string_view)>& written) {
    ensure_private_dir(root);
    write_parts_atomically(root, relative, parts, false, false, relative.parent_path(), written);
}

namespace {

bool exists_no_follow(const fs::path& p) {
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0;
}

}  // namespace

void remove_file(const fs::path& root, const fs::path& relative) {
    ensure_no_symlinks(root, relative);
    const fs::path target = root / relative;
    struct stat st;
    if (::lstat(target.c_str(), &st) != 0 || S_ISDIR(st.st_mode))
        throw RuntimeError("cannot remove " + target.string() + ": there is no such file");
    if (::unlink(target.c_str()) != 0)
        throw RuntimeError("cannot remove " + target.string() + ": " + errno_text());
    fsync_dir(target.parent_path());
}

fs::path set_aside(const fs::path& root, const fs::path& relative) {
    ensure_no_symlinks(root, relative);
    const fs::path target = root / relative;
    if (!exists_no_follow(target))
        throw RuntimeError("cannot remove " + target.string() +
                           ": there is no such file or folder");
    ensure_private_dir(root);
    ensure_no_symlinks(root, kTempDir);
    create_folders(root, kTempDir, false);
    fs::path away = fs::path(kTempDir) /
                    ("." + target.filename().string() + std::string(kTempMarker) + random_suffix());
    if (::rename(target.c_str(), (root / away).c_str()) != 0)
        throw RuntimeError("cannot remove " + target.string() + ": " + errno_text());
    fsync_dir(target.parent_path());
    return away;
}

void remove_tree(const fs::path& root, const fs::path& relative) {
    ensure_no_symlinks(root, relative);
    const fs::path target = root / relative;
    struct stat st;
    if (::lstat(target.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw RuntimeError("cannot remove " + target.string() + ": there is no such folder");
    const fs::path away = set_aside(root, relative);
    std::error_code ec;
    fs::remove_all(root / away, ec);  // what is left, the next writer removes
}

void rename_no_replace(const fs::path& root, const fs::path& from, const fs::path& to) {
    ensure_no_symlinks(root, from);
    ensure_no_symlinks(root, to);
    const fs::path source = root / from, target = root / to;
    if (!exists_no_follow(source))
        throw RuntimeError("cannot rename " + source.string() +
                           ": there is no such file or folder");
    create_folders(root, to.parent_path(), true);
    // A folder may have raced a link into place; check again before renaming.
    ensure_no_symlinks(root, to.parent_path());
    int r = ::renameat2(AT_FDCWD, source.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE);
    if (r != 0 && errno == EINVAL) {
        // A file system without RENAME_NOREPLACE: every writer holds the FolderLock, so
        // no crm can create `to` between the look and the rename.
        if (exists_no_follow(target)) {
            errno = EEXIST;
        } else {
            r = ::rename(source.c_str(), target.c_str());
        }
    }
    if (r != 0) {
        if (errno == EEXIST)
            throw RuntimeError("cannot rename " + source.string() + ": " + target.string() +
                               " already exists");
        throw RuntimeError("cannot rename " + source.string() + " to " + target.string() + ": " +
                           errno_text());
    }
    fsync_dir(target.parent_path());
    if (source.parent_path() != target.parent_path())
        fsync_dir(source.parent_path());
}

std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    DIR* d = ::opendir(dir.c_str());
    if (!d)
        return names;
    while (dirent* e = ::readdir(d)) {
        std::string_view n = e->d_name;
        if (n == "." || n == "..")
            continue;
        names.emplace_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace crm::os
