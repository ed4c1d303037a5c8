#include "crm/os/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

#include "crm/os/file_descriptor.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::os {

EntryKind entry_kind(const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0)
        return EntryKind::missing;
    if (S_ISLNK(st.st_mode))
        return EntryKind::link;
    if (S_ISDIR(st.st_mode))
        return EntryKind::folder;
    return S_ISREG(st.st_mode) ? EntryKind::file : EntryKind::other;
}

bool remove_if_present(const fs::path& file) {
    return ::unlink(file.c_str()) == 0;
}

bool remove_folder_if_empty(const fs::path& folder) {
    return ::rmdir(folder.c_str()) == 0;
}

bool move_entry(const fs::path& from, const fs::path& to) {
    return ::rename(from.c_str(), to.c_str()) == 0;
}

bool make_private_folder(const fs::path& folder) {
    return ::mkdir(folder.c_str(), 0700) == 0 || entry_kind(folder) == EntryKind::folder;
}

void sync_folder(const fs::path& folder) {
    FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0)
        ::fsync(fd.get());
}

bool same_entry(const fs::path& a, const fs::path& b) {
    struct stat x {
    }, y{};
    return ::lstat(a.c_str(), &x) == 0 && ::lstat(b.c_str(), &y) == 0 && x.st_dev == y.st_dev &&
           x.st_ino == y.st_ino;
}

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
            throw RuntimeError(fmt::format("cannot write {}: {}", path.string(), errno_text()));
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
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
                sync_folder(current.parent_path());
        } else if (errno != EEXIST) {
            throw RuntimeError(fmt::format("cannot create {}: {}", current.string(), errno_text()));
        }
    }
}

}  // namespace

void ensure_private_dir(const fs::path& root) {
    ensure_no_symlinks(root, fmt::format("{}/.gitignore", kPrivateDir));
    const fs::path dir = root / kPrivateDir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw RuntimeError(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
    const fs::path ignore = dir / ".gitignore";
    if (exists_no_follow(ignore))
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
        throw RuntimeError(fmt::format("cannot read {}: {}", path.string(), errno_text()));
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        throw RuntimeError(fmt::format("cannot read {}: {}", path.string(), errno_text()));
    if (S_ISDIR(st.st_mode))
        throw RuntimeError(fmt::format("cannot read {}: it is a folder", path.string()));
    if (!S_ISREG(st.st_mode))
        throw RuntimeError(fmt::format("cannot read {}: it is not a regular file", path.string()));
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd;
}

FileDescriptor memory_file(std::string_view bytes) {
    FileDescriptor fd(::memfd_create("crm-input", MFD_CLOEXEC));
    if (fd.get() < 0)
        throw RuntimeError(fmt::format("cannot hold standard input: {}", errno_text()));
    write_all(fd.get(), bytes, "standard input");
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

DataError linked_file(const std::string& relative) {
    return DataError(SourceLocation{relative, 0, 0},
                     "is a symbolic link; crm reads and writes only real files, so it is skipped",
                     "replace the link with the file itself (crm check lists every link)");
}

namespace {

// The rest of the open file `fd`, up to limit + 1 bytes.
std::string read_all(int fd, std::size_t limit, const fs::path& path) {
    // Read straight into a buffer of the file's size: growing it chunk by chunk would
    // copy a large file (the record cache) several times over.
    struct stat st;
    std::size_t expected =
        ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0;
    std::string out(std::min(expected, limit) + 1, '\0');  // +1 notices a file that grew
    std::size_t used = 0;
    while (used <= limit) {
        if (used == out.size())
            out.resize(std::min(out.size() * 2, limit + 1));
        ssize_t n = ::read(fd, out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw RuntimeError(fmt::format("cannot read {}: {}", path.string(), errno_text()));
        }
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    out.resize(used);
    return out;
}

// A link below `root` on the way to `relative` (not the file itself), as a DataError.
void refuse_linked_folders(const fs::path& root, const fs::path& relative) {
    fs::path current = root, shown;
    for (auto it = relative.begin(); it != relative.end(); ++it) {
        if (std::next(it) == relative.end())
            break;
        if (*it == "." || it->empty())
            continue;
        if (*it == "..")
            throw RuntimeError(
                fmt::format("refusing a path that leaves the folder: {}", relative.string()));
        current /= *it;
        shown /= *it;
        if (entry_kind(current) == EntryKind::link)
            throw linked_file(shown.string());
    }
}

std::optional<std::string> read_opened(int fd, const fs::path& path, const std::string& relative,
                                       std::size_t limit) {
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return std::nullopt;
        if (errno == ELOOP)
            throw linked_file(relative);
        throw RuntimeError(fmt::format("cannot read {}: {}", path.string(), errno_text()));
    }
    return read_all(fd, limit, path);
}

}  // namespace

std::optional<std::string> read_file(const fs::path& path, std::size_t limit) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throw RuntimeError(fmt::format("cannot read {}: {}", path.string(), errno_text()));
    }
    return read_all(fd.get(), limit, path);
}

std::optional<std::string> read_data_file(const fs::path& root, const fs::path& relative,
                                          std::size_t limit) {
    refuse_linked_folders(root, relative);
    const fs::path path = root / relative;
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    return read_opened(fd.get(), path, relative.string(), limit);
}

std::optional<std::string> read_data_file_at(int dir_fd, const char* name,
                                             const std::string& relative, std::size_t limit) {
    FileDescriptor fd(::openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    return read_opened(fd.get(), relative, relative, limit);
}

namespace {

FileStamp stamp_of(const struct stat& st) {
    return FileStamp{
        static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
        static_cast<std::uint64_t>(st.st_size),
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
        static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
}

// Whether another process has the open file `fd` (opened read-only) open for writing:
// the kernel refuses a read lease then. The lease is given back at once. Where leases are
// not to be had (not the file's owner, a file system without them) nobody can tell.
enum class Writers { none, some, unknown };

Writers writers_of(int fd) {
    // A lease broken in the instant it is held is told with SIGIO, whose default is to
    // end the process; crm asks for no such signal otherwise.
    static std::once_flag quiet;
    std::call_once(quiet, [] {
        struct sigaction old {};
        if (::sigaction(SIGIO, nullptr, &old) == 0 && old.sa_handler == SIG_DFL)
            ::signal(SIGIO, SIG_IGN);
    });
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0) {
        ::fcntl(fd, F_SETLEASE, F_UNLCK);
        return Writers::none;
    }
    return errno == EAGAIN ? Writers::some : Writers::unknown;
}

// Without leases, a file changed this recently may be in the middle of a save (an editor
// writing it in place, line by line): it is read again once it has been quiet this long.
constexpr std::int64_t kQuietNs = 200'000'000;

bool recently_changed(const FileStamp& stamp) {
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const std::int64_t ns = static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
    const std::int64_t last = std::max(stamp.mtime_ns, stamp.ctime_ns);
    return last <= ns && ns - last < kQuietNs;
}

// How long a file being written by another program is waited for, in steps.
constexpr int kSettleTries = 60;
constexpr auto kSettleStep = std::chrono::milliseconds(50);

FileChanged keeps_changing(const fs::path& relative) {
    return FileChanged(
        fmt::format(
            "{} is being changed by another program (an editor saving it?); crm left it as it is",
            relative.string()),
        "run the command again once it is saved");
}

// One attempt: the file with its stamp, nullopt when missing; false in `settled` when
// another program is writing it or the stamp moved during the read.
std::optional<StampedText> try_read_stamped(const fs::path& path, const fs::path& relative,
                                            std::size_t limit, bool& settled) {
    settled = true;
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        if (errno == ELOOP)
            ensure_no_symlinks(path.parent_path(), path.filename());
        throw RuntimeError(fmt::format("cannot read {}: {}", relative.string(), errno_text()));
    }
    struct stat before, after;
    if (::fstat(fd.get(), &before) != 0)
        throw RuntimeError(fmt::format("cannot read {}: {}", relative.string(), errno_text()));
    if (!S_ISREG(before.st_mode))
        throw RuntimeError(fmt::format("cannot read {}: it is not a file", relative.string()));
    const Writers writers = writers_of(fd.get());
    if (writers == Writers::some) {
        settled = false;
        return std::nullopt;
    }
    StampedText out{read_all(fd.get(), limit, path), stamp_of(before)};
    if (::fstat(fd.get(), &after) != 0 || !(stamp_of(after) == out.stamp) ||
        (out.stamp.size <= limit && out.text.size() != out.stamp.size) ||
        (writers == Writers::unknown && recently_changed(out.stamp))) {
        settled = false;
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::optional<StampedText> read_for_change(const fs::path& root, const fs::path& relative,
                                           std::size_t limit) {
    ensure_no_symlinks(root, relative.parent_path());
    const fs::path path = root / relative;
    for (int i = 0; i < kSettleTries; ++i) {
        bool settled = true;
        auto got = try_read_stamped(path, relative, limit, settled);
        if (settled)
            return got;
        std::this_thread::sleep_for(kSettleStep);
    }
    throw keeps_changing(relative);
}

void ensure_no_symlinks(const fs::path& root, const fs::path& relative) {
    fs::path current = root;
    for (const auto& part : relative) {
        if (part == "." || part.empty())
            continue;
        if (part == "..")
            throw RuntimeError(
                fmt::format("refusing a path that leaves the folder: {}", relative.string()));
        current /= part;
        if (entry_kind(current) == EntryKind::link) {
            throw RuntimeError(
                fmt::format("{} is a symbolic link; crm does not write through links",
                            current.string()),
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
                            const std::function<void(std::string_view)>& written = {},
                            const std::function<void()>& before_rename = {}) {
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
        (fmt::format(".{}{}{}", target.filename().string(), kTempMarker, random_suffix()));
    // 0666 less the umask, as any editor would create it; a file replaced keeps its own.
    FileDescriptor fd(
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        throw RuntimeError(fmt::format("cannot create {}: {}", temp.string(), errno_text()));
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
            throw RuntimeError(fmt::format("cannot flush {}: {}", temp.string(), errno_text()));
        ::close(fd.release());
        if (before_rename)
            before_rename();
        if (exclusive) {
            // link() fails when the target exists, unlike rename(); new records never replace.
            if (::link(temp.c_str(), target.c_str()) != 0) {
                if (errno == EEXIST)
                    throw RuntimeError(fmt::format("{} already exists", target.string()));
                throw RuntimeError(
                    fmt::format("cannot create {}: {}", target.string(), errno_text()));
            }
            ::unlink(temp.c_str());
        } else if (::rename(temp.c_str(), target.c_str()) != 0) {
            throw RuntimeError(fmt::format("cannot replace {}: {}", target.string(), errno_text()));
        }
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (durable)
        sync_folder(dir);
}

}  // namespace

fs::path write_staged(const fs::path& root, std::string_view content) {
    ensure_private_dir(root);
    ensure_no_symlinks(root, kTempDir);
    create_folders(root, kTempDir, false);
    fs::path staged =
        fs::path(kTempDir) / (fmt::format(".staged{}{}", kTempMarker, random_suffix()));
    FileDescriptor fd(::open((root / staged).c_str(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        throw RuntimeError(
            fmt::format("cannot create {}: {}", (root / staged).string(), errno_text()));
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
            throw RuntimeError(fmt::format("{} already exists", target.string()));
        throw RuntimeError(fmt::format("cannot create {}: {}", target.string(), errno_text()));
    }
    ::unlink((root / staged).c_str());
}

void sync_file_system(const fs::path& root) {
    FileDescriptor fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::syncfs(fd.get()) != 0)
        throw RuntimeError(
            fmt::format("cannot flush the files written to {}: {}", root.string(), errno_text()));
}

void write_atomic(const fs::path& root, const fs::path& relative, std::string_view content,
                  bool exclusive) {
    ensure_private_dir(root);
    write_parts_atomically(root, relative, {content}, exclusive, true, kTempDir);
}

namespace {

// Throws FileChanged unless the file `root / relative` is still what `read` gave.
void require_unchanged(const fs::path& root, const fs::path& relative,
                       const std::optional<StampedText>& read) {
    bool settled = true;
    const auto now =
        try_read_stamped(root / relative, relative, read ? read->text.size() : 0, settled);
    const bool same = settled && now.has_value() == read.has_value() &&
                      (!now || (now->stamp == read->stamp && now->text == read->text));
    if (!same)
        throw FileChanged(
            fmt::format(
                "{} changed while crm was changing it (an editor saving it?); crm did not write it",
                relative.string()),
            "run the command again");
}

}  // namespace

void replace_atomic(const fs::path& root, const fs::path& relative, std::string_view content,
                    const std::optional<StampedText>& read, const fs::path& keep_at) {
    ensure_private_dir(root);
    write_parts_atomically(root, relative, {content}, false, true, kTempDir, {}, [&] {
        require_unchanged(root, relative, read);
        // After the check: a hard link changes the file's ctime.
        if (read && !keep_at.empty())
            keep_aside(root, relative, keep_at, read->text);
    });
}

void write_atomic_derived(const fs::path& root, const fs::path& relative,
                          const std::vector<std::string_view>& parts,
                          const std::function<void(std::string_view)>& written) {
    ensure_private_dir(root);
    write_parts_atomically(root, relative, parts, false, false, relative.parent_path(), written);
}

namespace {}  // namespace

void remove_file(const fs::path& root, const fs::path& relative) {
    ensure_no_symlinks(root, relative);
    const fs::path target = root / relative;
    if (const auto kind = entry_kind(target);
        kind == EntryKind::missing || kind == EntryKind::folder)
        throw RuntimeError(fmt::format("cannot remove {}: there is no such file", target.string()));
    if (::unlink(target.c_str()) != 0)
        throw RuntimeError(fmt::format("cannot remove {}: {}", target.string(), errno_text()));
    sync_folder(target.parent_path());
}

fs::path aside_path(const fs::path& relative) {
    return fs::path(kTempDir) /
           (fmt::format(".{}{}{}", relative.filename().string(), kTempMarker, random_suffix()));
}

void set_aside_to(const fs::path& root, const fs::path& relative, const fs::path& away) {
    ensure_no_symlinks(root, relative);
    const fs::path target = root / relative;
    if (!exists_no_follow(target))
        throw RuntimeError(
            fmt::format("cannot remove {}: there is no such file or folder", target.string()));
    ensure_private_dir(root);
    ensure_no_symlinks(root, kTempDir);
    create_folders(root, kTempDir, false);
    if (::rename(target.c_str(), (root / away).c_str()) != 0)
        throw RuntimeError(fmt::format("cannot remove {}: {}", target.string(), errno_text()));
    sync_folder(target.parent_path());
}

fs::path set_aside(const fs::path& root, const fs::path& relative) {
    fs::path away = aside_path(relative);
    set_aside_to(root, relative, away);
    return away;
}

void keep_aside(const fs::path& root, const fs::path& relative, const fs::path& away,
                std::string_view bytes) {
    ensure_no_symlinks(root, relative);
    ensure_private_dir(root);
    ensure_no_symlinks(root, kTempDir);
    create_folders(root, kTempDir, false);
    const fs::path from = root / relative, to = root / away;
    // No fsync of .crm/tmp: a kept version matters to a killed crm, whose page cache
    // survives it; after a power cut the file's old bytes are still in git.
    if (::link(from.c_str(), to.c_str()) == 0)
        return;
    // A file system without hard links: a copy.
    FileDescriptor fd(
        ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        throw RuntimeError(
            fmt::format("cannot keep a copy of {}: {}", relative.string(), errno_text()));
    try {
        write_all(fd.get(), bytes, to);
        if (::fsync(fd.get()) != 0)
            throw RuntimeError(
                fmt::format("cannot keep a copy of {}: {}", relative.string(), errno_text()));
    } catch (...) {
        ::unlink(to.c_str());
        throw;
    }
    sync_folder(to.parent_path());
}

void put_back(const fs::path& root, const fs::path& away, const fs::path& relative) {
    ensure_no_symlinks(root, away);
    ensure_no_symlinks(root, relative);
    const fs::path from = root / away, to = root / relative;
    if (::rename(from.c_str(), to.c_str()) != 0)
        throw RuntimeError(fmt::format("cannot put back {}: {}", relative.string(), errno_text()));
    sync_folder(to.parent_path());
}

void remove_tree(const fs::path& root, const fs::path& relative) {
    ensure_no_symlinks(root, relative);
    const fs::path target = root / relative;
    if (entry_kind(target) != EntryKind::folder)
        throw RuntimeError(
            fmt::format("cannot remove {}: there is no such folder", target.string()));
    const fs::path away = set_aside(root, relative);
    std::error_code ec;
    fs::remove_all(root / away, ec);  // what is left, the next writer removes
}

void rename_no_replace(const fs::path& root, const fs::path& from, const fs::path& to) {
    ensure_no_symlinks(root, from);
    ensure_no_symlinks(root, to);
    const fs::path source = root / from, target = root / to;
    if (!exists_no_follow(source))
        throw RuntimeError(
            fmt::format("cannot rename {}: there is no such file or folder", source.string()));
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
            throw RuntimeError(fmt::format("cannot rename {}: {} already exists", source.string(),
                                           target.string()));
        throw RuntimeError(fmt::format("cannot rename {} to {}: {}", source.string(),
                                       target.string(), errno_text()));
    }
    sync_folder(target.parent_path());
    if (source.parent_path() != target.parent_path())
        sync_folder(source.parent_path());
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
