#pragma once
// What crm asks git before it changes a file it is going to commit, so that a crm commit
// holds exactly the bytes crm wrote (spec section 5):
//
// * a file with changes that are not crm's own (staged, edited in the work tree,
//   deleted, or untracked, and not on crm's list of files it wrote but could not commit,
//   uncommitted.hpp) is refused before crm touches it: committing crm's change would
//   commit the person's change with it, and `crm undo` would then take both back. With
//   --include-changes (CommitPolicy::include_changes) it is taken, and the commit
//   message says so;
// * a file git is told not to look at (skip-worktree, assume-unchanged) is refused: git
//   would never commit crm's change, and crm would say it had;
// * a new file whose path git's index has (a sparse checkout: in the index, not on disk)
//   is refused at the commit, before anything stands: its name is taken.
//
// None of this applies when nothing is committed (--no-commit, `autocommit: false`, no
// repository). store::Transaction asks before each change; `crm edit` asks before it
// opens the editor, so that nobody edits a file crm will then refuse.
#include <filesystem>
#include <string>
#include <vector>

#include "crm/store/transaction.hpp"

namespace crm::store {

// Checks `paths` (files or folders, relative to `root`) before a change. Throws
// RuntimeError, having changed nothing, as above; `own` are paths this command may
// change whatever their state (those it changed already). Returns the paths whose
// changes are not crm's and go with the commit under --include-changes. `known`, when
// given, is git's answer for a folder holding every path, asked once (a merge moves
// hundreds of files of one client), else git is asked here.
std::vector<std::string> check_before_change(const CommitPolicy& policy,
                                             const std::filesystem::path& root,
                                             const std::vector<std::string>& paths,
                                             const std::vector<std::string>& own = {},
                                             const git::Git::IndexState* known = nullptr);

// What the commit must know of git's index first.
struct IndexCheck {
    std::vector<std::string> taken;    // new paths git's index has
    std::vector<std::string> ignored;  // earlier paths git ignores (skip-worktree...)
};

// `new_paths`: what the transaction created; `earlier`: what earlier commands could not
// commit. One question to git.
IndexCheck check_index(const git::Git& git, const std::vector<std::string>& new_paths,
                       const std::vector<std::string>& earlier);

// The RuntimeError for new paths that git's index has.
RuntimeError taken_paths_error(const std::vector<std::string>& taken);

}  // namespace crm::store
