#include "crm/render/due_report.hpp"

#include "crm/formats/csv.hpp"
#include "crm/formats/ics.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"

#include "markdown_text.hpp"

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

std::string due_table(const DueReport& r, const Styler& st, int width) {
    if (r.items.empty())
        return {};
    Table table({"DUE", "WHEN", "TYPE", "CLIENT", "WHAT", "WHO"});
    table.flexible(4, 10);
    table.flexible(3, 8);
    table.droppable(5);  // whose it is matters least: often it is the reader
    for (const auto& i : r.items) {
        const int days = r.today.days_until(i.due);
        const Style when = days < 0 ? Style::red : days == 0 ? Style::yellow : Style::none;
        table.add({{i.due.iso()},
                   {relative_days(i.due, r.today), when},
                   {std::string(due_type_name(i.type)), Style::cyan},
                   {i.name, Style::bold},
                   {what_with_reason(i)},
                   {std::string(i.who()), Style::dim}});
    }
    // One table keeps the columns of both groups aligned; the group titles go between
    // its lines (a header line, then one line per item in order).
    const std::string rendered = table.render(st, width);
    std::vector<std::string> lines;
    for (std::size_t pos = 0, nl; (nl = rendered.find('\n', pos)) != std::string::npos;
         pos = nl + 1)
        lines.push_back(rendered.substr(pos, nl - pos + 1));

    const std::size_t overdue = overdue_count(r);
    std::string out = lines[0];
    if (overdue > 0) {
        out +=
            fmt::format("{}\n", st(fmt::format("Overdue: {}", count_phrase(overdue)), Style::red));
        for (std::size_t k = 0; k < overdue; ++k)
            out += lines[k + 1];
    }
    if (overdue < r.items.size()) {
        if (overdue > 0)
            out += "\n";
        out += fmt::format("{}\n", st(fmt::format("{}: {}", upcoming_title(r),
                                                  count_phrase(r.items.size() - overdue)),
                                      Style::bold));
        for (std::size_t k = overdue; k < r.items.size(); ++k)
            out += lines[k + 1];
    }
    return out;
}

std::string due_json(const DueReport& r) {
    // One item at a time: a large folder's report is thousands of items.
    auto item = [&](std::size_t n) {
        const DueItem& i = r.items[n];
        return formats::Json(
            {{"type", due_type_name(i.type)},
             {"client", i.client},
             {"name", i.name},
             {"due", i.due.iso()},
             {"overdue", i.overdue(r.today)},
             {"days", r.today.days_until(i.due)},
             {"what", i.what},
             {"reason", i.reason},
             {"owner", i.owner},
             {"who", std::string(i.who())},
             {"tier", i.tier},
             {"by", i.by},
             {"last_contact", formats::date_or_null(i.last_contact)},
             {"file", i.file.empty() ? formats::Json(nullptr) : formats::Json(i.file)}});
    };
    return formats::dump_with_items(
        formats::Json{{"as_of", r.today.iso()}, {"until", r.until.iso()}, {"inbox", r.inbox}},
        "items", r.items.size(), item);
}

std::string inbox_line(std::size_t messages) {
    return fmt::format("{} message{} in the inbox (crm inbox)\n", messages,
                       messages == 1 ? "" : "s");
}

std::string due_csv(const DueReport& r) {
    std::string out =
        formats::csv_row({"type", "client", "name", "due", "overdue", "days", "what", "reason",
                          "owner", "who", "tier", "by", "last_contact", "file"});
    for (const auto& i : r.items) {
        out += formats::csv_row({std::string(due_type_name(i.type)), i.client, i.name, i.due.iso(),
                                 i.overdue(r.today) ? "yes" : "no",
                                 std::to_string(r.today.days_until(i.due)), i.what, i.reason,
                                 i.owner, std::string(i.who()), i.tier, i.by,
                                 i.last_contact ? i.last_contact->iso() : "", i.file});
    }
    return out;
}

namespace {

void md_group(std::string& out, const std::string& title, const DueReport& r, std::size_t from,
              std::size_t to) {
    out += fmt::format("## {}\n\n| Due | When | Type | Client | What | Who |\n", title);
    out += "|-----|------|------|--------|------|-----|\n";
    for (std::size_t k = from; k < to; ++k) {
        const DueItem& i = r.items[k];
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", i.due,
                           relative_days(i.due, r.today), due_type_name(i.type), md_cell(i.name),
                           md_cell(what_with_reason(i)), md_cell(std::string(i.who())));
    }
    out += "\n";
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
