#pragma once
// The commits of a period and the files they changed, and the files as they were at a
// commit: what `crm report` needs to tell what changed in the folder over a month. Paths
// are relative to the data folder.
#include <optional>
#include <string>
#include <vector>

#include "crm/git/git.hpp"
#include "crm/model/date.hpp"

namespace crm::git {

struct FileChange {
    char status = 'M';     // A added, M modified, D deleted, R renamed (git's letters)
    std::string path;      // the file after the commit (before it, for D)
    std::string old_path;  // a renamed file's path before; else empty
};

struct PeriodCommit {
    std::string commit;  // full id
    std::string parent;  // its first parent; empty for a root commit
    Date date;           // the author's date, as `crm log` shows it
    std::string author;
    std::vector<FileChange> files;
};

// The commits of the current branch that are not merges and were authored from `since` to
// `until` (both days included, in the author's own time zone), with the files among
// `pathspecs` (git pathspecs, e.g. ":(glob)clients/*/client.yaml") they added, changed,
// renamed or removed; oldest first. Empty when nothing is committed yet. Throws
// RuntimeError when git cannot read the history.
std::vector<PeriodCommit> commits_in_period(const Git& git, Date since, Date until,
                                            const std::vector<std::string>& pathspecs);

// The files `COMMIT:PATH` names, each as that commit holds it, read by one git process:
// nullopt for one the commit does not have. Throws RuntimeError when git cannot run.
std::vector<std::optional<std::string>> read_files_at(
    const Git& git, const std::vector<std::pair<std::string, std::string>>& commit_and_path);

}  // namespace crm::git
