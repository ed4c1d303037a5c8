#pragma once
// What every command receives: the global options, the environment it runs in
// (environment.hpp), and the streams. There are no globals; tests build a Context of
// their own with a fake clock, user and terminal.
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/commands/environment.hpp"
#include "crm/git/git.hpp"
#include "crm/model/date.hpp"
#include "crm/store/folder.hpp"
#include "crm/store/load_all.hpp"
#include "crm/store/transaction.hpp"
#include "crm/util/error.hpp"

namespace crm::commands {

struct GlobalOptions {
    std::string dir;
    bool no_commit = false;
    bool include_changes = false;  // commit a file's changes that are not crm's with crm's
    bool no_color = false;
};

class Context {
  public:
    Context(GlobalOptions global, Environment environment, Streams streams);

    const GlobalOptions& global() const { return global_; }
    std::optional<std::string> env(const std::string& name) const {
        return environment_.getenv ? environment_.getenv(name) : std::nullopt;
    }
    std::istream& in() const { return streams_.in; }
    std::ostream& out() const { return streams_.out; }
    std::ostream& err() const { return streams_.err; }
    bool out_is_tty() const { return environment_.terminal.out; }
    bool in_is_tty() const { return environment_.terminal.in; }
    bool err_is_tty() const { return environment_.terminal.err; }  // where progress lines may go
    bool color() const;          // colour on stdout: a terminal, no --no-color, no NO_COLOR
    int terminal_width() const;  // COLUMNS, the terminal's, or 0 (no limit) when piped

    Date today() const;  // CRM_TODAY, else the environment's clock, read once
    // The person acting: CRM_USER, else the name of git's author identity (`git var
    // GIT_AUTHOR_IDENT`: GIT_AUTHOR_NAME, user.name...), else the login name.
    std::string user() const;

    // Where the folder is (store::discover), whether or not it exists: for `crm init`.
    std::filesystem::path folder_path() const;
    // The same, for every other command: when nothing named a folder and none is at or
    // above the current one, a RuntimeError that says where crm looked.
    std::filesystem::path existing_folder_path() const;
    store::Folder& folder();  // opened on first use
    // Every record, folded one client at a time by several threads (store::fold_records;
    // fold.hpp joins the parts), with a progress line on stderr when that is a terminal
    // and loading takes more than a second (a first run on a large folder, before the
    // cache exists). Returns the files that could not be read.
    std::vector<DataError> fold_records(store::Detail detail, const store::PartsStart& start,
                                        const store::PartVisitor& visit,
                                        store::Unreadable unreadable = store::Unreadable::skip);
    // The same, one client at a time in slug order on this thread (store::for_each_record).
    std::vector<DataError> for_each_record(store::Detail detail, const store::RecordVisitor& visit);
    const std::optional<git::Git>& git();

    // How a write's commit goes: none under --no-commit, `autocommit: false` or without
    // a repository; a note on stderr when it also took an earlier command's files;
    // --include-changes.
    store::CommitPolicy commit_policy();
    // A write transaction on the folder (store/transaction.hpp): the lock is held from
    // here until it goes.
    store::Transaction transaction();

    // Prints each problem as a warning; returns the exit code a report should end with.
    int warn_problems(const std::vector<DataError>& problems) const;
    void warn(const std::string& message) const;
    void note(const std::string& message) const;  // informational, on stderr

  private:
    GlobalOptions global_;
    Environment environment_;
    Streams streams_;
    mutable std::optional<Date> today_;
    mutable std::optional<std::string> user_;
    std::optional<store::Folder> folder_;
    std::optional<std::optional<git::Git>> git_;
};

// What runs a command once its options are parsed: the exit code (0, or 1 when a report
// met broken files), or an exception.
using Runner = std::function<int(Context&)>;

}  // namespace crm::commands
