#include "crm/store/transaction.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include "crm/git/history.hpp"
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

// The folders of `relative_dir` that do not exist yet, outermost first: what a change
// into it creates, and its rollback removes again.
std::vector<std::string> missing_folders(const fs::path& root, const fs::path& relative_dir) {
    std::vector<std::string> missing;
    fs::path current;
    for (const auto& part : relative_dir) {
        current /= part;
        if (!exists_no_follow(root / current))
            missing.push_back(current.string());
    }
    return missing;
}

// A replaced file's bytes, kept to put back. Record files are far smaller (yaml's size
// cap); a file beyond this is not crm's to replace.
constexpr std::size_t kMaxKeptBytes = 64 * 1024 * 1024;

// The command a message's subject starts with ("log-visit: ..." -> "log-visit").
std::string command_of(const std::string& message) {
    const auto colon = message.find(':');
    const std::string name = message.substr(0, colon == std::string::npos ? 0 : colon);
    const bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ' ';
    });
    return word ? name : "crm";
}

}  // namespace

Transaction::~Transaction() {
    if (!committed_)
        drop_staged();
    if (committed_ || journal_.empty())
        return;
    try {
        rollback();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor cannot say; see the header
    }
}

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
    Undo u{Undo::Kind::created,
           relative,
           {},
           {},
           {},
           missing_folders(root_, fs::path(relative).parent_path())};
    os::write_atomic(root_, relative, text, true);
    journal_.push_back(std::move(u));
    touch(relative);
}

void Transaction::stage(const std::string& relative, std::string_view text) {
    require_open(relative);
    for (const auto& s : staged_)
        if (s.path == relative)
            throw RuntimeError("cannot create " + relative + ": it is written already");
    staged_.push_back({relative, os::write_staged(root_, text)});
    touch(relative);
}

void Transaction::drop_staged() {
    for (const auto& s : staged_)
        ::unlink((root_ / s.temporary).c_str());
    staged_.clear();
}

void Transaction::publish_staged() {
    if (staged_.empty())
        return;
    os::sync_file_system(root_);
    try {
        for (const auto& s : staged_) {
            Undo u{Undo::Kind::created,
                   s.path,
                   {},
                   {},
                   {},
                   missing_folders(root_, fs::path(s.path).parent_path())};
            os::publish_staged(root_, s.temporary, s.path);
            journal_.push_back(std::move(u));
        }
        os::sync_file_system(root_);
    } catch (...) {
        drop_staged();
        throw;  // the destructor takes back the files published so far
    }
    staged_.clear();
}

void Transaction::replace(const std::string& relative, std::string_view text) {
    require_open(relative);
    Undo u{Undo::Kind::replaced,
           relative,
           {},
           {},
           {},
           missing_folders(root_, fs::path(relative).parent_path())};
    os::ensure_no_symlinks(root_, relative);
    if (is_dir_no_follow(root_ / relative))
        throw RuntimeError("cannot replace " + relative + ": it is a folder");
    u.old_text = os::read_file(root_ / relative, kMaxKeptBytes);
    if (u.old_text && u.old_text->size() > kMaxKeptBytes)
        throw RuntimeError("cannot replace " + relative + ": it is larger than 64 MiB");
    os::write_atomic(root_, relative, text);
    journal_.push_back(std::move(u));
    touch(relative);
}

void Transaction::remove(const std::string& relative) {
    require_open(relative);
    const bool folder = is_dir_no_follow(root_ / relative);
    const auto files = folder ? files_below(root_, relative) : std::vector<std::string>{relative};
    if (!folder) {
        // As os::remove_file: only a file, never a link, and a clear word when it is absent.
        struct stat st;
        if (::lstat((root_ / relative).c_str(), &st) != 0)
            throw RuntimeError("cannot remove " + (root_ / relative).string() +
                               ": there is no such file");
    }
    Undo u{Undo::Kind::set_aside, relative, {}, {}, {}, {}};
    u.aside = os::set_aside(root_, relative).string();
    journal_.push_back(std::move(u));
    for (const auto& f : files)
        touch(f);
}

void Transaction::rename(const std::string& from, const std::string& to) {
    require_open(from);
    require_open(to);
    const bool folder = is_dir_no_follow(root_ / from);
    const auto moved = folder ? files_below(root_, from) : std::vector<std::string>{};
    Undo u{
        Undo::Kind::renamed, to, from, {}, {}, missing_folders(root_, fs::path(to).parent_path())};
    os::rename_no_replace(root_, from, to);
    journal_.push_back(std::move(u));
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

void Transaction::undo(const Undo& u) {
    switch (u.kind) {
        case Undo::Kind::created:
            os::remove_file(root_, u.path);
            break;
        case Undo::Kind::replaced:
            if (u.old_text)
                os::write_atomic(root_, u.path, *u.old_text);
            else
                os::remove_file(root_, u.path);
            break;
        case Undo::Kind::set_aside:
            os::rename_no_replace(root_, u.aside, u.path);
            break;
        case Undo::Kind::renamed:
            os::rename_no_replace(root_, u.path, u.from);
            break;
    }
    // The folders the change made, innermost first; one that holds something stays.
    for (auto it = u.new_folders.rbegin(); it != u.new_folders.rend(); ++it)
        ::rmdir((root_ / *it).c_str());
}

void Transaction::rollback() {
    drop_staged();
    std::vector<std::string> failed;
    std::string why;
    for (auto it = journal_.rbegin(); it != journal_.rend(); ++it) {
        try {
            undo(*it);
        } catch (const std::exception& e) {
            failed.push_back(it->kind == Undo::Kind::set_aside
                                 ? it->path + " (it is in " + it->aside + ")"
                                 : it->path);
            if (why.empty())
                why = e.what();
        }
    }
    journal_.clear();
    touched_.clear();
    if (!failed.empty()) {
        std::string list;
        for (const auto& f : failed)
            list += (list.empty() ? "" : ", ") + f;
        throw RuntimeError(
            "could not put back " + list + ": " + why,
            "look with git status; git restore or git checkout brings back what git has");
    }
}

void Transaction::discard_set_aside() {
    for (const auto& u : journal_) {
        if (u.kind == Undo::Kind::set_aside) {
            std::error_code ec;
            fs::remove_all(root_ / u.aside, ec);  // what is left, the next writer removes
        }
    }
    journal_.clear();
}

bool Transaction::commit(const std::string& message) {
    if (committed_)
        throw std::logic_error("store::Transaction: commit called twice");
    publish_staged();
    committed_ = true;
    discard_set_aside();  // from here on the changes stand, whatever git says
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
    // The trailer closes the message, in a paragraph of its own, as git's trailers do.
    while (full.ends_with('\n'))
        full.pop_back();
    full += "\n\n" + std::string(git::kCommandTrailer) + ": " + command_of(message);
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
