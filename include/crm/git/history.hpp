#pragma once
// The folder's history as git keeps it: what changed, when and by whom (`crm log`), and
// how crm's own commits are known (`crm undo`).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/git/git.hpp"
#include "crm/model/date.hpp"

namespace crm::git {

// The trailer every commit crm makes ends with, `Crm-Command: log-visit`
// (store::Transaction adds it): how crm's commits are told from the user's own.
inline constexpr std::string_view kCommandTrailer = "Crm-Command";

// The paragraph of a crm commit, then its paths two spaces in, that names the files whose
// changes were not crm's and went with the commit (--include-changes): `crm undo` will not
// take those back.
inline constexpr std::string_view kIncludedChanges =
    "Includes changes that were not crm's (--include-changes)";

// The command of a commit crm made, from its whole message (%B), or "" when the message is
// not one crm writes: the trailer `Crm-Command: X` alone on the last line after a blank
// line, and a subject that starts with "X:" (any subject when X is `crm`). A commit is
// crm's only so: git passes every commit's message through one file,
// .git/COMMIT_EDITMSG, so a user's `git commit` at the very moment of crm's can mix the
// two messages, and such a mix (which may hold the user's files) is nobody's to undo.
std::string crm_command(std::string_view message);

struct LogEntry {
    std::string commit;   // full id
    Date date;            // the author's date: when it was done, not when it was rebased
    std::string author;   // git's author name
    std::string subject;  // "log-visit: Acme (2026-11-23 visit)"
    std::string command;  // crm_command(): empty for a commit crm did not make
};

// The commits of the current branch that changed `paths` (relative to the folder; none:
// anything in the folder), newest first, those authored before `since` left out. Empty
// when nothing is committed yet. Throws RuntimeError when git cannot read the history.
std::vector<LogEntry> history(const Git& git, const std::vector<std::string>& paths,
                              std::optional<Date> since);

}  // namespace crm::git
