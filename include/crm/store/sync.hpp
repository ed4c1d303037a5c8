#pragma once
// Sharing the folder through git: commit crm's own files, fetch, rebase onto the
// upstream, push (retrying once when a teammate pushed first). Any failure before the
// push leaves the repository exactly as it was: HEAD, index and work tree, with no
// rebase in progress.
#include <string>
#include <vector>

#include "crm/domain/news.hpp"
#include "crm/store/git.hpp"

namespace crm::store {

// One uncommitted change, as `git status` sees it.
struct LocalChange {
    std::string path;  // relative to the data folder; repository-relative when outside it
    bool crm_data;     // crm.yaml or a record file inside the folder
    bool untracked;    // new and never added
    bool deleted;
};

// Uncommitted changes of the whole repository (ignored files excluded). Throws
// RuntimeError when git cannot tell, or when files are unmerged.
std::vector<LocalChange> local_changes(const Git& git);

struct Upstream {
    std::string branch;        // main
    std::string remote;        // origin
    std::string merge;         // refs/heads/main on the remote
    std::string tracking;      // origin/main, for people
    std::string tracking_ref;  // refs/remotes/origin/main, for git
};

// The current branch's upstream. Throws RuntimeError (with what to do) when HEAD is
// detached or unborn, a merge or rebase is in progress, there is no remote, or the
// branch has no upstream.
Upstream find_upstream(const Git& git);

struct SyncOutcome {
    std::string upstream_before;   // the upstream commit before fetching ("" when unknown)
    std::string upstream_fetched;  // the upstream commit that was rebased onto
    std::string upstream_after;    // the upstream commit after pushing
    int pulled = 0;                // commits that arrived
    int pushed = 0;                // commits sent
    bool retried = false;          // the first push was rejected
};

// Commits `commit_files` (relative to the folder; may be empty) with `message`, then
// fetches, rebases and pushes. On a conflict or any failure before the push, restores
// the repository and throws RuntimeError naming the files and what to do.
SyncOutcome sync_with_upstream(const Git& git, const Upstream& up,
                               const std::vector<std::string>& commit_files,
                               const std::string& message);

// Files added between two commits under clients/ (relative to the folder), each with
// the author of the commit that added it.
std::vector<AddedFile> added_files(const Git& git, const std::string& from, const std::string& to);

// The full id of `rev` when it names a commit of this repository, else "".
std::string resolve_commit(const Git& git, const std::string& rev);

}  // namespace crm::store
