#pragma once
// The journal of a transaction in progress, on disk (.crm/journal), so that what a killed
// crm was doing is finished or taken back by the next crm that writes.
//
// A transaction writes each change down, fsynced, before it makes it (write-ahead): its
// kind, its paths, a checksum of the bytes it writes, where the old version is kept
// (a removal's file or folder, a replaced file's old bytes: both in .crm/tmp, where
// they stay until the transaction commits or is recovered), and the folders it creates.
// Before its commit it writes down the paths to commit; after it the journal goes.
//
// The next transaction, under the folder lock and before anything else, reads a journal
// it finds there:
// * without the commit line, the killed command was still changing the folder: every
//   change it made is taken back, newest first, as far as the folder still holds exactly
//   what it wrote (a file someone changed since is left as it is), and the folders it
//   created go when empty;
// * with it, every change was made: the paths join .crm/uncommitted (uncommitted.hpp),
//   so the next commit takes them, and what was set aside goes.
// Either way the journal goes, and the caller says what was done in one line.
//
// The journal is crm's private file, never the user's data: it holds paths and checksums,
// never the bytes of a record. A journal that cannot be written (a full disk) is an error
// before the change it was to describe.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/os/durable_file.hpp"

namespace crm::store {

// One change and how to take it back.
struct JournalStep {
    enum class Kind { created, replaced, set_aside, renamed };
    Kind kind = Kind::created;
    std::string path;                      // what the change makes (a rename: `to`)
    std::string from;                      // a rename's source
    std::string aside;                     // the old version in .crm/tmp; empty: none
    std::uint64_t new_hash = 0;            // created or replaced: the bytes written
    std::vector<std::string> new_folders;  // folders the change creates, outermost first
};

// A checksum of the bytes a change writes (FNV-1a, 64 bits): enough to tell crm's own
// write from another program's since, never a security measure.
std::uint64_t content_hash(std::string_view text);

// Takes `step` back when the folder still holds what it made: a created file goes, a
// replaced file gets its old version back, a removed or renamed file or folder comes
// back where it was. A change that was not made, or whose result someone changed since,
// is left as it is. The folders the change created go when empty. Throws RuntimeError
// when a step it should take back fails (the disk, a name taken since).
enum class Undone { taken_back, not_made, changed_since };
Undone undo_step(const std::filesystem::path& root, const JournalStep& step);

class Journal {
  public:
    // Until closed, the journal stays on disk when the object goes: a commit that could
    // not write its paths down elsewhere keeps them there for the next writer.
    explicit Journal(std::filesystem::path root) : root_(std::move(root)) {}

    // Writes `step` down, durably; the first creates the journal. Throws RuntimeError
    // when it cannot (a full disk): the change must then not be made.
    void add(const JournalStep& step);
    // Writes all of `steps` down with one fsync (a command that publishes thousands of
    // files at once).
    void add(const std::vector<JournalStep>& steps);
    // Writes down that every change is made and the commit of `paths` begins; `commits`
    // false when nothing is to be committed (--no-commit, no repository). Throws
    // RuntimeError when it cannot.
    void committing(const std::vector<std::string>& paths, bool commits);
    // Removes the journal: the transaction committed, or was taken back.
    void close();
    bool empty() const { return !file_.has_value(); }

  private:
    void append(const std::string& line);
    std::filesystem::path root_;
    std::optional<os::DurableFile> file_;
};

// What recover_journal did.
struct Recovered {
    enum class What { nothing, taken_back, to_commit, damaged };
    What what = What::nothing;
    std::vector<std::string> paths;  // taken back, or to be committed
    std::vector<std::string> left;   // changes left as they are: changed since, or stuck
};

// Finishes or takes back what a killed transaction left (see above). Call it holding the
// folder lock, before anything else changes the folder. A step that cannot be taken back
// is named in `left` (a removed file or folder that cannot go back is kept in
// .crm/kept/), never a reason to stop: the journal goes either way. Throws RuntimeError
// only when the paths to commit cannot be written down (a full disk); the journal then
// stays for the next try.
Recovered recover_journal(const std::filesystem::path& root);

// One line for the user about `r` (empty for nothing).
std::string describe(const Recovered& r);

}  // namespace crm::store
