#pragma once
// What `crm undo` says it did, and `crm log`'s views: a table for people, JSON for
// programs.
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/render/style.hpp"

namespace crm::render {

// `what`: the commit as people know it, `1234abc "log-visit: Acme (2026-11-23 visit)"`.
std::string undone_by_reset(const std::string& what);
std::string undone_by_revert(const std::string& what, const std::string& revert_id);

// One commit of the history, newest first.
struct LogLine {
    std::string commit;  // full id
    Date date;
    std::string author;
    std::string subject;
    bool crm = false;  // made by crm
};

// DATE, AUTHOR, SUBJECT, COMMIT (short); fitted to `width` (0: no limit).
std::string log_table(const std::vector<LogLine>& lines, const Styler& st, int width);
// An array of {commit, date, author, subject, crm}.
std::string log_json(const std::vector<LogLine>& lines);
// What an empty history says: "nothing in the history of clients/acme since 2026-11-01".
std::string log_nothing(const std::string& path, const std::optional<Date>& since);

}  // namespace crm::render
