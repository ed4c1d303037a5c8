#include "crm/render/promises_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/render/table.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

namespace {

bool late(const Commitment& c, Date today) {
    return c.open() && c.due && *c.due < today;
}

std::string when(const Commitment& c, Date today) {
    if (c.done)
        return fmt::format("done {}", *c.done);
    return c.due ? relative_days(*c.due, today) : "no date";
}

}  // namespace

std::string promises_table(const std::vector<PromiseRow>& rows, Date today, const Styler& st,
                           int width) {
    Table table({"CLIENT", "#", "TYPE", "DUE", "WHEN", "WHAT", "BY"});
    table.right_align(1);
    table.flexible(5);
    const ClientRecord* previous = nullptr;
    for (const PromiseRow& row : rows) {
        const Commitment& c = *row.ref.item;
        const bool first = row.record.get() != previous;
        previous = row.record.get();
        table.add({{first ? row.record->client.name : "", Style::bold},
                   {row.number ? std::to_string(row.number) : "", Style::bold},
                   {std::string(due_type_name(row.ref.type)), Style::cyan},
                   {c.due ? c.due->iso() : ""},
                   {when(c, today), late(c, today) ? Style::red
                                    : c.done       ? Style::green
                                                   : Style::none},
                   {c.what, c.done ? Style::dim : Style::none},
                   {row.ref.visit->by, Style::dim}});
    }
    return table.render(st, width);
}

std::string promises_json(const std::vector<PromiseRow>& rows, Date today) {
    formats::Json arr = formats::Json::array();
    for (const PromiseRow& row : rows) {
        const Commitment& c = *row.ref.item;
        arr.push_back({{"client", row.record->client.slug},
                       {"name", row.record->client.name},
                       {"number", row.number ? formats::Json(row.number) : formats::Json()},
                       {"type", due_type_name(row.ref.type)},
                       {"what", c.what},
                       {"due", formats::date_or_null(c.due)},
                       {"done", formats::date_or_null(c.done)},
                       {"overdue", late(c, today)},
                       {"by", row.ref.visit->by},
                       {"visit", row.ref.visit->file}});
    }
    return formats::dump(arr);
}

}  // namespace crm::render
