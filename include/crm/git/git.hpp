#pragma once
// git, run as a program with an argument vector. The caller's variables that point git
// at another repository or index are removed, so no environment can make crm act on
// files outside the data folder.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crm/os/process.hpp"
#include "crm/util/error.hpp"

namespace crm::git {

namespace fs = std::filesystem;

class Git {
  public:
    // The repository holding `folder`, or nullopt when it is in none (git is optional).
    // Every git runs through `runner` (a test's, to see the argument vectors crm runs
    // and give git's answers), which must outlive the Git.
    static std::optional<Git> find(const fs::path& folder,
                                   const os::ProcessRunner& runner = os::system_runner());

    // A repository whose git directory is known: for tests, which run no real git.
    static Git at(fs::path folder, fs::path git_dir, const os::ProcessRunner& runner) {
        return Git(std::move(folder), std::move(git_dir), runner);
    }

    // Runs `git ARGS...` in the data folder. Throws RuntimeError when git refuses the
    // repository as another user's ("dubious ownership"): that is no answer to any
    // question crm asks, and it says what to do.
    os::ProcessResult run(const std::vector<std::string>& args,
                          const std::string& input = {}) const;

    // Commits exactly `files` (relative to the folder) through git itself: `git add
    // --intent-to-add -- FILES`, then `git commit --only -m MESSAGE -- FILES`, so that hooks,
    // signing, filters, attributes, core.fileMode, skip-worktree entries and every index
    // format behave as they do for the user's own commits. Every path is a literal
    // pathspec (`:(literal)`): a file named `2026-11-2?-x.yaml` is that file, never a
    // pattern. --only commits from a second index that git builds from HEAD and these
    // files, with the real index locked meanwhile, so nothing else the user stages, before
    // or during the commit, can join it. The caller holds the os::FolderLock; another git
    // holding index.lock (an editor's `git status`) is waited for, briefly, and so is one
    // that moves HEAD under the commit (a user's own `git commit`): the commit is tried
    // again on the new HEAD. Returns false when git finds nothing to commit (the files are
    // as in HEAD). Throws PathsRefused when `git add` refuses some of the paths (outside
    // a sparse checkout, say), else RuntimeError with advice when the repository's state
    // or git refuses; the files stay on disk either way. A file that is gone from the
    // folder commits its removal; one that is gone and git never had leaves nothing to
    // commit, and is left out (a file crm created and removed again between two commits).
    bool commit(const std::vector<std::string>& files, const std::string& message) const;

    // What git's index says of `paths` (files or folders, relative to the folder): what
    // crm asks before it changes a file it is going to commit. Paths out are relative to
    // the folder. With `with_changes`, also which differ from HEAD (staged, changed in
    // the work tree, deleted) or are untracked; that costs a second git.
    struct IndexState {
        std::vector<std::string> tracked;           // in the index
        std::vector<std::string> skip_worktree;     // git does not look at them on disk
        std::vector<std::string> assume_unchanged;  // git ignores their changes
        std::vector<std::string> changed;           // not as in HEAD, or untracked
    };
    IndexState index_state(const std::vector<std::string>& paths, bool with_changes) const;

    // Runs a git command that takes index.lock, retrying while another git process holds
    // it (for up to kLockWait), as a person would retry. The result of the last attempt.
    os::ProcessResult run_locking(const std::vector<std::string>& args) const;

    // Waits while index.lock exists (up to kLockWait); false when it is still there.
    bool wait_for_index_lock() const;

    // How long crm waits for another git to release index.lock before it gives up.
    static constexpr int kLockWaitMs = 4000;

    std::optional<std::string> config(const std::string& key) const;
    const fs::path& folder() const { return folder_; }
    const fs::path& git_dir() const { return git_dir_; }

    // What stops a commit right now (merge, rebase, detached HEAD), or empty.
    std::string blocking_state() const;

  private:
    // Of the files to commit, those for `git add --intent-to-add` (those on disk) and
    // those for the commit (those, and the removals: gone, and in the index or HEAD). A
    // file gone and in neither the index nor HEAD is in neither list.
    struct CommitPaths {
        std::vector<std::string> add, commit;
    };
    CommitPaths commit_paths(const std::vector<std::string>& files) const;
    // Which of `paths` the index has, or with `with_head`, the index or HEAD.
    std::vector<std::string> known(const std::vector<std::string>& paths, bool with_head) const;
    // `git commit --only`, tried again while another git moves HEAD or holds its lock.
    os::ProcessResult commit_only(const std::vector<std::string>& files,
                                  const std::string& message) const;
    // The paths among `files` that `git add` refuses on its own (asked one at a time,
    // once a `git add` of all of them failed).
    std::vector<std::string> refused_by_add(const std::vector<std::string>& files) const;

    // A short pause before another try (a lock held by another git).
    void back_off(int attempt, int& waited_ms) const;

    Git(fs::path folder, fs::path git_dir, const os::ProcessRunner& runner)
        : folder_(std::move(folder)), git_dir_(std::move(git_dir)), runner_(&runner) {}
    fs::path folder_;
    fs::path git_dir_;
    const os::ProcessRunner* runner_;
};

// Git::commit's refusal of particular paths: `git add` would not stage them (outside the
// sparse checkout, say). Nothing was committed; the other paths may be staged.
class PathsRefused : public RuntimeError {
  public:
    PathsRefused(const std::string& message, std::string hint, std::vector<std::string> paths)
        : RuntimeError(message, std::move(hint)), paths_(std::move(paths)) {}
    const std::vector<std::string>& paths() const { return paths_; }

  private:
    std::vector<std::string> paths_;
};

// `path` as a pathspec that means exactly that path (or folder), whatever its characters.
std::string literal(const std::string& path);

// `git init` of a new repository in `folder`.
os::ProcessResult init_repository(const fs::path& folder);

// True when git failed because another process holds index.lock.
bool index_lock_busy(const os::ProcessResult& r);

// Why git failed, in one line: its message without the "fatal: " or "error: " prefix.
std::string git_reason(const os::ProcessResult& r);

// Variables removed from git's environment.
const std::vector<std::string>& git_unset_variables();

}  // namespace crm::git
