#include "crm/store/transaction.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "crm/git/history.hpp"
#include "crm/os/files.hpp"
#include "crm/store/commit_guard.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/error.hpp"
#include "crm/util/text.hpp"

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
    new_paths_.push_back(relative);
}

void Transaction::replace(const std::string& relative, std::string_view text) {
    require_open(relative);
    before_change(relative);
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
    if (!u.old_text)
        new_paths_.push_back(relative);
    journal_.push_back(std::move(u));
    touch(relative);
}

void Transaction::remove(const std::string& relative) {
    require_open(relative);
    before_change(relative);
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
    before_change(from);
    const bool folder = is_dir_no_follow(root_ / from);
    const auto moved = folder ? files_below(root_, from) : std::vector<std::string>{};
    Undo u{
        Undo::Kind::renamed, to, from, {}, {}, missing_folders(root_, fs::path(to).parent_path())};
    os::rename_no_replace(root_, from, to);
    journal_.push_back(std::move(u));
    new_paths_.push_back(to);
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
    new_paths_.clear();
    included_.clear();
    asked_.clear();
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

void Transaction::before_change(const std::string& relative) {
    if (!commits() || std::find(touched_.begin(), touched_.end(), relative) != touched_.end())
        return;
    // git is asked once per client folder (clients/<slug>), however many of its files
    // change: what it says holds while the lock is held, and crm's own changes are in
    // touched_.
    const fs::path p(relative);
    auto part = p.begin();
    std::string scope = relative;
    if (*part == "clients" && std::distance(p.begin(), p.end()) > 1)
        scope = (fs::path("clients") / *std::next(part)).string();
    auto known = asked_.find(scope);
    if (known == asked_.end())
        known = asked_.emplace(scope, policy_.git->index_state({scope}, true)).first;
    for (auto& f : check_before_change(policy_, root_, {relative}, touched_, &known->second))
        if (std::find(included_.begin(), included_.end(), f) == included_.end())
            included_.push_back(std::move(f));
}

namespace {

// The command's message as one line: a line break or an escape sequence in a name must
// neither split the subject nor reach a terminal through `git log`.
std::string one_line(const std::string& message) {
    std::string out;
    for (char32_t c : utf8_decode(message)) {
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
        utf8_append(out, control ? U' ' : c);
    }
    return trim(out);
}

void paragraph(std::string& message, const std::string& title,
               const std::vector<std::string>& paths) {
    if (paths.empty())
        return;
    message += "\n\n" + title + "\n";
    for (const auto& f : paths)
        message += "  " + f + "\n";
}

std::vector<std::string> without(std::vector<std::string> from,
                                 const std::vector<std::string>& gone) {
    std::erase_if(from, [&](const std::string& f) {
        return std::find(gone.begin(), gone.end(), f) != gone.end();
    });
    return from;
}

}  // namespace

bool Transaction::commit(const std::string& message) {
    if (committed_)
        throw std::logic_error("store::Transaction: commit called twice");
    if (touched_.empty() || !commits()) {
        committed_ = true;
        discard_set_aside();
        return false;
    }
    // What an earlier command changed but could not commit goes with this commit.
    std::vector<std::string> earlier;
    auto pick_up = [&](const std::vector<std::string>& paths) {
        for (const auto& f : paths) {
            if (std::find(touched_.begin(), touched_.end(), f) == touched_.end() &&
                std::find(earlier.begin(), earlier.end(), f) == earlier.end())
                earlier.push_back(f);
        }
    };
    pick_up(uncommitted_files(root_));
    pick_up(uncommitted_removals(root_));
    const IndexCheck index = check_index(*policy_.git, new_paths_, earlier);
    if (!index.taken.empty()) {
        rollback();  // nothing stands yet: the name was never crm's to take
        throw taken_paths_error(index.taken);
    }
    committed_ = true;
    discard_set_aside();  // from here on the changes stand, whatever git says

    // A path git will not commit must not stop every later commit: it leaves the list.
    auto drop = [&](const std::vector<std::string>& paths, const std::string& why) {
        if (paths.empty())
            return;
        forget_uncommitted_paths(root_, paths);
        earlier = without(earlier, paths);
        if (policy_.warn)
            policy_.warn(join(paths, ", ") + (paths.size() == 1 ? " is" : " are") +
                         " no longer among the files crm commits for you: " + why +
                         "; commit it yourself once git takes it (git add, git commit)");
    };
    drop(index.ignored, "git's index marks it skip-worktree or assume-unchanged");

    const std::string command = command_of(message);
    for (int attempt = 0;; ++attempt) {
        std::vector<std::string> all = touched_;
        all.insert(all.end(), earlier.begin(), earlier.end());
        std::string full = one_line(message);
        paragraph(full,
                  "Also commits what an earlier crm command wrote but could not commit:", earlier);
        paragraph(full, std::string(git::kIncludedChanges) + ":", included_);
        // The trailer closes the message, in a paragraph of its own, as git's trailers do.
        while (full.ends_with('\n'))
            full.pop_back();
        full += "\n\n" + std::string(git::kCommandTrailer) + ": " + command;
        try {
            const bool made = policy_.git->commit(all, full);
            forget_uncommitted(root_);
            if (!earlier.empty() && policy_.also_committed)
                policy_.also_committed(earlier);
            return made;
        } catch (const git::PathsRefused& e) {
            const auto theirs = without(e.paths(), touched_);
            drop(theirs, "git refuses to add it");
            const auto mine = without(e.paths(), theirs);
            if (mine.empty() && !theirs.empty() && attempt == 0)
                continue;  // this command's own files go on without them
            // Remembered, the refused paths would stop every later commit the same way.
            std::vector<std::string> written, removed;
            for (const auto& f : without(all, e.paths()))
                (exists_no_follow(root_ / f) ? written : removed).push_back(f);
            remember_uncommitted(root_, written);
            if (!removed.empty())
                remember_uncommitted_removals(root_, removed);
            if (mine.empty())
                throw;
            throw RuntimeError(std::string(e.what()),
                               "nothing was lost: " + join(mine, ", ") +
                                   " stays on disk, but crm does not try to commit it again; "
                                   "to share it, let git take it (git sparse-checkout add " +
                                   fs::path(mine.front()).parent_path().string() +
                                   "), then git add and git commit it");
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
    }
}

}  // namespace crm::store
