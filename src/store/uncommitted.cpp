#include "crm/store/uncommitted.hpp"

#include <algorithm>

#include "crm/os/files.hpp"
#include "crm/store/local_state.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::store {

namespace {

constexpr const char* kList = ".crm/uncommitted";
constexpr const char* kRemovals = ".crm/uncommitted-removals";
constexpr const char* kListHeader =
    "# Written by crm, which failed to commit these; its next commit includes them.\n";
constexpr const char* kRemovalsHeader =
    "# Removed by crm, which failed to commit the removals; its next commit includes them.\n";

std::vector<std::string> read_list(const std::filesystem::path& root, const char* list = kList) {
    std::vector<std::string> files;
    for (auto& line : read_local_lines(root, list)) {
        // Only paths inside the folder: the list is data, never a way out of it.
        const std::filesystem::path p(line);
        if (p.is_absolute() || std::find(p.begin(), p.end(), "..") != p.end())
            continue;
        if (std::find(files.begin(), files.end(), line) == files.end())
            files.push_back(std::move(line));
    }
    return files;
}

void add_to_list(const std::filesystem::path& root, const char* list,
                 const std::vector<std::string>& files, const std::string& header) {
    std::vector<std::string> all = read_list(root, list);
    for (const auto& f : files)
        if (std::find(all.begin(), all.end(), f) == all.end())
            all.push_back(f);
    std::string text = header;
    for (const auto& f : all)
        text += fmt::format("{}\n", f);
    // A reminder that cannot be written (a full disk) is an error, never a silent
    // promise: the caller keeps its journal, which names the same files.
    try {
        os::write_atomic(root, list, text);
    } catch (const std::exception& e) {
        throw RuntimeError(fmt::format("cannot write {}: {}", list, e.what()),
                           "free some space on the disk; crm's journal (.crm/journal) still "
                           "names the files, and the next crm command that writes commits them");
    }
}

}  // namespace

std::vector<std::string> uncommitted_files(const std::filesystem::path& root) {
    std::vector<std::string> files = read_list(root);
    std::erase_if(files, [&](const std::string& f) {
        return os::entry_kind(root / f) != os::EntryKind::file;
    });
    return files;
}

void remember_uncommitted(const std::filesystem::path& root,
                          const std::vector<std::string>& files) {
    add_to_list(root, kList, files, kListHeader);
}

std::vector<std::string> uncommitted_removals(const std::filesystem::path& root) {
    return read_list(root, kRemovals);
}

void remember_uncommitted_removals(const std::filesystem::path& root,
                                   const std::vector<std::string>& paths) {
    add_to_list(root, kRemovals, paths, kRemovalsHeader);
}

void forget_uncommitted_paths(const std::filesystem::path& root,
                              const std::vector<std::string>& paths) {
    for (const char* list : {kList, kRemovals}) {
        auto kept = read_list(root, list);
        const auto before = kept.size();
        std::erase_if(kept, [&](const std::string& f) {
            return std::find(paths.begin(), paths.end(), f) != paths.end();
        });
        if (kept.size() == before)
            continue;
        if (kept.empty()) {
            ::unlink((root / list).c_str());
            continue;
        }
        std::string text = list == kList ? kListHeader : kRemovalsHeader;
        for (const auto& f : kept)
            text += fmt::format("{}\n", f);
        try {
            os::write_atomic(root, list, text);
        } catch (const std::exception&) {
            // As add_to_list: the files themselves are as they are.
        }
    }
}

void forget_uncommitted(const std::filesystem::path& root) {
    os::remove_if_present(root / kList);
    os::remove_if_present(root / kRemovals);
}

}  // namespace crm::store
