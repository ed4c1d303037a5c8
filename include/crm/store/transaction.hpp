#pragma once
// Every change crm makes to the data folder's files: the folder lock, the writes, and
// their git commit, as one transaction.
//
// Calling sequence
// ----------------
//
// The caller:
//
// * Constructs a Transaction with the folder's root and the commit policy (a command
//   gets both from Context::transaction()). This takes the folder lock (os/lock.hpp),
//   waiting while another crm holds it, and removes what a killed crm left in
//   .crm/tmp. One transaction at a time per process: the lock is not reentrant.
//
// * Reads what it is about to change (Folder::read, Folder::load_record...). Only what
//   is read under the lock is what will be changed: a read made before it (an editor
//   session, say) must be read again and compared.
//
// * Makes its changes, in any number and order:
//     create(path, text)  a new file; refused when the path exists
//     replace(path, text) a file's new content (created when missing)
//     remove(path)        a file, or a folder and everything in it
//     rename(from, to)    a file or a folder; refused when `to` exists
//     stage(path, text)   a new file like create(), but it lands when commit() is called
//   Each but stage lands on disk at once and is atomic on its own: a file is old or new,
//   never half-written; a folder is here or gone. Staged files are written at once to
//   temporary files without waiting for the disk; commit() makes them all durable with
//   one sync of the file system and then gives them their names (os::publish_staged),
//   all or none: for a command that writes thousands of files (crm log-email --mbox),
//   one sync instead of an fsync each. Folders a path needs are created. A change
//   that throws changed nothing; those before it stay made until the transaction
//   commits, rolls back or goes (below).
//
// * Calls commit(message) once, whatever it changed: it commits exactly the paths
//   touched (a removal or a rename as such, so that git records a rename it can
//   follow), with those an earlier transaction of this clone failed to commit
//   (uncommitted.hpp). It commits nothing when nothing was touched, under --no-commit or
//   `autocommit: false`, or without a repository. When git refuses, the paths are
//   remembered for the next commit and the RuntimeError is rethrown: the changes stay
//   on disk. No change may follow a commit.
//
//   The message is the command's: its subject starts with the command's name
//   ("log-visit: Acme (2026-11-23 visit)"). commit adds a last paragraph of its own, the
//   trailer `Crm-Command: log-visit` (git::kCommandTrailer), by which `crm undo` knows
//   crm's commits from the user's; the subject stays as the command wrote it.
//
// * Lets the transaction go, which releases the lock (and, without a commit, takes its
//   changes back).
//
// All or nothing until the commit
// -------------------------------
//
// A transaction destroyed before commit() (an exception between two changes) takes back
// what it changed, newest first: a file it created goes (with the folders made for it), a
// file it replaced gets its old bytes back, a file or folder it removed or renamed comes
// back where it was. To make that possible a removal does not delete at once: it sets the
// file or folder aside in .crm/tmp (os::set_aside), and commit() deletes what was set
// aside. rollback() does the same on request and throws, naming what it could not put
// back, when a step fails; the destructor cannot throw and leaves such a path as it is.
// A killed crm cannot roll back: what it set aside goes with the next writer's cleanup,
// as a removal interrupted before its commit always did.
//
// Why for every transaction, rather than "leave it on disk and uncommitted" as before: a
// command's changes are one commit, so they are one change. For a command that changes
// one file nothing is different (a change that throws changed nothing); one that changes
// many (import, rename --slug, merge, rm) no longer leaves half of itself behind when a
// step fails on the way. Those commands still check everything they can before the first
// change (names, slugs, collisions, every edit made in memory and re-read), so that a
// refusal touches nothing and rollback is only for what can fail on the way: the disk, a
// link raced into place. Once commit() is called the changes stand, committed or not:
// the data just written stays on disk when git refuses (see above).
//
// A transaction that changes nothing is just the lock: `crm sync` and `crm undo` hold one
// while git commits, rebases, resets and pushes.
//
// Paths are relative to the root, inside it, and never in .crm/ (crm's private files
// have writers of their own) or .git/; symbolic links are refused on the way.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/git/git.hpp"
#include "crm/os/lock.hpp"

namespace crm::store {

// Whether a transaction's commit reaches git, and where.
struct CommitPolicy {
    bool enabled = true;          // false under --no-commit or `autocommit: false`
    std::optional<git::Git> git;  // the folder's repository; without one, no commit
    // Hears the paths an earlier transaction failed to commit and this commit included,
    // for a note to the user. May be empty.
    std::function<void(const std::vector<std::string>& earlier)> also_committed;
};

class Transaction {
  public:
    // Takes the folder lock of `root`; blocks while another crm holds it.
    Transaction(std::filesystem::path root, CommitPolicy policy);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const std::filesystem::path& root() const { return root_; }

    void create(const std::string& relative, std::string_view text);
    void replace(const std::string& relative, std::string_view text);
    void remove(const std::string& relative);
    void rename(const std::string& from, const std::string& to);
    // A new file, written now and named at commit() (see above); refused when the path is
    // staged already. Its path is touched() at once.
    void stage(const std::string& relative, std::string_view text);

    // The paths changed so far, each once, in the order first touched. A folder's
    // removal or rename lists the files in it (old paths and new).
    const std::vector<std::string>& touched() const { return touched_; }

    // Commits the paths touched (see above); true when git made a commit.
    bool commit(const std::string& message);

    // Takes back every change made so far, newest first (see above); afterwards nothing is
    // touched. Throws RuntimeError naming the paths it could not put back, after trying
    // every one.
    void rollback();

    // Rolls back unless commit() was called.
    ~Transaction();

  private:
    // How to take one change back.
    struct Undo {
        enum class Kind { created, replaced, set_aside, renamed };
        Kind kind;
        std::string path;                      // what the change made (a rename: `to`)
        std::string from;                      // a rename's source
        std::optional<std::string> old_text;   // a replaced file's bytes; none: it was new
        std::string aside;                     // where a removal put it, in .crm/tmp
        std::vector<std::string> new_folders;  // folders the change created, outermost first
    };

    void touch(const std::string& relative);
    void require_open(const std::string& relative) const;
    void publish_staged();
    void drop_staged();
    void undo(const Undo& u);
    void discard_set_aside();

    std::filesystem::path root_;
    CommitPolicy policy_;
    os::FolderLock lock_;
    std::vector<std::string> touched_;
    std::vector<Undo> journal_;
    struct Staged {
        std::string path;
        std::filesystem::path temporary;  // in .crm/tmp
    };
    std::vector<Staged> staged_;
    bool committed_ = false;
};

}  // namespace crm::store
