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
//   waiting while another crm holds it, finishes or takes back what a killed crm left
//   (its journal, journal.hpp; one line through the policy's `note` says which), and
//   removes what a killed crm left in .crm/tmp. One transaction at a time per process:
//   the lock is not reentrant.
//
// * Reads what it is about to change: a file it will replace through read(), which
//   remembers the version read (os::read_for_change: whole, never a truncated read of a
//   file another program is saving); others through Folder::read, load_record... Only
//   what is read under the lock is what will be changed: a read made before it (an
//   editor session, say) must be read again and compared.
//
// * Makes its changes, in any number and order:
//     create(path, text)  a new file; refused when the path exists
//     replace(path, text) a file's new content (created when missing); when the file is
//                         no longer the version read() gave (an editor saved it since),
//                         nothing is written and os::FileChanged is thrown: the caller
//                         reads again and re-applies its change, or passes it on
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
//   commits, rolls back or goes (below). Each is written down in the journal, fsynced,
//   before it is made: a journal that cannot be written (a full disk) is a RuntimeError
//   before the change.
//
// * Calls commit(message) once, whatever it changed: it commits exactly the paths
//   touched (a removal or a rename as such, so that git records a rename it can
//   follow), with those an earlier transaction of this clone failed to commit
//   (uncommitted.hpp). It commits nothing when nothing was touched, under --no-commit or
//   `autocommit: false`, or without a repository. When git refuses, the paths are
//   remembered for the next commit and the RuntimeError is rethrown: the changes stay
//   on disk. No change may follow a commit.
//
//   The message is the command's, one line: its subject starts with the command's name
//   ("log-visit: Acme (2026-11-23 visit)"). Control characters in it (a name's line
//   break, an escape sequence) become spaces. commit adds paragraphs of its own: the
//   files it commits for earlier commands, those whose changes were not crm's
//   (--include-changes), and last the trailer `Crm-Command: log-visit`
//   (git::kCommandTrailer), by which `crm undo` knows crm's commits from the user's.
//
//   Before any of that, git is asked (commit_guard.hpp): a change to a file with changes
//   that are not crm's, or that git is told to ignore, is refused before it is made; a
//   new path that git's index has is refused at the commit, and everything rolled back.
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
// aside. A replaced file's old version is kept there too (a hard link, no copy). Only
// what still holds exactly what the transaction wrote is taken back: a file another
// program changed since stays as it is. rollback() does the same on request and throws,
// naming what it could not put back, when a step fails; the destructor cannot throw and
// leaves such a path as it is. A killed crm cannot roll back: the next transaction does,
// from the journal it left (journal.hpp), or commits its changes when the killed one
// had reached its commit.
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
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/git/git.hpp"
#include "crm/os/files.hpp"
#include "crm/os/lock.hpp"
#include "crm/store/journal.hpp"

namespace crm::store {

// Whether a transaction's commit reaches git, and where.
struct CommitPolicy {
    bool enabled = true;          // false under --no-commit or `autocommit: false`
    std::optional<git::Git> git;  // the folder's repository; without one, no commit
    // --include-changes: a file with changes that are not crm's is committed with crm's
    // change (the message says so) rather than refused (commit_guard.hpp).
    bool include_changes = false;
    // Hears the paths an earlier transaction failed to commit and this commit included,
    // for a note to the user. May be empty.
    std::function<void(const std::vector<std::string>& earlier)> also_committed;
    // Hears one line for the user (what was done with a killed command's changes). May
    // be empty.
    std::function<void(const std::string& line)> note;
    // For tests only (CRM_TEST_PAUSE_AFTER_STEP): after this many changes the transaction
    // says so through `note` and sleeps, so that a test can kill it there. 0: never.
    int pause_after_step = 0;
    // Hears what the user should know of the commit (a path git refuses, dropped from the
    // files still to commit). May be empty.
    std::function<void(const std::string& warning)> warn;
};

class Transaction {
  public:
    // Takes the folder lock of `root`; blocks while another crm holds it.
    Transaction(std::filesystem::path root, CommitPolicy policy);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const std::filesystem::path& root() const { return root_; }

    // The file `relative` as it is now (nullopt: there is none), remembered as the
    // version a replace() of it must still find; links refused (RuntimeError).
    std::optional<std::string> read(const std::string& relative);

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
    void touch(const std::string& relative);
    void require_open(const std::string& relative) const;
    // Writes `step` down before it is made, and after it is made keeps it for rollback.
    void begin(const JournalStep& step);
    void made(JournalStep step);
    // Asks git about an existing path before it changes (commit_guard.hpp); throws, having
    // changed nothing, when crm must not change it.
    void before_change(const std::string& relative);
    bool commits() const { return policy_.enabled && policy_.git.has_value(); }
    void publish_staged();
    void drop_staged();
    void discard_set_aside();

    std::filesystem::path root_;
    CommitPolicy policy_;
    os::FolderLock lock_;
    std::vector<std::string> touched_;
    std::vector<JournalStep> steps_;  // the changes made, oldest first
    Journal journal_;
    std::map<std::string, std::optional<os::StampedText>> reads_;
    int changes_ = 0;
    std::vector<std::string> new_paths_;  // created, or renamed into place
    std::vector<std::string> included_;   // changes that are not crm's (--include-changes)
    std::map<std::string, git::Git::IndexState> asked_;  // git's answers, by client folder
    struct Staged {
        std::string path;
        std::filesystem::path temporary;  // in .crm/tmp
        std::uint64_t hash = 0;           // of its bytes, for the journal
    };
    std::vector<Staged> staged_;
    bool committed_ = false;
};

}  // namespace crm::store
