#pragma once
// File system access for the data folder. Files in the folder are data, never paths to
// follow: every write refuses symlinks on the way, and lands atomically.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/os/file_descriptor.hpp"
#include "crm/util/error.hpp"

namespace crm::os {

namespace fs = std::filesystem;

// What is at a path; the last part is never followed when it is a link (lstat). The one
// place crm asks what a path is without following it.
enum class EntryKind { missing, file, folder, link, other };
EntryKind entry_kind(const fs::path& p);
// Anything, a link included, is at `p`.
inline bool exists_no_follow(const fs::path& p) {
    return entry_kind(p) != EntryKind::missing;
}
// Two paths name one file (device and inode; links not followed).
bool same_entry(const fs::path& a, const fs::path& b);

// Small steps of cleanups and recoveries, each true when it was done; none follows a link
// and none throws: what cannot be done now is left for later or for a person.
bool remove_if_present(const fs::path& file);               // a file (or link) itself
bool remove_folder_if_empty(const fs::path& folder);        // a folder that holds nothing
bool move_entry(const fs::path& from, const fs::path& to);  // rename(2), within one folder tree
bool make_private_folder(const fs::path& folder);           // mode 0700; true when it is there now
void sync_folder(const fs::path& folder);                   // makes the names in it durable

// A file a person named for reading (a message, an mbox): open for reading, or a
// RuntimeError naming it and why (missing, unreadable, a folder, not a regular file).
FileDescriptor open_input(const fs::path& path);

// `bytes` in an anonymous file of memory (memfd), read from its start: what arrived on a
// pipe, for readers that want a file they can seek in.
FileDescriptor memory_file(std::string_view bytes);

// The whole file, or nullopt when it does not exist. Files over `limit` bytes are read
// only up to limit + 1 bytes, enough for the caller to see they are too large.
std::optional<std::string> read_file(const fs::path& path, std::size_t limit);

// A file of the folder that is a symbolic link, as readers report it: skipped, named,
// never followed (what it points to is never shown).
DataError linked_file(const std::string& relative);

// As read_file for the file `root / relative` of the data folder, through no link: a link
// on the way or at the file is refused with a DataError naming `relative` (never what the
// link points to), as `crm check` reports it. Readers skip such a file with a warning.
std::optional<std::string> read_data_file(const fs::path& root, const fs::path& relative,
                                          std::size_t limit);

// As read_data_file, the file `name` in the open folder `dir_fd` (a walk that holds its
// folders open); `relative` is only for the message.
std::optional<std::string> read_data_file_at(int dir_fd, const char* name,
                                             const std::string& relative, std::size_t limit);

// One version of a file on disk. Any change by another program (an editor saving in
// place, a rename over it, a touch) changes at least one of these; mtime and ctime in
// nanoseconds.
struct FileStamp {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// A file's bytes with the stamp they were read under.
struct StampedText {
    std::string text;
    FileStamp stamp;
};

// A file changed under crm while it was reading or about to replace it: nothing was
// written. The caller reads again and re-applies its change, or passes this on.
class FileChanged : public RuntimeError {
  public:
    using RuntimeError::RuntimeError;
};

// The file `root / relative` as it is now, for a change: whole, with its stamp, or
// nullopt when it does not exist. No link is followed (RuntimeError). A read is whole:
// while another program holds the file open for writing (an editor saving in place
// truncates, then writes) or the stamp moves during the read, it waits and reads again,
// and throws FileChanged when the file does not settle within a few seconds.
std::optional<StampedText> read_for_change(const fs::path& root, const fs::path& relative,
                                           std::size_t limit);

// Marks the temporary files of atomic writes (`.NAME.crm-tmp-RANDOM`).
inline constexpr std::string_view kTempMarker = ".crm-tmp-";

// crm's own folder inside the data folder (the lock, the cache, temporary files,
// rescued edits, this clone's state). Invisible to git whatever the folder's .gitignore
// says: it holds a .gitignore of its own that ignores everything.
inline constexpr std::string_view kPrivateDir = ".crm";

// Creates `root/.crm` and its .gitignore when missing. Refuses a symlink.
void ensure_private_dir(const fs::path& root);

// write_atomic in two halves, for many new files at once (the messages of an mbox): one
// sync of the file system then stands for an fsync of each. write_staged writes `content`
// to a temporary file in .crm/tmp without waiting for the disk and returns its path
// (relative to root); after sync_file_system, publish_staged links it to `relative`
// (refused when that exists) and removes the temporary name. A crash before publishing
// leaves only temporary files, which the next writer removes; one after leaves each
// published file whole, its bytes on disk before its name. Call them holding the lock.
fs::path write_staged(const fs::path& root, std::string_view content);
void publish_staged(const fs::path& root, const fs::path& staged, const fs::path& relative);
// Everything written to the file system of `root` so far, on disk (syncfs).
void sync_file_system(const fs::path& root);

// Writes `content` to `root / relative` so that the file is either old or new, never
// half-written: a temporary file in .crm/tmp, fsync, rename over the target, fsync of the
// target's folder (and of the parent of every folder it had to create). A file it
// replaces keeps its permission bits. Refuses when any part of the path below `root` is a
// symlink. With `exclusive`, refuses when the target exists (new records never overwrite).
// Call it while holding the FolderLock: the next writer removes what a killed one left in
// .crm/tmp.
void write_atomic(const fs::path& root, const fs::path& relative, std::string_view content,
                  bool exclusive = false);

// As write_atomic (replacing), only while the file is still what `read` gave
// (read_for_change; nullopt: it did not exist): just before the rename the file's stamp
// and bytes are compared again, and a file another program has open for writing counts
// as changed. Otherwise nothing is written and FileChanged is thrown. With `keep_at`
// (from aside_path), the version replaced is kept there (keep_aside).
void replace_atomic(const fs::path& root, const fs::path& relative, std::string_view content,
                    const std::optional<StampedText>& read, const fs::path& keep_at = {});

// As write_atomic, for content given in parts (never copied into one buffer), without
// fsync and without the lock, the temporary file beside the target: only for derived
// files inside .crm/ that a crash may lose or truncate (the record cache, whose
// checksums notice it). Never for records. `written(part)`, when given, hears of each part
// once it is written (the cache gives back the pages of its old mapping it came from).
void write_atomic_derived(const fs::path& root, const fs::path& relative,
                          const std::vector<std::string_view>& parts,
                          const std::function<void(std::string_view part)>& written = {});

// Removes the file `root / relative`, durably: its folder is fsynced. Refuses symlinks,
// on the way and the file itself (crm removes only what it could have written), and
// throws RuntimeError when there is no such file. Call it while holding the FolderLock.
void remove_file(const fs::path& root, const fs::path& relative);

// Removes the folder `root / relative` with everything in it, at once as far as any
// reader can see: it is renamed into .crm/tmp first, then deleted there (what a killed
// crm leaves there goes with the next writer's remove_stale_temp_files). Refuses
// symlinks on the way; links inside are removed, never followed. Call it while holding
// the FolderLock.
void remove_tree(const fs::path& root, const fs::path& relative);

// Moves the file or folder `root / relative` into .crm/tmp under a temporary name, in one
// rename (gone at once for every reader), and returns where it went, relative to `root`:
// rename_no_replace puts it back, and what stays there the next writer's
// remove_stale_temp_files removes. Refuses symlinks on the way and the target itself
// being one. Call it while holding the FolderLock.
fs::path set_aside(const fs::path& root, const fs::path& relative);

// Where set_aside would put `relative` (a new name each call): for a caller that must
// write down where it goes before it goes (store/journal.hpp).
fs::path aside_path(const fs::path& relative);

// As set_aside, to the place `away` (from aside_path) chosen beforehand.
void set_aside_to(const fs::path& root, const fs::path& relative, const fs::path& away);

// Keeps the file `relative` as it is now at `away` (from aside_path) before it is
// replaced: a hard link (no copy, no space), else a copy of `bytes` (what was read of
// it). Refuses symlinks on the way.
void keep_aside(const fs::path& root, const fs::path& relative, const fs::path& away,
                std::string_view bytes);

// Renames `away` (in .crm/tmp) over `relative`, replacing what is there, durably: a kept
// version goes back (keep_aside). Refuses symlinks on the way.
void put_back(const fs::path& root, const fs::path& away, const fs::path& relative);

// Renames the file or folder `from` to `to` (both below `root`) in one step, creating
// the folders `to` needs; refuses when `to` exists, and symlinks on either way. Durable:
// both folders are fsynced. Call it while holding the FolderLock.
void rename_no_replace(const fs::path& root, const fs::path& from, const fs::path& to);

// Throws RuntimeError when a component of `relative` below `root` is a symlink.
void ensure_no_symlinks(const fs::path& root, const fs::path& relative);

// Removes the temporary files a killed crm left in .crm/tmp (and in .crm itself). Call
// it only while holding the FolderLock: it would otherwise remove the temporary file of
// a write in progress.
void remove_stale_temp_files(const fs::path& root);

// Names of entries in `dir` (no "." or ".."), sorted; empty when it does not exist.
std::vector<std::string> list_dir(const fs::path& dir);

}  // namespace crm::os
