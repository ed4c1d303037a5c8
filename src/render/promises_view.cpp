#include "crm/render/promises_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/when.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

namespace {

bool late(const Commitment& c, Date today) {
    return c.open() && c.due && *c.due < today;
}

std::string when(const Commitment& c, Date today) {
    if (c.done)
        return fmt::format("done {}", *c.done);
    return c.due ? when_text(*c.due, today) : "no date";
}

// A row and whether it is its client's first (the table names the client once).
struct Line {
    const PromiseRow* row;
    bool first;
    const Commitment& item() const { return *row->ref.item; }
};

std::vector<Line> lines_of(const std::vector<PromiseRow>& rows) {
    std::vector<Line> out;
    const ClientRecord* previous = nullptr;
    for (const PromiseRow& row : rows) {
        out.push_back({&row, row.record.get() != previous});
        previous = row.record.get();
    }
    return out;
}

// The table and the JSON of `crm promises`, from one description.
Columns<Line> promise_columns(Date today) {
    using formats::Json;
    return {
        {"client", "", {}, [](const Line& l) { return Cell{l.row->record->client.slug}; }},
        {"name",
         "CLIENT",
         {Role::reading, 12},
         [](const Line& l) {
             return Cell{l.first ? l.row->record->client.name : "", Style::bold};
         },
         [](const Line& l) { return l.row->record->client.name; }},
        {"number",
         "#",
         {Role::number},
         [](const Line& l) {
             return Cell{l.row->number ? std::to_string(l.row->number) : "", Style::bold};
         },
         {},
         [](const Line& l) { return l.row->number ? Json(l.row->number) : Json(); }},
        {"type",
         "TYPE",
         {Role::flag},
         [](const Line& l) {
             return Cell{std::string(due_type_name(l.row->ref.type)), Style::cyan};
         }},
        {"",
         "DUE",
         {Role::date, 0, 0, 100},
         [](const Line& l) { return Cell{l.item().due ? l.item().due->iso() : ""}; }},
        {"",
         "WHEN",
         {Role::flag},
         [=](const Line& l) {
             const Commitment& c = l.item();
             return Cell{when(c, today), late(c, today) ? Style::red
                                         : c.done       ? Style::green
                                                        : Style::none};
         }},
        {"what",
         "WHAT",
         {Role::reading},
         [](const Line& l) {
             return Cell{l.item().what, l.item().done ? Style::dim : Style::none};
         }},
        {"due", "", {}, {}, {}, [](const Line& l) { return formats::date_or_null(l.item().due); }},
        {"done",
         "",
         {},
         {},
         {},
         [](const Line& l) { return formats::date_or_null(l.item().done); }},
        {"overdue", "", {}, {}, {}, [=](const Line& l) { return Json(late(l.item(), today)); }},
        {"by",
         "BY",
         {Role::label, 0, 1},
         [](const Line& l) {
             return Cell{l.row->ref.visit->by, Style::dim};
         }},
        {"visit", "", {}, [](const Line& l) { return Cell{l.row->ref.visit->file}; }},
    };
}

}  // namespace

std::string promises_table(const std::vector<PromiseRow>& rows, Date today, const Styler& st,
                           int width) {
    return table(lines_of(rows), promise_columns(today), st, width);
}

std::string promises_json(const std::vector<PromiseRow>& rows, Date today) {
    return json(lines_of(rows), promise_columns(today));
}

}  // namespace crm::render
