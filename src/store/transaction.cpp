#include "crm/store/transaction.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "crm/git/history.hpp"
#include "crm/os/files.hpp"
#include "crm/store/commit_guard.hpp"
#include "crm/store/committed.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::store {

namespace fs = std::filesystem;

namespace {

using os::exists_no_follow;

bool is_dir_no_follow(const fs::path& p) {
    return os::entry_kind(p) == os::EntryKind::folder;
}

// The files (and links) below the folder `relative`, as paths relative to the root,
// sorted: what git has to hear about when the folder goes. Links are not followed.
std::vector<std::string> files_below(const fs::path& root, const std::string& relative) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root / relative, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!it->is_directory(ec) || it->is_symlink(ec))
            files.push_back(fs::path(relative) / it->path().lexically_relative(root / relative));
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
    if (committed_ || steps_.empty()) {
        if (!committed_)
            journal_.close();
        return;
    }
    try {
        rollback();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor cannot say; see the header
    }
}

Transaction::Transaction(fs::path root, CommitPolicy policy)
    : root_(std::move(root)), policy_(std::move(policy)), lock_(root_), journal_(root_) {
    // What a killed crm left: before anything else, and before the cleanup below, which
    // would remove what it set aside.
    const Recovered recovered = recover_journal(root_);
    if (const std::string line = describe(recovered); !line.empty() && policy_.note)
        policy_.note(line);
    os::remove_stale_temp_files(root_);
    // A change of crm's that another program's `git commit` took back out of HEAD
    // (committed.hpp): on crm's list again, for this transaction's commit, or the next.
    if (commits()) {
        if (const auto back = taken_back(*policy_.git, root_); !back.empty()) {
            try {
                remember_uncommitted(root_, back);
                if (policy_.note)
                    policy_.note(fmt::format(
                        "{}: a git commit made beside crm's took crm's change back out of "
                        "git; the file on disk is crm's, and crm commits it again",
                        join(back, ", ")));
            } catch (const RuntimeError&) {
                // A full disk: the next transaction finds them again.
            }
        }
    }
}

void Transaction::require_open(const std::string& relative) const {
    if (committed_)
        throw std::logic_error(
            fmt::format("store::Transaction: a change after commit ({})", relative));
    const fs::path p(relative);
    const bool inside = !relative.empty() && p.is_relative() &&
                        std::find(p.begin(), p.end(), "..") == p.end() &&
                        *p.begin() != os::kPrivateDir && *p.begin() != ".git";
    if (!inside)
        throw RuntimeError(
            fmt::format("refusing to change '{}': not a path of the folder's data", relative));
}

void Transaction::touch(const std::string& relative) {
    if (std::find(touched_.begin(), touched_.end(), relative) == touched_.end())
        touched_.push_back(relative);
}

void Transaction::begin(const JournalStep& step) {
    journal_.add(step);
}

void Transaction::made(JournalStep step) {
    steps_.push_back(std::move(step));
    ++changes_;
    if (policy_.pause_after_step > 0 && changes_ == policy_.pause_after_step) {
        if (policy_.note)
            policy_.note(
                fmt::format("paused after change {} (CRM_TEST_PAUSE_AFTER_STEP)", changes_));
        std::this_thread::sleep_for(std::chrono::seconds(60));
    }
}

std::optional<std::string> Transaction::read(const std::string& relative) {
    require_open(relative);
    auto got = os::read_for_change(root_, relative, kMaxKeptBytes);
    if (got && got->text.size() > kMaxKeptBytes)
        throw RuntimeError(fmt::format("cannot change {}: it is larger than 64 MiB", relative));
    reads_[relative] = got;
    if (!got)
        return std::nullopt;
    return got->text;
}

void Transaction::create(const std::string& relative, std::string_view text) {
    require_open(relative);
    JournalStep step{JournalStep::Kind::created,
                     relative,
                     {},
                     {},
                     content_hash(text),
                     missing_folders(root_, fs::path(relative).parent_path())};
    os::ensure_no_symlinks(root_, relative);
    if (exists_no_follow(root_ / relative))
        throw RuntimeError(fmt::format("{} already exists", (root_ / relative).string()));
    begin(step);
    os::write_atomic(root_, relative, text, true);
    made(std::move(step));
    touch(relative);
    new_paths_.push_back(relative);
}

void Transaction::stage(const std::string& relative, std::string_view text) {
    require_open(relative);
    for (const auto& s : staged_)
        if (s.path == relative)
            throw RuntimeError(fmt::format("cannot create {}: it is written already", relative));
    os::ensure_no_symlinks(root_, relative);
    if (exists_no_follow(root_ / relative))
        throw RuntimeError(fmt::format("{} already exists", (root_ / relative).string()));
    staged_.push_back({relative, os::write_staged(root_, text), content_hash(text)});
    touch(relative);
}

void Transaction::drop_staged() {
    for (const auto& s : staged_)
        (void)os::remove_if_present(root_ / s.temporary);
    staged_.clear();
}

void Transaction::publish_staged() {
    if (staged_.empty())
        return;
    os::sync_file_system(root_);
    try {
        // Written down all at once (one fsync): a step whose file never got its name is
        // "not made" to the next writer's recovery.
        std::vector<JournalStep> steps;
        steps.reserve(staged_.size());
        for (const auto& s : staged_)
            steps.push_back({JournalStep::Kind::created,
                             s.path,
                             {},
                             {},
                             s.hash,
                             missing_folders(root_, fs::path(s.path).parent_path())});
        journal_.add(steps);
        for (std::size_t i = 0; i < staged_.size(); ++i) {
            os::publish_staged(root_, staged_[i].temporary, steps[i].path);
            new_paths_.push_back(steps[i].path);
            made(std::move(steps[i]));
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
    before_change(relative);
    os::ensure_no_symlinks(root_, relative);
    if (is_dir_no_follow(root_ / relative))
        throw RuntimeError(fmt::format("cannot replace {}: it is a folder", relative));
    // The version the caller read, else the one there now: either must still be there
    // when the new one lands.
    std::optional<os::StampedText> was;
    if (auto it = reads_.find(relative); it != reads_.end()) {
        was = it->second;
    } else {
        was = os::read_for_change(root_, relative, kMaxKeptBytes);
        if (was && was->text.size() > kMaxKeptBytes)
            throw RuntimeError(
                fmt::format("cannot replace {}: it is larger than 64 MiB", relative));
    }
    JournalStep step{JournalStep::Kind::replaced,
                     relative,
                     {},
                     was ? os::aside_path(relative).string() : std::string(),
                     content_hash(text),
                     missing_folders(root_, fs::path(relative).parent_path())};
    begin(step);
    os::replace_atomic(root_, relative, text, was, step.aside);
    // A second change of the file in this transaction starts from what it wrote.
    reads_.erase(relative);
    if (!was)
        new_paths_.push_back(relative);
    made(std::move(step));
    touch(relative);
}

void Transaction::remove(const std::string& relative) {
    require_open(relative);
    before_change(relative);
    const bool folder = is_dir_no_follow(root_ / relative);
    const auto files = folder ? files_below(root_, relative) : std::vector<std::string>{relative};
    if (!folder) {
        // As os::remove_file: only a file, never a link, and a clear word when it is absent.
        if (!exists_no_follow(root_ / relative))
            throw RuntimeError(
                fmt::format("cannot remove {}: there is no such file", root_ / relative));
    }
    os::ensure_no_symlinks(root_, relative);
    JournalStep step{JournalStep::Kind::set_aside,      relative, {},
                     os::aside_path(relative).string(), 0,        {}};
    begin(step);
    os::set_aside_to(root_, relative, step.aside);
    made(std::move(step));
    for (const auto& f : files)
        touch(f);
}

void Transaction::rename(const std::string& from, const std::string& to) {
    require_open(from);
    require_open(to);
    before_change(from);
    const bool folder = is_dir_no_follow(root_ / from);
    const auto moved = folder ? files_below(root_, from) : std::vector<std::string>{};
    os::ensure_no_symlinks(root_, from);
    os::ensure_no_symlinks(root_, to);
    if (!exists_no_follow(root_ / from))
        throw RuntimeError(fmt::format("cannot rename {}: there is no such file or folder",
                                       (root_ / from).string()));
    if (exists_no_follow(root_ / to))
        throw RuntimeError(fmt::format("cannot rename {}: {} already exists",
                                       (root_ / from).string(), (root_ / to).string()));
    JournalStep step{JournalStep::Kind::renamed,
                     to,
                     from,
                     {},
                     0,
                     missing_folders(root_, fs::path(to).parent_path())};
    begin(step);
    os::rename_no_replace(root_, from, to);
    made(std::move(step));
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

void Transaction::rollback() {
    drop_staged();
    std::vector<std::string> failed;
    std::string why;
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
        try {
            (void)undo_step(root_, *it);
        } catch (const std::exception& e) {
            failed.push_back(it->kind == JournalStep::Kind::set_aside
                                 ? fmt::format("{} (it is in {})", it->path, it->aside)
                                 : it->path);
            if (why.empty())
                why = e.what();
        }
    }
    steps_.clear();
    touched_.clear();
    reads_.clear();
    // What could not be put back is named below; the journal, which the next writer
    // would act on again, goes.
    journal_.close();
    new_paths_.clear();
    included_.clear();
    asked_.clear();
    if (!failed.empty()) {
        std::string list;
        for (const auto& f : failed)
            list += (list.empty() ? "" : ", ") + f;
        throw RuntimeError(
            fmt::format("could not put back {}: {}", list, why),
            "look with git status; git restore or git checkout brings back what git has");
    }
}

void Transaction::discard_set_aside() {
    for (const auto& u : steps_) {
        if (!u.aside.empty()) {
            std::error_code ec;
            fs::remove_all(root_ / u.aside, ec);  // what is left, the next writer removes
        }
    }
    steps_.clear();
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
    message += fmt::format("\n\n{}\n", title);
    for (const auto& f : paths)
        message += fmt::format("  {}\n", f);
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
    publish_staged();  // throws having published none, or the destructor takes them back
    const bool will_commit = !touched_.empty() && commits();
    // What an earlier command changed but could not commit goes with this commit.
    std::vector<std::string> earlier;
    IndexCheck index;
    if (will_commit) {
        auto pick_up = [&](const std::vector<std::string>& paths) {
            for (const auto& f : paths) {
                if (std::find(touched_.begin(), touched_.end(), f) == touched_.end() &&
                    std::find(earlier.begin(), earlier.end(), f) == earlier.end())
                    earlier.push_back(f);
            }
        };
        pick_up(uncommitted_files(root_));
        pick_up(uncommitted_removals(root_));
        index = check_index(*policy_.git, new_paths_, earlier);
        if (!index.taken.empty()) {
            rollback();  // nothing stands yet: the name was never crm's to take
            throw taken_paths_error(index.taken);
        }
    }
    // Written down before the changes stand: a crm killed from here on has them committed
    // by the next writer, never taken back. A journal that cannot say so takes them back.
    try {
        journal_.committing(touched_, will_commit);
    } catch (const RuntimeError&) {
        rollback();
        throw;
    }
    committed_ = true;
    discard_set_aside();  // from here on the changes stand, whatever git says
    if (!will_commit) {
        journal_.close();
        return false;
    }

    // Files left uncommitted are remembered for the next writer; on a full disk the
    // journal, which names them too, stays instead.
    auto remember = [&](const std::vector<std::string>& paths) {
        std::vector<std::string> written, removed;
        for (const auto& f : paths)
            (exists_no_follow(root_ / f) ? written : removed).push_back(f);
        try {
            remember_uncommitted(root_, written);
            if (!removed.empty())
                remember_uncommitted_removals(root_, removed);
        } catch (const RuntimeError& e) {
            if (policy_.note)
                policy_.note(fmt::format(
                    "{}; .crm/journal keeps the list for the next crm command that writes",
                    e.what()));
            return;
        }
        journal_.close();
    };
    // A path git will not commit must not stop every later commit: it leaves the list.
    auto drop = [&](const std::vector<std::string>& paths, const std::string& why) {
        if (paths.empty())
            return;
        forget_uncommitted_paths(root_, paths);
        earlier = without(earlier, paths);
        if (policy_.warn)
            policy_.warn(
                fmt::format("{} {} no longer among the files crm commits for you: {}; "
                            "commit it yourself once git takes it (git add, git commit)",
                            join(paths, ", "), paths.size() == 1 ? "is" : "are", why));
    };
    drop(index.ignored, "git's index marks it skip-worktree or assume-unchanged");

    const std::string command = command_of(message);
    for (int attempt = 0;; ++attempt) {
        std::vector<std::string> all = touched_;
        all.insert(all.end(), earlier.begin(), earlier.end());
        std::string full = one_line(message);
        paragraph(full,
                  "Also commits what an earlier crm command wrote but could not commit:", earlier);
        paragraph(full, fmt::format("{}:", git::kIncludedChanges), included_);
        // The trailer closes the message, in a paragraph of its own, as git's trailers do.
        while (full.ends_with('\n'))
            full.pop_back();
        full += fmt::format("\n\n{}: {}", git::kCommandTrailer, command);
        try {
            const bool made = policy_.git->commit(all, full);
            forget_uncommitted(root_);
            if (made)
                remember_committed(*policy_.git, root_, all);
            journal_.close();
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
            remember(without(all, e.paths()));
            if (mine.empty())
                throw;
            throw RuntimeError(
                std::string(e.what()),
                fmt::format("nothing was lost: {} stays on disk, but crm does not try to commit "
                            "it again; to share it, let git take it (git sparse-checkout add "
                            "{}), then git add and git commit it",
                            join(mine, ", "), fs::path(mine.front()).parent_path().string()));
        } catch (const RuntimeError&) {
            // What is there now is to be committed; what is gone, its removal.
            remember(all);
            throw;
        }
    }
}

}  // namespace crm::store
