#pragma once
// Staging files by writing git's index directly, as `git update-index --add` would.
// Reading and rewriting a 53,000-entry index costs git about as much as everything else
// `crm log-visit` does; here it costs a copy and a SHA-1. Only the plain cases are
// handled (see index_with_entries); in any other, the caller runs git update-index.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::store {

// One file to stage, with its stat data as git records it.
struct IndexEntry {
    std::string path;  // relative to the top of the work tree, '/'-separated
    std::string id;    // raw blob id (20 bytes)
    std::uint32_t ctime_sec = 0, ctime_nsec = 0, mtime_sec = 0, mtime_nsec = 0;
    std::uint32_t dev = 0, ino = 0, mode = 0100644, uid = 0, gid = 0, size = 0;
};

// Whether the file at `path` (relative to the work tree) still has the content `id`
// (raw) that the index records for it, with git's `mode` (0100644...); nullopt when
// that cannot be told (git must then write the index itself).
using ContentCheck = std::function<std::optional<bool>(std::string_view path, std::uint32_t mode,
                                                       std::string_view id)>;

// A new index, in pieces: most of it is the old index, not copied.
struct IndexParts {
    std::vector<std::string_view> parts;  // into the old index or `owned`; write in order
    std::deque<std::string> owned;
    std::string joined() const;
};

// The index `index` (the file's bytes) with `entries` added or replaced, and the cached
// trees on their paths invalidated; nullopt when this needs more than that. Refused: a
// version other than 2 or 3, any extension but TREE (split index, untracked cache,
// fsmonitor...), a conflict or flagged entry at one of the paths, and a file/folder
// clash. An entry whose mtime is not older than `index_mtime_sec` is racily clean: its
// stat data cannot prove the file unchanged, so, as git does when it writes an index,
// `matches` looks at its content, and an entry whose file changed is smudged (its size
// set to 0, so that git looks again); without `matches` such an index is refused.
std::optional<IndexParts> index_with_entries(std::string_view index,
                                             std::vector<IndexEntry> entries,
                                             std::uint32_t index_mtime_sec,
                                             const ContentCheck& matches = {});

// Stages `files` (relative to `top`, the work tree) at `blob_ids` (hex) in `git_dir`'s
// index, under git's index.lock. False when it did nothing: the caller runs git.
bool stage_in_index(const std::filesystem::path& top, const std::filesystem::path& git_dir,
                    const std::vector<std::string>& files,
                    const std::vector<std::string>& blob_ids);

}  // namespace crm::store
