#include "crm/render/undo_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/render/table.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

std::string undone_by_reset(const std::string& what) {
    return fmt::format(
        "undid {}: the commit is gone (it was not pushed) and its files are as before it; "
        "your other changes are as they were",
        what);
}

std::string undone_by_revert(const std::string& what, const std::string& revert_id) {
    return fmt::format(
        "undid {} with a new commit, {}: it was pushed already, so the undo is a commit of its "
        "own (crm sync shares it)",
        what, revert_id.substr(0, 7));
}

std::string log_table(const std::vector<LogLine>& lines, const Styler& st, int width) {
    Table table({"DATE", "AUTHOR", "SUBJECT", "COMMIT"});
    table.flexible(1, 10);
    table.flexible(2, 20);
    table.droppable(3);
    for (const auto& l : lines)
        table.add({{l.date.iso()}, {l.author}, {l.subject}, {l.commit.substr(0, 7)}});
    return table.render(st, width);
}

std::string log_json(const std::vector<LogLine>& lines) {
    formats::Json out = formats::Json::array();
    for (const auto& l : lines)
        out.push_back({{"commit", l.commit},
                       {"date", l.date.iso()},
                       {"author", l.author},
                       {"subject", l.subject},
                       {"crm", l.crm}});
    return formats::dump(out);
}

std::string log_nothing(const std::string& path, const std::optional<Date>& since) {
    return fmt::format("nothing in the history{}{}",
                       path.empty() ? "" : fmt::format(" of {}", path),
                       since ? fmt::format(" since {}", *since) : "");
}

}  // namespace crm::render
