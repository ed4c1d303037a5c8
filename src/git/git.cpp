#include "crm/git/git.hpp"

#include <algorithm>
#include <chrono>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

const std::vector<std::string>& git_unset_variables() {
    static const std::vector<std::string> kVars{"GIT_DIR",
                                                "GIT_WORK_TREE",
                                                "GIT_INDEX_FILE",
                                                "GIT_OBJECT_DIRECTORY",
                                                "GIT_COMMON_DIR",
                                                "GIT_NAMESPACE",
                                                "GIT_PREFIX",
                                                "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                                                "GIT_CEILING_DIRECTORIES",
                                                "GIT_DISCOVERY_ACROSS_FILESYSTEM"};
    return kVars;
}

namespace {

// `.git` is a folder, or a file "gitdir: PATH" in worktrees and submodules.
std::optional<fs::path> git_dir_at(const fs::path& dir) {
    const fs::path dot_git = dir / ".git";
    std::error_code ec;
    if (fs::is_directory(dot_git, ec))
        return dot_git;
    if (fs::is_regular_file(dot_git, ec)) {
        auto text = os::read_file(dot_git, 4096).value_or("");
        if (text.starts_with("gitdir: ")) {
            fs::path target = trim(text.substr(8));
            return target.is_absolute() ? target : dir / target;
        }
    }
    return std::nullopt;
}

std::string first_line(const std::string& s) {
    std::string t = trim(s);
    // git prefixes its messages with "fatal: " or "error: "; the user wants the reason.
    for (const char* prefix : {"fatal: ", "error: "})
        if (t.starts_with(prefix))
            t = t.substr(std::string_view(prefix).size());
    return t.substr(0, t.find('\n'));
}

bool identity_missing(const std::string& git_error) {
    return git_error.find("Please tell me who you are") != std::string::npos ||
           git_error.find("unable to auto-detect email") != std::string::npos ||
           git_error.find("empty ident") != std::string::npos;
}

}  // namespace

std::string git_reason(const os::ProcessResult& r) {
    return first_line(r.err.empty() ? r.out : r.err);
}

std::optional<Git> Git::find(const fs::path& folder, const os::ProcessRunner& runner) {
    std::error_code ec;
    fs::path dir = fs::weakly_canonical(folder, ec);
    if (ec)
        dir = folder;
    for (fs::path d = dir;; d = d.parent_path()) {
        if (auto gd = git_dir_at(d))
            return Git(folder, *gd, runner);
        if (d == d.parent_path())
            break;
    }
    return std::nullopt;
}

os::ProcessResult init_repository(const fs::path& folder) {
    os::ProcessOptions o;
    o.cwd = folder;
    o.unset_env = git_unset_variables();
    return os::run_process({"git", "init", "--quiet", "--", "."}, o);
}

namespace {

// git refuses a repository whose owner is another user (safe.directory): every command
// that needs the repository fails with this, and "nothing in the history" or "not
// committed" would hide why.
void refuse_other_owner(const os::ProcessResult& r, const fs::path& folder) {
    constexpr std::string_view kSaid = "detected dubious ownership in repository at '";
    const auto at = r.err.find(kSaid);
    if (r.ok() || at == std::string::npos)
        return;
    const auto start = at + kSaid.size();
    const auto end = r.err.find('\'', start);
    const std::string repo =
        end == std::string::npos ? folder.string() : r.err.substr(start, end - start);
    throw RuntimeError(fmt::format("git refuses to work in {}: it belongs to another user of this "
                                   "machine, and git does not trust it (dubious ownership)",
                                   repo),
                       fmt::format("if you trust that repository, tell git so:  git config "
                                   "--global --add safe.directory {}",
                                   repo));
}

}  // namespace

std::string literal(const std::string& path) {
    return fmt::format(":(literal){}", path);
}

namespace {

std::vector<std::string> literals(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    out.reserve(paths.size());
    for (const auto& p : paths)
        out.push_back(literal(p));
    return out;
}

}  // namespace

os::ProcessResult Git::run(const std::vector<std::string>& args, const std::string& input) const {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    os::ProcessOptions o;
    o.cwd = folder_;
    o.unset_env = git_unset_variables();
    o.set_env = {{"LC_ALL", "C"}, {"GIT_TERMINAL_PROMPT", "0"}};
    o.input = input;
    auto r = runner_->run(argv, o);
    refuse_other_owner(r, folder_);
    return r;
}

std::optional<std::string> Git::config(const std::string& key) const {
    auto r = run({"config", "--get", key});
    if (!r.ok())
        return std::nullopt;
    std::string v = trim(r.out);
    if (v.empty())
        return std::nullopt;
    return v;
}

std::string Git::blocking_state() const {
    if (os::exists_no_follow(git_dir_ / "MERGE_HEAD"))
        return "a merge is in progress";
    if (os::exists_no_follow(git_dir_ / "rebase-merge") ||
        os::exists_no_follow(git_dir_ / "rebase-apply"))
        return "a rebase is in progress";
    if (os::exists_no_follow(git_dir_ / "CHERRY_PICK_HEAD"))
        return "a cherry-pick is in progress";
    auto head = os::read_file(git_dir_ / "HEAD", 4096).value_or("");
    if (!head.starts_with("ref: "))
        return "HEAD is detached (no branch is checked out)";
    return {};
}

bool index_lock_busy(const os::ProcessResult& r) {
    return !r.ok() && r.err.find("index.lock': File exists") != std::string::npos;
}

namespace {

bool nothing_to_commit(const os::ProcessResult& r) {
    for (const char* said :
         {"nothing to commit", "nothing added to commit", "no changes added to commit"})
        if (r.out.find(said) != std::string::npos || r.err.find(said) != std::string::npos)
            return true;
    return false;
}

}  // namespace

// A short wait first: an editor's `git status` holds index.lock for milliseconds.
void Git::back_off(int attempt, int& waited_ms) const {
    const int ms = std::min(10 << std::min(attempt, 5), 250);
    runner_->wait(std::chrono::milliseconds(ms));
    waited_ms += ms;
}

os::ProcessResult Git::run_locking(const std::vector<std::string>& args) const {
    int waited = 0;
    for (int attempt = 0;; ++attempt) {
        os::ProcessResult r = run(args);
        if (!index_lock_busy(r) || waited >= kLockWaitMs)
            return r;
        back_off(attempt, waited);
    }
}

bool Git::wait_for_index_lock() const {
    int waited = 0;
    for (int attempt = 0; os::exists_no_follow(git_dir_ / "index.lock"); ++attempt) {
        if (waited >= kLockWaitMs)
            return false;
        back_off(attempt, waited);
    }
    return true;
}

std::vector<std::string> Git::known(const std::vector<std::string>& paths, bool with_head) const {
    std::vector<std::string> args{"ls-files", "-z", "--cached"};
    if (with_head)
        args.push_back("--with-tree=HEAD");
    args.push_back("--");
    for (const auto& p : paths)
        args.push_back(literal(p));
    auto r = run(args);
    if (!r.ok())
        return with_head ? known(paths, false) : paths;  // an unborn HEAD; or let git say
    return split(r.out, '\0');
}

Git::CommitPaths Git::commit_paths(const std::vector<std::string>& files) const {
    std::vector<std::string> gone;
    for (const auto& f : files)
        if (!os::exists_no_follow(folder_ / f))
            gone.push_back(f);
    if (gone.empty())
        return {files, files};  // the common case: no git process to ask
    const auto in_index_or_head = known(gone, true);
    auto has = [](const std::vector<std::string>& v, const std::string& f) {
        return std::find(v.begin(), v.end(), f) != v.end();
    };
    CommitPaths out;
    for (const auto& f : files) {
        const bool there = !has(gone, f);
        if (there)
            out.add.push_back(f);
        if (there || has(in_index_or_head, f))
            out.commit.push_back(f);
    }
    return out;
}

namespace {

// git could not update HEAD: another git moved it under the commit ("is at X but expected
// Y"), or holds HEAD.lock or the branch's lock for a moment. Worth a retry.
bool head_busy(const os::ProcessResult& r) {
    return !r.ok() && r.err.find("cannot lock ref") != std::string::npos;
}

// The lock file git names in "Unable to create 'PATH': File exists.", or "".
std::string lock_file_named(const std::string& err) {
    constexpr std::string_view kSaid = "Unable to create '";
    const auto at = err.find(kSaid);
    if (at == std::string::npos || err.find("File exists", at) == std::string::npos)
        return {};
    const auto start = at + kSaid.size();
    const auto end = err.find('\'', start);
    return end == std::string::npos ? std::string{} : err.substr(start, end - start);
}

}  // namespace

os::ProcessResult Git::commit_only(const std::vector<std::string>& files,
                                   const std::string& message) const {
    std::vector<std::string> args{"commit", "--quiet", "--only", "-m", message, "--"};
    for (const auto& f : files)
        args.push_back(literal(f));
    int waited = 0;
    for (int attempt = 0;; ++attempt) {
        os::ProcessResult r = run(args);
        if (!(index_lock_busy(r) || head_busy(r)) || waited >= kLockWaitMs)
            return r;
        back_off(attempt, waited);
    }
}

std::vector<std::string> Git::refused_by_add(const std::vector<std::string>& files) const {
    std::vector<std::string> refused;
    for (const auto& f : files) {
        auto r = run_locking({"add", "--intent-to-add", "--", literal(f)});
        if (!r.ok() && !index_lock_busy(r))
            refused.push_back(f);
    }
    return refused;
}

bool Git::commit(const std::vector<std::string>& given, const std::string& message) const {
    const CommitPaths paths = commit_paths(given);
    const std::vector<std::string>& files = paths.commit;
    const std::vector<std::string>& to_add = paths.add;
    if (files.empty())
        return false;
    const std::string listed = join(files, " ");
    const std::string kept = fmt::format(
        "the data is saved in {}; nothing was lost, and the next crm command that commits "
        "includes it",
        listed);
    if (std::string state = blocking_state(); !state.empty()) {
        throw RuntimeError(fmt::format("not committed: {}", state),
                           fmt::format("{}. Or finish that in git, then:  git add {} && git commit",
                                       kept, listed));
    }
    const RuntimeError busy(
        fmt::format("not committed: another git process is using the repository ({} exists)",
                    git_dir_ / "index.lock"),
        fmt::format("{}. If no git is running (an editor, a shell prompt), a git that crashed "
                    "left it: remove that file",
                    kept));
    const RuntimeError no_identity(
        "not committed: git does not know who you are",
        fmt::format("{}. Set an identity (git config user.name \"Your Name\"; git config "
                    "user.email you@example.com), then:  git commit {}",
                    kept, listed));

    // A new file must be known to the index for --only to take it: `git add
    // --intent-to-add` records that, without content (a no-op for tracked files). Its
    // content is staged by the commit itself, so that a `git commit` of the user's,
    // running beside crm's, never takes crm's file into the user's commit.
    std::vector<std::string> add{"add", "--intent-to-add", "--"};
    const auto specs = literals(to_add);
    add.insert(add.end(), specs.begin(), specs.end());
    // Only removals: --only finds them in the index or HEAD, nothing to add.
    auto added = to_add.empty() ? os::ProcessResult{0, {}, {}} : run_locking(add);
    if (!added.ok()) {
        if (index_lock_busy(added))
            throw busy;
        // Which paths git will not take, so that the caller can tell them from the rest.
        const auto refused = to_add.size() == 1 ? to_add : refused_by_add(to_add);
        const bool sparse =
            added.err.find("outside of your sparse-checkout definition") != std::string::npos;
        const std::string reason =
            fmt::format("not committed: git add failed: {}",
                        sparse ? "git does not take a path outside this clone's sparse checkout"
                               : git_reason(added));
        if (!refused.empty())
            throw PathsRefused(reason, fmt::format("{}.", kept), refused);
        throw RuntimeError(reason, fmt::format("{}.", kept));
    }
    // Always --only, though it costs git a second index built from HEAD: a plain `git
    // commit` would take whatever else is in the index, and a user's `git add` between
    // any check crm could make and the commit would join it.
    auto committed = commit_only(files, message);
    // `git commit` reads the index before it locks it, so one of the user's, running
    // beside, can write back an index from before crm's `git add --intent-to-add`: the new
    // file is unknown again. Said again, a few times.
    for (int attempt = 0;
         attempt < 3 && !to_add.empty() && !committed.ok() &&
         committed.err.find("did not match any file(s) known to git") != std::string::npos;
         ++attempt) {
        if (!run_locking(add).ok())
            break;
        committed = commit_only(files, message);
    }
    if (committed.ok())
        return true;
    if (nothing_to_commit(committed))
        return false;
    if (index_lock_busy(committed))
        throw busy;
    if (identity_missing(committed.err))
        throw no_identity;
    if (head_busy(committed)) {
        const std::string lock = lock_file_named(committed.err);
        if (!lock.empty())
            throw RuntimeError(
                fmt::format("not committed: another git process is updating the branch ({} "
                            "exists)",
                            lock),
                fmt::format("{}. If no git is running, a git that crashed left it: remove that "
                            "file",
                            kept));
        throw RuntimeError(
            fmt::format("not committed: another git process kept committing to this branch "
                        "while crm tried for {} seconds",
                        kLockWaitMs / 1000),
            fmt::format("{}. Or commit it yourself once that git is done:  git commit {}", kept,
                        listed));
    }
    throw RuntimeError(
        fmt::format("not committed: git commit failed: {}", git_reason(committed)),
        fmt::format(
            "{}. Or fix the cause (a hook? the signing program?) and commit:  git commit {}", kept,
            listed));
}

}  // namespace crm::git
