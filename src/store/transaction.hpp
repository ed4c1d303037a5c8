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
//   Each lands on disk at once and is atomic on its own: a file is old or new, never
//   half-written; a folder is here or gone. Folders a path needs are created. A change
//   that throws changed nothing; those before it stay made.
//
// * Calls commit(message) once, whatever it changed: it commits exactly the paths
//   touched (a removal or a rename as such, so that git records a rename it can
//   follow), with those an earlier transaction of this clone failed to commit
//   (uncommitted.hpp). It commits nothing when nothing was touched, under --no-commit or
//   `autocommit: false`, or without a repository. When git refuses, the paths are
//   remembered for the next commit and the RuntimeError is rethrown: the changes stay
//   on disk. No change may follow a commit.
//
// * Lets the transaction go, which releases the lock.
//
// Destroyed without commit (an exception, or nothing to change), a transaction releases
// the lock and leaves what it changed changed and uncommitted: there is no rollback. A
// transaction that changes nothing is just the lock: `crm sync` holds one while git
// commits, rebases and pushes.
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

    // The paths changed so far, each once, in the order first touched. A folder's
    // removal or rename lists the files in it (old paths and new).
    const std::vector<std::string>& touched() const { return touched_; }

    // Commits the paths touched (see above); true when git made a commit.
    bool commit(const std::string& message);

  private:
    void touch(const std::string& relative);
    void require_open(const std::string& relative) const;

    std::filesystem::path root_;
    CommitPolicy policy_;
    os::FolderLock lock_;
    std::vector<std::string> touched_;
    bool committed_ = false;
};

}  // namespace crm::store
