#pragma once
// What changed in a repository: uncommitted files, the upstream, files that arrived.
#include <map>
#include <string>
#include <vector>

#include "crm/git/git.hpp"
#include "crm/model/date.hpp"
#include "crm/model/layout.hpp"

namespace crm::git {

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
    // The branch has no upstream yet and the repository one remote: the branch of the
    // same name there becomes its upstream with the first push (`git push -u`).
    bool set_on_push = false;
};

// The current branch's upstream. Throws RuntimeError (with what to do) when HEAD is
// detached or unborn, a merge or rebase is in progress, there is no remote, or the
// branch has no upstream and the repository several remotes (which one is the team's
// is the person's choice). A branch without an upstream in a repository of one remote
// gets the upstream it will have once pushed, marked `set_on_push`.
Upstream find_upstream(const Git& git);

// Files added between two commits under clients/ (relative to the folder), each with
// the author of the commit that added it.
std::vector<AddedFile> added_files(const Git& git, const std::string& from, const std::string& to);

// For each client file (clients/<slug>/client.yaml, relative to the folder), the date of
// the last commit that changed its `stage:` line: when a client without `stage_since`
// entered its stage. Empty when there are no commits yet or git refuses.
std::map<std::string, Date> stage_change_dates(const Git& git);

// The full id of `rev` when it names a commit of this repository, else "".
std::string resolve_commit(const Git& git, const std::string& rev);

}  // namespace crm::git
