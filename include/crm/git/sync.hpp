#pragma once
// Sharing the folder through git: commit crm's own files, fetch, rebase onto the
// upstream, push (retrying once when a teammate pushed first). Any failure before the
// push leaves the repository exactly as it was: HEAD, index and work tree, with no
// rebase in progress.
#include <string>
#include <vector>

#include "crm/git/changes.hpp"
#include "crm/git/git.hpp"

namespace crm::git {

struct SyncOutcome {
    std::string upstream_before;   // the upstream commit before fetching ("" when unknown)
    std::string upstream_fetched;  // the upstream commit that was rebased onto
    std::string upstream_after;    // the upstream commit after pushing
    int pulled = 0;                // commits that arrived
    int pushed = 0;                // commits sent
    bool retried = false;          // the first push was rejected
    bool upstream_set = false;     // the push set the branch's upstream (Upstream::set_on_push)
};

// Commits `commit_files` (relative to the folder; may be empty) with `message`, then
// fetches, rebases and pushes. On a conflict or any failure before the push, restores
// the repository and throws RuntimeError naming the files and what to do.
SyncOutcome sync_with_upstream(const Git& git, const Upstream& up,
                               const std::vector<std::string>& commit_files,
                               const std::string& message);

}  // namespace crm::git
