#pragma once
// Files written but not committed because their commit failed (a hook, a signing program,
// git busy for too long). They stay on disk, are named in .crm/uncommitted, and the next
// commit that crm makes in this clone includes them, so a refused commit never leaves a
// visit out of the shared history for good. Call these under the FolderLock.
#include <filesystem>
#include <string>
#include <vector>

namespace crm::store {

// The remembered files that still exist (relative to the folder), in the order written.
std::vector<std::string> uncommitted_files(const std::filesystem::path& root);

// Adds `files` to the list (once each).
void remember_uncommitted(const std::filesystem::path& root, const std::vector<std::string>& files);

// Empties the list, after a commit that included every file on it.
void forget_uncommitted(const std::filesystem::path& root);

}  // namespace crm::store
