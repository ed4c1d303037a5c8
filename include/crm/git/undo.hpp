#pragma once
// `crm undo`: taking back the last commit crm made in this clone, through git itself.
//
// Not pushed yet, the commit is reset: HEAD goes back to its parent (`git update-ref`,
// only if HEAD is still that commit: a commit the user makes meanwhile is never lost),
// then `git restore
// --source=HEAD --staged --worktree` of exactly that commit's files, so that its files are
// as before it in the index and the work tree, and every other change the user has
// (staged, unstaged, untracked) stays as it was. Pushed (it is in the upstream's tracking
// ref), it is reverted with a new commit: `git revert --no-commit`, then `git commit
// --only` of its files, so that nothing else the user stages joins the revert.
//
// The checks come first and change nothing; each refusal is a RuntimeError with what to
// do. The caller holds the folder lock.
#include <optional>
#include <string>
#include <vector>

#include "crm/git/git.hpp"

namespace crm::git {

struct CommitInfo {
    std::string id;       // full id
    std::string subject;  // "log-visit: Acme (2026-11-23 visit)"
    std::string author;   // "Bob Jones <bob@example.com>"
    std::string command;  // its Crm-Command trailer; empty when crm did not make it
    bool mine = false;    // authored with this clone's git identity (the email)
    bool root = false;    // the repository's first commit: nothing before it
    // The paths it changed, relative to the repository's top.
    std::vector<std::string> files;
    // Files it committed for an earlier crm command whose own commit had failed (the
    // "Also commits" paragraph), relative to the data folder.
    std::vector<std::string> earlier;
    // Files whose changes were not crm's and went with it (--include-changes; the
    // kIncludedChanges paragraph), relative to the data folder.
    std::vector<std::string> included;
};

// HEAD, or nullopt when nothing is committed.
std::optional<CommitInfo> head_commit(const Git& git);

// Whether `commit` is in the current branch's upstream as this clone last saw it (the
// remote-tracking ref; nothing is fetched). False without an upstream.
bool is_pushed(const Git& git, const std::string& commit);

// The repository-relative paths among `files` that differ from HEAD in the index or the
// work tree, or are there untracked.
std::vector<std::string> changed_among(const Git& git, const std::vector<std::string>& files);

// What stops undo right now (a merge, rebase, cherry-pick or revert in progress, a
// detached HEAD), or empty.
std::string undo_blocker(const Git& git);

// Resets HEAD (which must be `c`) to its parent and restores `c`'s files but `keep`
// (repository-relative) in the index and work tree. Throws RuntimeError when git refuses.
void reset_commit(const Git& git, const CommitInfo& c, const std::vector<std::string>& keep);

// Reverts HEAD (which must be `c`) with a commit of its own, of exactly `c`'s files:
// whatever else is staged stays staged. Returns the new commit's id.
std::string revert_commit(const Git& git, const CommitInfo& c);

// The data folder's place in the repository ("" at its top, else "sub/dir/").
std::string prefix_in_repository(const Git& git);

}  // namespace crm::git
