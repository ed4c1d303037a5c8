#pragma once
// What rename --slug, merge and rm share: they move or remove whole client folders, so
// they first make sure git has every file in them (nothing uncommitted is moved into
// another commit or deleted for good), and they say how to get the folder back.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

// Throws RuntimeError naming the files of clients/<slug> (for each slug) that differ
// from git's HEAD or are untracked, with `command` in the advice. Nothing to check
// without a repository.
void require_committed(Context& ctx, const std::vector<std::string>& slugs,
                       const std::string& command);

// The short id of HEAD, or "" without a repository or a commit.
std::string head_short_id(Context& ctx);

// "1 file", "3 files".
std::string counted(std::size_t n, const std::string& word);

}  // namespace crm::commands
