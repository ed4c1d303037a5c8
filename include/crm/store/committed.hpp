#pragma once
// What crm committed last, path by path, so that a change of crm's that someone else's
// git commit took out of HEAD is found and committed again by the next crm command that
// writes.
//
// Why it happens: `git commit` reads the index before it locks it. A person's `git
// commit` (or an editor's) that reads the index just before crm's commit and writes it
// back just after puts back an index from before crm's change, and the next commit made
// from that index takes crm's change out of HEAD: a new visit is deleted, a changed
// client.yaml goes back, though the file on disk is still crm's. Two `git commit`s of the
// person's own race the same way; crm cannot stop another program's git, so it notices.
//
// .crm/committed lists "<commit> <blob> <path>" for the last paths crm committed. A
// path counts as taken back when crm's commit is still in HEAD's history, HEAD has
// another version, and the file on disk is exactly the one crm committed: a teammate's
// change pulled by sync, `crm undo`, `git revert` or `git reset --hard` change the file on
// disk too, and a `git reset` that drops crm's commit leaves it out of history; in those
// cases nothing is taken back, and the entry is forgotten.
//
// Call these under the FolderLock. They never throw: the list only helps, and a list
// that cannot be read or written is no list.
#include <filesystem>
#include <string>
#include <vector>

#include "crm/git/git.hpp"

namespace crm::store {

// After crm's commit of `paths`: remembers HEAD and the blob each of them has in it.
void remember_committed(const git::Git& git, const std::filesystem::path& root,
                        const std::vector<std::string>& paths) noexcept;

// The remembered paths that a later commit took out of HEAD while the file on disk is
// still what crm committed (see above), for the next commit to include again.
std::vector<std::string> taken_back(const git::Git& git,
                                    const std::filesystem::path& root) noexcept;

// Of `paths`, those whose file on disk is exactly what crm last committed of it, whatever
// git's index says: the index may be one a racing `git commit` wrote back (see above).
std::vector<std::string> as_crm_committed(const git::Git& git, const std::filesystem::path& root,
                                          const std::vector<std::string>& paths) noexcept;

}  // namespace crm::store
