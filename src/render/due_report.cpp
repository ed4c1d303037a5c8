#include "crm/render/due_report.hpp"

#include "crm/formats/ics.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/render/when.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

namespace {

// What a person reads in the WHAT column: the promise itself, or for a contact, a
// follow-up or a next step, the phrase and why it is due (an RFP's phrase says both).
std::string what_with_reason(const DueItem& i) {
    if (i.type == DueType::promise || i.type == DueType::action || i.type == DueType::rfp)
        return i.what;
    return fmt::format("{} ({})", i.what, i.reason);
}

// The word that starts a calendar event's summary.
std::string event_label(DueType t) {
    switch (t) {
        case DueType::contact:
            return "Contact";
        case DueType::promise:
            return "Promise";
        case DueType::action:
            return "Action";
        case DueType::follow_up:
            return "Follow-up";
        case DueType::next_step:
            return "Next step";
        case DueType::rfp:
            return "RFP";
        case DueType::report:
            return "Report";
    }
    return "Contact";
}

std::size_t overdue_count(const DueReport& r) {
    std::size_t n = 0;
    for (const auto& i : r.items)
        n += i.overdue(r.today) ? 1 : 0;
    return n;
}

std::string count_phrase(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " item" : " items");
}

std::string upcoming_title(const DueReport& r) {
    return fmt::format("Due by {} ({})", r.until, relative_days(r.until, r.today));
}

}  // namespace

namespace {

Style when_style(const DueItem& i, Date today) {
    const int days = today.days_until(i.due);
    return days < 0 ? Style::red : days == 0 ? Style::yellow : Style::none;
}

// Every format of `crm due` but ICS from one description: the table's DUE and WHEN are
// for people only, the slug, reason, owner and the rest for programs only; the JSON's
// items are these columns' objects inside the spec's envelope (as_of, until, inbox).
Columns<DueItem> due_columns(Date today) {
    using formats::Json;
    auto date = [](Date d) { return d.iso(); };
    return {
        {"", "DUE", {Role::date, 0, 0, 100}, [=](const DueItem& i) { return Cell{date(i.due)}; }},
        {"",
         "WHEN",
         {Role::flag},
         [=](const DueItem& i) {
             return Cell{when_text(i.due, today), when_style(i, today)};
         }},
        {"type",
         "TYPE",
         {Role::flag},
         [](const DueItem& i) {
             return Cell{std::string(due_type_name(i.type)), Style::cyan};
         }},
        {"client", "", {}, [](const DueItem& i) { return Cell{i.client}; }},
        {"name",
         "CLIENT",
         {Role::reading, 12},
         [](const DueItem& i) {
             return Cell{i.name, Style::bold};
         }},
        {"due", "", {}, [=](const DueItem& i) { return Cell{date(i.due)}; }},
        {"overdue",
         "",
         {},
         {},
         [=](const DueItem& i) { return std::string(i.overdue(today) ? "yes" : "no"); },
         [=](const DueItem& i) { return Json(i.overdue(today)); }},
        {"days",
         "",
         {},
         {},
         [=](const DueItem& i) { return std::to_string(today.days_until(i.due)); },
         [=](const DueItem& i) { return Json(today.days_until(i.due)); }},
        {"what",
         "WHAT",
         {Role::reading},
         [](const DueItem& i) { return Cell{what_with_reason(i)}; },
         [](const DueItem& i) { return i.what; }},
        {"reason", "", {}, [](const DueItem& i) { return Cell{i.reason}; }},
        {"owner", "", {}, [](const DueItem& i) { return Cell{i.owner}; }},
        // Whose it is matters least on a narrow terminal: often it is the reader.
        {"who",
         "WHO",
         {Role::label, 0, 1},
         [](const DueItem& i) {
             return Cell{std::string(i.who()), Style::dim};
         }},
        {"tier", "", {}, [](const DueItem& i) { return Cell{i.tier}; }},
        {"by", "", {}, [](const DueItem& i) { return Cell{i.by}; }},
        {"last_contact",
         "",
         {},
         {},
         [](const DueItem& i) { return i.last_contact ? i.last_contact->iso() : std::string(); },
         [](const DueItem& i) { return formats::date_or_null(i.last_contact); }},
        {"file",
         "",
         {},
         {},
         [](const DueItem& i) { return i.file; },
         [](const DueItem& i) { return i.file.empty() ? Json(nullptr) : Json(i.file); }},
    };
}

}  // namespace

std::string due_table(const DueReport& r, const Styler& st, int width) {
    if (r.items.empty())
        return {};
    // One table keeps the columns of both groups aligned; the group titles go between
    // its rows.
    const TableText t = table_text(r.items, due_columns(r.today), st, width);
    const std::size_t overdue = overdue_count(r);
    std::string out = t.header;
    if (overdue > 0) {
        out +=
            fmt::format("{}\n", st(fmt::format("Overdue: {}", count_phrase(overdue)), Style::red));
        for (std::size_t k = 0; k < overdue; ++k)
            out += t.rows[k];
    }
    if (overdue < r.items.size()) {
        if (overdue > 0)
            out += "\n";
        out += fmt::format("{}\n", st(fmt::format("{}: {}", upcoming_title(r),
                                                  count_phrase(r.items.size() - overdue)),
                                      Style::bold));
        for (std::size_t k = overdue; k < r.items.size(); ++k)
            out += t.rows[k];
    }
    return out;
}

std::string due_json(const DueReport& r) {
    // One item at a time: a large folder's report is thousands of items.
    const Columns<DueItem> cols = due_columns(r.today);
    return formats::dump_with_items(
        formats::Json{{"as_of", r.today.iso()}, {"until", r.until.iso()}, {"inbox", r.inbox}},
        "items", r.items.size(), [&](std::size_t n) { return json_object(r.items[n], cols); });
}

std::string inbox_line(std::size_t messages) {
    return fmt::format("{} message{} in the inbox (crm inbox)\n", messages,
                       messages == 1 ? "" : "s");
}

std::string due_csv(const DueReport& r) {
    return csv(r.items, due_columns(r.today));
}

namespace {

void md_group(std::string& out, const std::string& title, const DueReport& r, std::size_t from,
              std::size_t to) {
    const std::vector<DueItem> rows(r.items.begin() + static_cast<std::ptrdiff_t>(from),
                                    r.items.begin() + static_cast<std::ptrdiff_t>(to));
    out += fmt::format("## {}\n\n{}\n", title, markdown(rows, due_columns(r.today)));
}

}  // namespace

std::string due_markdown(const DueReport& r) {
    std::string out = fmt::format("# Due as of {}\n\n", r.today);
    if (r.items.empty())
        return fmt::format("{}Nothing due by {}.\n", out, r.until);
    const std::size_t overdue = overdue_count(r);
    out += fmt::format("{}: {} overdue, {} due by {}.\n\n", count_phrase(r.items.size()), overdue,
                       r.items.size() - overdue, r.until);
    if (overdue > 0)
        md_group(out, fmt::format("Overdue ({})", overdue), r, 0, overdue);
    if (overdue < r.items.size())
        md_group(out, upcoming_title(r), r, overdue, r.items.size());
    out.pop_back();  // one newline at the end, not two
    return out;
}

std::string due_ics(const DueReport& r,
                    const std::function<std::int64_t(const DueItem&)>& modified) {
    std::vector<formats::IcsEvent> events;
    for (const auto& i : r.items) {
        const std::string type(due_type_name(i.type));
        // The UID names the thing to do, never its date: when a contact is made or a due
        // date moves, importing again moves the event instead of adding a second one.
        std::string key = fmt::format("{}|{}", type, i.client);
        if (i.type != DueType::contact)
            key += fmt::format("|{}|{}", i.file, i.index);
        formats::IcsEvent e;
        e.uid = fmt::format("{}-{}-{}@crm", type, i.client, formats::ics_digest(key));
        e.date = i.due;
        e.summary = fmt::format("{}: {}: {}", event_label(i.type), i.name, i.what);
        e.description =
            fmt::format("{}{}\nClient: {}", i.reason,
                        i.owner.empty() ? "" : fmt::format("\nOwner: {}", i.owner), i.client);
        e.category = type;
        e.modified = modified ? modified(i) : 0;
        events.push_back(std::move(e));
    }
    return formats::ics_calendar(events, r.today);
}

}  // namespace crm::render
