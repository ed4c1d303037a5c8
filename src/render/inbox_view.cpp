#include "crm/render/inbox_view.hpp"

#include "crm/render/columns.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

struct Line {
    std::size_t number;
    const InboxEntry* entry;
};

}  // namespace

std::string subject_of(const InboxMessage& m) {
    return m.subject.empty() ? "(no subject)" : m.subject;
}

std::string inbox_table(const std::vector<InboxEntry>& entries, const Styler& st, int width) {
    std::vector<Line> lines;
    for (std::size_t i = 0; i < entries.size(); ++i)
        lines.push_back({i + 1, &entries[i]});
    static const Columns<Line> cols{
        {"", "#", {Role::number}, [](const Line& l) { return Cell{fmt::format("{}", l.number)}; }},
        {"",
         "DATE",
         {Role::date},
         [](const Line& l) { return Cell{l.entry->message ? l.entry->message->date.iso() : ""}; }},
        {"",
         "FROM",
         {Role::identifier, 12},
         [](const Line& l) { return Cell{l.entry->message ? l.entry->message->from : ""}; }},
        {"",
         "SUBJECT",
         {Role::reading},
         [](const Line& l) {
             return Cell{l.entry->message ? subject_of(*l.entry->message)
                                          : fmt::format("(cannot be read: {})", l.entry->file)};
         }},
        {"",
         "CANDIDATES",
         {Role::label, 12, 1},
         [](const Line& l) {
             if (!l.entry->message)
                 return Cell{};
             const auto& c = l.entry->message->candidates;
             return c.empty() ? Cell{"none", Style::dim} : Cell{join(c, ", ")};
         }},
    };
    return table(lines, cols, st, width);
}

}  // namespace crm::render
