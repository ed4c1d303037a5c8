#pragma once
// File system access for the data folder. Files in the folder are data, never paths to
// follow: every write refuses symlinks on the way, and lands atomically.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::store {

namespace fs = std::filesystem;

// The whole file, or nullopt when it does not exist. Files over `limit` bytes are read
// only up to limit + 1 bytes, enough for the caller to see they are too large.
std::optional<std::string> read_file(const fs::path& path, std::size_t limit);

// Suffix of the temporary files an atomic write makes beside its target; `.gitignore`
// written by `crm init` hides them from git.
inline constexpr std::string_view kTempMarker = ".crm-tmp-";

// Writes `content` to `root / relative` so that the file is either old or new, never
// half-written: a temporary file in the same folder, fsync, rename, fsync of the folder.
// Creates missing folders. Refuses when any part of the path below `root` is a symlink.
// With `exclusive`, refuses when the target exists (new records never overwrite).
void write_atomic(const fs::path& root, const fs::path& relative, std::string_view content,
                  bool exclusive = false);

// As write_atomic, for content given in parts (never copied into one buffer) and without
// fsync: only for derived files that a crash may lose or truncate, the record cache,
// whose checksums notice it. Never for records.
void write_atomic_derived(const fs::path& root, const fs::path& relative,
                          const std::vector<std::string_view>& parts);

// Throws RuntimeError when a component of `relative` below `root` is a symlink.
void ensure_no_symlinks(const fs::path& root, const fs::path& relative);

// Removes the temporary files that write_atomic recorded in `root/.crm/temp-files` and
// that a killed crm left behind. Call it only while holding the FolderLock: it would
// otherwise remove the temporary file of a write in progress.
void remove_journaled_temp_files(const fs::path& root);

// Removes temporary files a killed crm left in `dir` (not recursive).
void remove_stale_temp_files(const fs::path& dir);

// Names of entries in `dir` (no "." or ".."), sorted; empty when it does not exist.
std::vector<std::string> list_dir(const fs::path& dir);

}  // namespace crm::store
