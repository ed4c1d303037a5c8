#include "crm/store/transaction.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <stdexcept>

#include "crm/os/files.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/error.hpp"

namespace crm::store {

namespace fs = std::filesystem;

namespace {

bool exists_no_follow(const fs::path& p) {
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0;
}

bool is_dir_no_follow(const fs::path& p) {
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The files (and links) below the folder `relative`, as paths relative to the root,
// sorted: what git has to hear about when the folder goes. Links are not followed.
std::vector<std::string> files_below(const fs::path& root, const std::string& relative) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root / relative, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!it->is_directory(ec) || it->is_symlink(ec))
            files.push_back(fs::path(relative) / fs::relative(it->path(), root / relative, ec));
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

Transaction::Transaction(fs::path root, CommitPolicy policy)
    : root_(std::move(root)), policy_(std::move(policy)), lock_(root_) {}

void Transaction::require_open(const std::string& relative) const {
    if (committed_)
        throw std::logic_error("store::Transaction: a change after commit (" + relative + ")");
    const fs::path p(relative);
    const bool inside = !relative.empty() && p.is_relative() &&
                        std::find(p.begin(), p.end(), "..") == p.end() &&
                        *p.begin() != os::kPrivateDir && *p.begin() != ".git";
    if (!inside)
        throw RuntimeError("refusing to change '" + relative +
                           "': not a path of the folder's data");
}

void Transaction::touch(const std::string& relative) {
    if (std::find(touched_.begin(), touched_.end(), relative) == touched_.end())
        touched_.push_back(relative);
}

void Transaction::create(const std::string& relative, std::string_view text) {
    require_open(relative);
    os::write_atomic(root_, relative, text, true);
    touch(relative);
}

void Transaction::replace(const std::string& relative, std::string_view text) {
    require_open(relative);
    os::write_atomic(root_, relative, text);
    touch(relative);
}

void Transaction::remove(const std::string& relative) {
    require_open(relative);
    if (is_dir_no_follow(root_ / relative)) {
        const auto files = files_below(root_, relative);
        os::remove_tree(root_, relative);
        for (const auto& f : files)
            touch(f);
    } else {
        os::remove_file(root_, relative);
        touch(relative);
    }
}

void Transaction::rename(const std::string& from, const std::string& to) {
    require_open(from);
    require_open(to);
    const bool folder = is_dir_no_follow(root_ / from);
    const auto moved = folder ? files_below(root_, from) : std::vector<std::string>{};
    os::rename_no_replace(root_, from, to);
    if (!folder) {
        touch(from);
        touch(to);
        return;
    }
    for (const auto& f : moved)
        touch(f);
    for (const auto& f : moved)
        touch((fs::path(to) / fs::path(f).lexically_relative(from)).string());
}

bool Transaction::commit(const std::string& message) {
    if (committed_)
        throw std::logic_error("store::Transaction: commit called twice");
    committed_ = true;
    if (touched_.empty() || !policy_.enabled || !policy_.git)
        return false;
    // What an earlier command changed but could not commit goes with this commit.
    std::vector<std::string> all = touched_, earlier;
    auto pick_up = [&](const std::vector<std::string>& paths) {
        for (const auto& f : paths) {
            if (std::find(all.begin(), all.end(), f) == all.end()) {
                all.push_back(f);
                earlier.push_back(f);
            }
        }
    };
    pick_up(uncommitted_files(root_));
    pick_up(uncommitted_removals(root_));
    std::string full = message;
    if (!earlier.empty()) {
        full += "\n\nAlso commits what an earlier crm command wrote but could not commit:\n";
        for (const auto& f : earlier)
            full += "  " + f + "\n";
    }
    bool made = false;
    try {
        made = policy_.git->commit(all, full);
    } catch (const RuntimeError&) {
        // What is there now is to be committed; what is gone, its removal.
        std::vector<std::string> written, removed;
        for (const auto& f : all)
            (exists_no_follow(root_ / f) ? written : removed).push_back(f);
        remember_uncommitted(root_, written);
        if (!removed.empty())
            remember_uncommitted_removals(root_, removed);
        throw;
    }
    forget_uncommitted(root_);
    if (!earlier.empty() && policy_.also_committed)
        policy_.also_committed(earlier);
    return made;
}

}  // namespace crm::store
