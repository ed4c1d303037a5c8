// git's index format: https://git-scm.com/docs/index-format (versions 2 and 3 here).
#include "crm/store/git_index.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <set>
#include <utility>

#include "crm/store/file_descriptor.hpp"
#include "crm/store/git_tree.hpp"
#include "crm/store/sha1.hpp"

namespace crm::store {

namespace {

constexpr std::size_t kHeader = 12, kStat = 40, kId = 20, kTrailer = 20;
constexpr std::uint16_t kExtended = 0x4000, kStageMask = 0x3000, kNameMask = 0x0FFF;

std::uint32_t be32(std::string_view s, std::size_t at) {
    auto b = [&](std::size_t i) { return std::uint32_t(static_cast<unsigned char>(s[at + i])); };
    return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}
std::uint16_t be16(std::string_view s, std::size_t at) {
    return std::uint16_t(static_cast<unsigned char>(s[at]) << 8 |
                         static_cast<unsigned char>(s[at + 1]));
}
void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>(v >> shift);
}

std::string encode(const IndexEntry& e) {
    std::string out;
    for (std::uint32_t v : {e.ctime_sec, e.ctime_nsec, e.mtime_sec, e.mtime_nsec, e.dev, e.ino,
                            e.mode, e.uid, e.gid, e.size})
        put32(out, v);
    out += e.id;
    auto len = static_cast<std::uint16_t>(std::min<std::size_t>(e.path.size(), kNameMask));
    out += static_cast<char>(len >> 8);
    out += static_cast<char>(len & 0xFF);
    out += e.path;
    // One to eight NULs: the entry's length becomes a multiple of eight.
    out.append(8 - (kStat + kId + 2 + e.path.size()) % 8, '\0');
    return out;
}

// The TREE extension with the cached trees of `dirs` ("" for the top) marked invalid,
// as git does when a file under them changes: entry count -1 and no id.
class TreeInvalidator {
  public:
    TreeInvalidator(std::string_view data, const std::set<std::string, std::less<>>& dirs)
        : data_(data), dirs_(dirs) {}
    std::optional<std::string> run() {
        std::string out;
        if (!node("", true, out) || pos_ != data_.size())
            return std::nullopt;
        return out;
    }

  private:
    bool node(const std::string& parent, bool top, std::string& out) {
        std::size_t nul = data_.find('\0', pos_);
        std::size_t space = data_.find(' ', nul);
        std::size_t eol = data_.find('\n', space);
        if (nul == std::string_view::npos || space == std::string_view::npos ||
            eol == std::string_view::npos)
            return false;
        std::string name(data_.substr(pos_, nul - pos_));
        std::string path = top ? "" : parent.empty() ? name : parent + "/" + name;
        std::string count(data_.substr(nul + 1, space - nul - 1));
        std::string_view subtrees = data_.substr(space + 1, eol - space - 1);
        int n = 0;
        for (char c : subtrees) {
            if (c < '0' || c > '9' || n > 100000)
                return false;
            n = n * 10 + (c - '0');
        }
        if (count.empty() || subtrees.empty())
            return false;
        pos_ = eol + 1;
        const bool valid = count[0] != '-';
        if (valid) {
            if (data_.size() - pos_ < kId)
                return false;
            pos_ += kId;
        }
        out += name;
        out += '\0';
        if (dirs_.contains(path)) {
            out += "-1 " + std::string(subtrees) + "\n";
        } else {
            out += data_.substr(nul + 1, eol - nul);
            if (valid)
                out += data_.substr(pos_ - kId, kId);
        }
        for (int i = 0; i < n; ++i)
            if (!node(path, false, out))
                return false;
        return true;
    }

    std::string_view data_;
    const std::set<std::string, std::less<>>& dirs_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string IndexParts::joined() const {
    std::string all;
    for (auto p : parts)
        all += p;
    return all;
}

std::optional<IndexParts> index_with_entries(std::string_view index,
                                             std::vector<IndexEntry> entries,
                                             std::uint32_t index_mtime_sec,
                                             const ContentCheck& matches) {
    if (index.size() < kHeader + kTrailer || index.substr(0, 4) != "DIRC")
        return std::nullopt;
    const std::uint32_t version = be32(index, 4);
    const std::uint32_t count = be32(index, 8);
    if (version != 2 && version != 3)
        return std::nullopt;
    const std::size_t end = index.size() - kTrailer;

    std::sort(entries.begin(), entries.end(),
              [](const IndexEntry& a, const IndexEntry& b) { return a.path < b.path; });
    for (std::size_t i = 0; i + 1 < entries.size(); ++i)
        if (entries[i].path == entries[i + 1].path)
            return std::nullopt;
    std::set<std::string, std::less<>> dirs{""};
    for (const auto& e : entries)
        for (std::size_t slash = e.path.find('/'); slash != std::string::npos;
             slash = e.path.find('/', slash + 1))
            dirs.insert(e.path.substr(0, slash));

    // The old entries are copied in runs, the new ones inserted in the index's order (by
    // path), each replacing a plain entry of the same path. No file may be a folder of
    // another entry, or the reverse.
    IndexParts out;
    auto own = [&out](std::string s) { out.parts.push_back(out.owned.emplace_back(std::move(s))); };
    std::uint32_t total = count;
    std::size_t next = 0, run = kHeader, pos = kHeader;
    auto insert_before = [&](std::size_t at) {
        if (at > run)
            out.parts.push_back(index.substr(run, at - run));
        own(encode(entries[next++]));
    };
    out.parts.push_back(index.substr(0, 8));
    out.parts.emplace_back();  // the count of entries, known at the end
    for (std::uint32_t i = 0; i < count; ++i) {
        if (end - pos < kStat + kId + 2)
            return std::nullopt;
        const std::uint16_t flags = be16(index, pos + kStat + kId);
        const bool extended = flags & kExtended;
        if (extended && version < 3)
            return std::nullopt;
        const std::size_t name_at = pos + kStat + kId + 2 + (extended ? 2 : 0);
        std::size_t len = flags & kNameMask;
        if (len == kNameMask) {
            std::size_t nul = index.find('\0', name_at);
            if (nul == std::string_view::npos || nul >= end)
                return std::nullopt;
            len = nul - name_at;
        }
        const std::size_t size = (name_at - pos + len + 8) & ~std::size_t(7);
        if (end - pos < size)
            return std::nullopt;
        const std::string_view path = index.substr(name_at, len);
        if (dirs.contains(path))
            return std::nullopt;
        for (const auto& e : entries)
            if (path.size() > e.path.size() && path.starts_with(e.path) &&
                path[e.path.size()] == '/')
                return std::nullopt;
        while (next < entries.size() && entries[next].path < path) {
            insert_before(pos);
            run = pos;
            ++total;
        }
        if (next < entries.size() && entries[next].path == path) {
            if (flags & (kExtended | kStageMask))
                return std::nullopt;
            insert_before(pos);
            run = pos + size;
        } else if (be32(index, pos + 8) >= index_mtime_sec) {  // racily clean
            if (!matches)
                return std::nullopt;
            auto same = matches(path, be32(index, pos + 24), index.substr(pos + kStat, kId));
            if (!same)
                return std::nullopt;
            if (!*same) {
                if (pos > run)
                    out.parts.push_back(index.substr(run, pos - run));
                std::string smudged(index.substr(pos, size));
                smudged.replace(36, 4, 4, '\0');  // the size: git will compare the content
                own(std::move(smudged));
                run = pos + size;
            }
        }
        pos += size;
    }
    while (next < entries.size()) {
        insert_before(pos);
        run = pos;
        ++total;
    }
    if (pos > run)
        out.parts.push_back(index.substr(run, pos - run));
    std::string count_bytes;
    put32(count_bytes, total);
    out.parts[1] = out.owned.emplace_back(std::move(count_bytes));

    // Only a TREE extension, whose cached trees on the new paths become invalid.
    while (pos < end) {
        if (end - pos < 8)
            return std::nullopt;
        std::string_view signature = index.substr(pos, 4);
        const std::uint32_t size = be32(index, pos + 4);
        if (signature != "TREE" || end - pos - 8 < size)
            return std::nullopt;
        auto tree = TreeInvalidator(index.substr(pos + 8, size), dirs).run();
        if (!tree)
            return std::nullopt;
        std::string ext = "TREE";
        put32(ext, static_cast<std::uint32_t>(tree->size()));
        own(ext + *tree);
        pos += 8 + size;
    }
    Sha1 sha;
    for (auto part : out.parts)
        sha.update(part);
    auto digest = sha.finish();
    own(std::string(reinterpret_cast<const char*>(digest.data()), digest.size()));
    return out;
}

namespace {

// Racily clean entries are few (files written in the second the index was): past this
// many, or for a large file, git does the work.
constexpr int kMaxContentChecks = 64;
constexpr std::size_t kMaxCheckedSize = 4u << 20;

// Whether the regular file `top/path` still holds the blob `id`, as git checks a racily
// clean entry before it writes the index. Anything but a plain file is told changed.
std::optional<bool> same_content(const std::filesystem::path& top, std::string_view path,
                                 std::uint32_t mode, std::string_view id) {
    if ((mode & 0170000) != 0100000)
        return std::nullopt;
    FileDescriptor fd(
        ::open((top / std::string(path)).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    struct stat st;
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    if (static_cast<std::size_t>(st.st_size) > kMaxCheckedSize)
        return std::nullopt;
    std::string content(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + got, content.size() - got);
        if (n <= 0)
            return false;  // shorter than it was: changed
        got += static_cast<std::size_t>(n);
    }
    return object_id("blob", content) == to_hex(id);
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t w = ::write(fd, data.data(), data.size());
        if (w <= 0)
            return false;
        data.remove_prefix(static_cast<std::size_t>(w));
    }
    return true;
}

}  // namespace

bool stage_in_index(const std::filesystem::path& top, const std::filesystem::path& git_dir,
                    const std::vector<std::string>& files,
                    const std::vector<std::string>& blob_ids) {
    std::vector<IndexEntry> entries;
    for (std::size_t i = 0; i < files.size(); ++i) {
        struct stat st;
        auto id = from_hex(blob_ids[i]);
        // A plain, non-executable file: what the new tree records (100644).
        if (!id || id->size() != kId || ::lstat((top / files[i]).c_str(), &st) != 0 ||
            !S_ISREG(st.st_mode) || (st.st_mode & 0111))
            return false;
        IndexEntry e;
        e.path = files[i];
        e.id = *id;
        e.ctime_sec = static_cast<std::uint32_t>(st.st_ctim.tv_sec);
        e.ctime_nsec = static_cast<std::uint32_t>(st.st_ctim.tv_nsec);
        e.mtime_sec = static_cast<std::uint32_t>(st.st_mtim.tv_sec);
        e.mtime_nsec = static_cast<std::uint32_t>(st.st_mtim.tv_nsec);
        e.dev = static_cast<std::uint32_t>(st.st_dev);
        e.ino = static_cast<std::uint32_t>(st.st_ino);
        e.uid = st.st_uid;
        e.gid = st.st_gid;
        e.size = static_cast<std::uint32_t>(st.st_size);
        entries.push_back(std::move(e));
    }
    // git's protocol: whoever creates index.lock owns the index until it renames the lock
    // over it; the index is read only once the lock is held.
    const auto index_path = git_dir / "index";
    const auto lock_path = git_dir / "index.lock";
    FileDescriptor lock(::open(lock_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (lock.get() < 0)
        return false;
    int checks = 0;
    auto matches = [&](std::string_view path, std::uint32_t mode,
                       std::string_view id) -> std::optional<bool> {
        if (++checks > kMaxContentChecks)
            return std::nullopt;
        return same_content(top, path, mode, id);
    };
    bool done = false;
    {
        FileDescriptor in(::open(index_path.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat st;
        void* map = MAP_FAILED;
        if (in.get() >= 0 && ::fstat(in.get(), &st) == 0 && st.st_size > 0)
            map = ::mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, in.get(), 0);
        if (map != MAP_FAILED) {
            std::string_view old(static_cast<const char*>(map), st.st_size);
            auto updated = index_with_entries(
                old, entries, static_cast<std::uint32_t>(st.st_mtim.tv_sec), matches);
            done = updated && ::fchmod(lock.get(), st.st_mode & 07777) == 0;
            for (std::size_t i = 0; done && updated && i < updated->parts.size(); ++i)
                done = write_all(lock.get(), updated->parts[i]);
            ::munmap(map, st.st_size);
        }
        done = ::close(lock.release()) == 0 && done;
        done = done && ::rename(lock_path.c_str(), index_path.c_str()) == 0;
    }
    if (!done)
        ::unlink(lock_path.c_str());
    return done;
}

}  // namespace crm::store
