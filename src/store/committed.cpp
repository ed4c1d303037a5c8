#include "crm/store/committed.hpp"

#include <algorithm>
#include <map>

#include "crm/git/blobs.hpp"
#include "crm/os/files.hpp"
#include "crm/store/local_state.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::store {

namespace {

constexpr const char* kList = ".crm/committed";
constexpr const char* kHeader =
    "# Written by crm: what it committed last (commit, blob, path), to find its changes that "
    "a git commit of someone else's took back.\n";
// Enough for the commands of a busy minute; the race it is for is a matter of seconds.
constexpr std::size_t kKept = 256;

struct Entry {
    std::string commit, blob, path;
};

bool is_id(std::string_view s) {
    return s.size() >= 40 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::vector<Entry> read_entries(const std::filesystem::path& root) {
    std::vector<Entry> out;
    for (const auto& line : read_local_lines(root, kList)) {
        const auto a = line.find(' ');
        const auto b = a == std::string::npos ? a : line.find(' ', a + 1);
        if (b == std::string::npos)
            continue;
        Entry e{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
        // Only paths inside the folder: the list is data, never a way out of it.
        const std::filesystem::path p(e.path);
        if (!is_id(e.commit) || !is_id(e.blob) || e.path.empty() || p.is_absolute() ||
            std::find(p.begin(), p.end(), "..") != p.end() || *p.begin() == ".git")
            continue;
        out.push_back(std::move(e));
    }
    return out;
}

void write_entries(const std::filesystem::path& root, std::vector<Entry> entries) {
    if (entries.size() > kKept)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(kKept));
    std::string text = kHeader;
    for (const auto& e : entries)
        text += fmt::format("{} {} {}\n", e.commit, e.blob, e.path);
    try {
        if (entries.empty())
            os::remove_if_present(root / kList);
        else
            os::write_atomic(root, kList, text);
    } catch (const std::exception&) {
        // A full disk: the list only helps (see the header).
    }
}

std::vector<std::string> paths_of(const std::vector<Entry>& entries) {
    std::vector<std::string> out;
    out.reserve(entries.size());
    for (const auto& e : entries)
        out.push_back(e.path);
    return out;
}

}  // namespace

void remember_committed(const git::Git& git, const std::filesystem::path& root,
                        const std::vector<std::string>& paths) noexcept {
    try {
        const auto head = trim(git.run({"rev-parse", "--verify", "--quiet", "HEAD"}).out);
        if (!is_id(head))
            return;
        const auto blobs = git::blobs_in(git, head, paths);
        std::vector<Entry> entries = read_entries(root);
        std::erase_if(entries, [&](const Entry& e) {
            return std::find(paths.begin(), paths.end(), e.path) != paths.end();
        });
        for (const auto& p : paths)
            if (auto it = blobs.find(p); it != blobs.end())
                entries.push_back({head, it->second, p});
        write_entries(root, std::move(entries));
    } catch (const std::exception&) {
        // As write_entries: the commit stands, the list only helps.
    }
}

std::vector<std::string> taken_back(const git::Git& git,
                                    const std::filesystem::path& root) noexcept {
    std::vector<std::string> out;
    try {
        std::vector<Entry> entries = read_entries(root);
        if (entries.empty())
            return out;
        const auto in_head = git::blobs_in(git, "HEAD", paths_of(entries));
        std::vector<Entry> moved;  // HEAD has another version, or none
        for (const auto& e : entries)
            if (auto it = in_head.find(e.path); it == in_head.end() || it->second != e.blob)
                moved.push_back(e);
        if (moved.empty())
            return out;
        const auto on_disk = git::blobs_on_disk(git, paths_of(moved));
        std::map<std::string, bool> in_history;  // crm's commit, still an ancestor of HEAD
        std::vector<std::string> forget;
        for (const auto& e : moved) {
            auto disk = on_disk.find(e.path);
            if (disk == on_disk.end() || disk->second != e.blob) {
                forget.push_back(e.path);  // changed on disk too: not crm's version any more
                continue;
            }
            auto known = in_history.find(e.commit);
            if (known == in_history.end())
                known =
                    in_history
                        .emplace(e.commit,
                                 git.run({"merge-base", "--is-ancestor", e.commit, "HEAD"}).ok())
                        .first;
            if (known->second)
                out.push_back(e.path);
            else
                forget.push_back(e.path);  // crm's commit was dropped (git reset): theirs
        }
        if (!forget.empty()) {
            std::erase_if(entries, [&](const Entry& e) {
                return std::find(forget.begin(), forget.end(), e.path) != forget.end();
            });
            write_entries(root, std::move(entries));
        }
    } catch (const std::exception&) {
        out.clear();
    }
    return out;
}

std::vector<std::string> as_crm_committed(const git::Git& git, const std::filesystem::path& root,
                                          const std::vector<std::string>& paths) noexcept {
    std::vector<std::string> out;
    try {
        std::vector<Entry> wanted;
        for (auto& e : read_entries(root))
            if (std::find(paths.begin(), paths.end(), e.path) != paths.end())
                wanted.push_back(std::move(e));
        if (wanted.empty())
            return out;
        const auto on_disk = git::blobs_on_disk(git, paths_of(wanted));
        for (const auto& e : wanted)
            if (auto it = on_disk.find(e.path); it != on_disk.end() && it->second == e.blob)
                out.push_back(e.path);
    } catch (const std::exception&) {
        out.clear();
    }
    return out;
}

}  // namespace crm::store
