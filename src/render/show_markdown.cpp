// `crm show --format markdown`: the client's page for mail and notes. Its tables
// (contacts, open promises and actions) come from one column description each, as every
// report's do (columns.hpp).
#include <algorithm>

#include "crm/model/cadence.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/show_view.hpp"
#include "crm/render/when.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "markdown_text.hpp"

namespace crm::render {

namespace {

const Columns<Contact>& contact_columns() {
    static const Columns<Contact> cols{
        {"name", "NAME", {Role::reading}, [](const Contact& c) { return Cell{c.name}; }},
        {"role", "ROLE", {Role::label}, [](const Contact& c) { return Cell{c.role}; }},
        {"email", "E-MAIL", {Role::identifier}, [](const Contact& c) { return Cell{c.email}; }},
        {"phone", "PHONE", {Role::flag}, [](const Contact& c) { return Cell{c.phone}; }},
    };
    return cols;
}

Columns<CommitmentRef> open_columns(Date today) {
    return {
        {"type",
         "TYPE",
         {Role::flag},
         [](const CommitmentRef& r) { return Cell{std::string(due_type_name(r.type))}; }},
        {"due",
         "DUE",
         {Role::date},
         [](const CommitmentRef& r) { return Cell{r.item->due ? r.item->due->iso() : ""}; }},
        {"",
         "WHEN",
         {Role::flag},
         [today](const CommitmentRef& r) {
             return Cell{r.item->due ? when_text(*r.item->due, today) : "no date"};
         }},
        {"what",
         "WHAT",
         {Role::reading},
         [](const CommitmentRef& r) { return Cell{r.item->what}; }},
    };
}

void bullet(std::string& out, std::string_view label, const std::string& value) {
    if (!value.empty())
        out += fmt::format("- {}: {}\n", label, md_cell(value));
}

}  // namespace

std::string show_markdown(const ClientRecord& r, const Settings& s, Date today,
                          const std::string& problem) {
    const Client& c = r.client;
    std::string out =
        fmt::format("# {} ({})\n\n", md_cell(c.unreadable ? c.slug : c.name), md_cell(c.slug));
    if (c.unreadable) {
        out += fmt::format("client.yaml cannot be read: {} (fix it: crm edit {})\n\n",
                           md_cell(problem), md_cell(c.slug));
    } else {
        bullet(out, "stage", c.stage);
        bullet(out, "tier", c.tier.empty() ? effective_tier(c, s) : c.tier);
        bullet(out, "owner", c.owner);
        bullet(out, "since", c.since ? c.since->iso() : "");
        bullet(out, "tags", join(c.tags, ", "));
        if (const auto last = last_contact(r, s))
            bullet(out, "last contact", last->iso());
        if (const auto next = next_contact(r, s))
            bullet(out, "next contact", fmt::format("{} ({})", *next, when_text(*next, today)));
        out += "\n";
        if (!c.contacts.empty())
            out += fmt::format("## Contacts\n\n{}\n", markdown(c.contacts, contact_columns()));
    }
    const auto open = open_commitments(r);
    if (!open.empty())
        out += fmt::format("## Open promises and actions\n\n{}\n",
                           markdown(open, open_columns(today)));
    struct Entry {
        Date date;
        std::string text;
    };
    std::vector<Entry> entries;
    for (const auto& v : r.visits) {
        std::string first = v.notes.substr(0, v.notes.find('\n'));
        entries.push_back(
            {v.date, fmt::format("{}{}{}", v.kind, v.by.empty() ? "" : fmt::format(" by {}", v.by),
                                 first.empty() ? "" : fmt::format(": {}", first))});
    }
    for (const auto& rv : r.reviews)
        entries.push_back(
            {rv.date, fmt::format("review: {} — {}", rating_name(rv.rating), rv.project)});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.date > b.date; });
    if (!entries.empty()) {
        out += "## Timeline\n\n";
        for (const auto& e : entries)
            out += fmt::format("- **{}** {}\n", e.date, md_cell(e.text));
        out += "\n";
    }
    out.pop_back();  // one newline at the end, not two
    return out;
}

}  // namespace crm::render
