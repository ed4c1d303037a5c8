#pragma once
// Files written but not committed because their commit failed (a hook, a signing program,
// git busy for too long). They stay on disk, are named in .crm/uncommitted, and the next
// commit that crm makes in this clone includes them, so a refused commit never leaves a
// visit out of the shared history for good. Removals (a file removed or renamed away)
// are remembered apart, in .crm/uncommitted-removals: a written file that is gone since
// was deleted by hand and is not crm's to commit, a removed one is gone on purpose.
// Call these under the FolderLock.
#include <filesystem>
#include <string>
#include <vector>

namespace crm::store {

// The remembered files that still exist (relative to the folder), in the order written.
std::vector<std::string> uncommitted_files(const std::filesystem::path& root);

// Adds `files` to the list (once each). Throws RuntimeError when the list cannot be
// written (a full disk).
void remember_uncommitted(const std::filesystem::path& root, const std::vector<std::string>& files);

// The remembered removals, in the order removed, whether or not something is at the
// path again (git commits whatever is there, or the removal).
std::vector<std::string> uncommitted_removals(const std::filesystem::path& root);

// Adds `paths` to the removals (once each); throws as remember_uncommitted.
void remember_uncommitted_removals(const std::filesystem::path& root,
                                   const std::vector<std::string>& paths);

// Takes `paths` off both lists (a path git refuses, which would stop every later commit).
void forget_uncommitted_paths(const std::filesystem::path& root,
                              const std::vector<std::string>& paths);

// Empties both lists, after a commit that included every path on them.
void forget_uncommitted(const std::filesystem::path& root);

}  // namespace crm::store
