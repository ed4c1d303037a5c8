#include "crm/render/show_view.hpp"

#include <algorithm>

#include "crm/formats/json.hpp"
#include "crm/model/cadence.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/render/numbers.hpp"
#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/render/wrap.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

std::string show_json(const ClientRecord& r, const Settings& s, const std::string& problem) {
    formats::Json j = r.client.unreadable ? formats::Json{{"slug", r.client.slug},
                                                          {"file", r.client.file},
                                                          {"unreadable", true},
                                                          {"problem", problem}}
                                          : formats::to_json(r.client);
    j["next_contact"] =
        formats::date_or_null(r.client.unreadable ? std::nullopt : next_contact(r, s));
    j["last_contact"] = formats::date_or_null(last_contact(r, s));
    formats::Json open = formats::Json::array();
    for (const auto& ref : open_commitments(r)) {
        formats::Json item = formats::to_json(*ref.item);
        item["type"] = due_type_name(ref.type);
        item["visit"] = ref.visit->file;
        open.push_back(item);
    }
    j["open"] = open;
    formats::Json visits = formats::Json::array(), reviews = formats::Json::array();
    for (auto it = r.visits.rbegin(); it != r.visits.rend(); ++it)
        visits.push_back(formats::to_json(*it));
    for (auto it = r.reviews.rbegin(); it != r.reviews.rend(); ++it)
        reviews.push_back(formats::to_json(*it));
    j["visits"] = visits;
    j["reviews"] = reviews;
    formats::Json opportunities = formats::Json::array();
    for (auto it = r.opportunities.rbegin(); it != r.opportunities.rend(); ++it)
        opportunities.push_back(formats::to_json(*it));
    j["opportunities"] = opportunities;
    return formats::dump(j);
}

namespace {

void line(std::string& out, const Styler& st, std::string_view label, std::string_view value,
          Style style = Style::none) {
    if (value.empty())
        return;
    out += fmt::format("  {}{}\n", pad(one_line(label), 13), st(one_line(value), style));
}

// Each line of a multi-line note after `indent`, styled line by line, so that a note
// of several lines stays under the entry it belongs to.
std::string indented(std::string_view text, const std::string& indent, const Styler& st,
                     Style style) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        out += fmt::format("{}{}\n", indent, st(one_line(text.substr(pos, end - pos)), style));
        pos = end + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
    return one_line(join(items, sep));
}

std::string header(const ClientRecord& r, const Settings& s, Date today, const Styler& st,
                   const std::string& problem) {
    const Client& c = r.client;
    std::string out = fmt::format("{}  {}\n", st(one_line(c.name), Style::bold),
                                  st(fmt::format("({})", one_line(c.slug)), Style::dim));
    if (c.unreadable) {
        line(out, st, "client.yaml", fmt::format("cannot be read: {}", problem), Style::red);
        line(out, st, "fix it", fmt::format("crm edit {}", c.slug));
        if (auto last = last_contact(r, s))
            line(out, st, "last contact", last->iso());
        return out;
    }
    line(out, st, "stage",
         c.stage + (c.stage_since ? fmt::format("  since {}", *c.stage_since) : ""));
    auto cadence = effective_cadence(c, s);
    // No tier of its own: the folder's default_tier applies, as in due and portfolio.
    line(out, st, "tier",
         (c.tier.empty() ? fmt::format("{} (default)", effective_tier(c, s)) : c.tier) +
             (cadence ? fmt::format("  every {}", cadence->str()) : "  not tracked") +
             (c.every ? " (own cadence)" : ""));
    line(out, st, "owner", c.owner);
    line(out, st, "since", c.since ? c.since->iso() : "");
    if (c.ratings.any()) {
        auto r3 = [](const std::optional<int>& v) {
            return v ? std::to_string(*v) : std::string("-");
        };
        line(out, st, "ratings",
             fmt::format("potential {}, compatibility {}, profitability {}  (score {}/15)",
                         r3(c.ratings.potential), r3(c.ratings.compatibility),
                         r3(c.ratings.profitability), c.ratings.score()));
    }
    line(out, st, "tags", join(c.tags, ", "));
    line(out, st, "watchers", join(c.watchers, ", "));
    for (const auto& [k, v] : c.custom)
        line(out, st, k, v);
    if (auto last = last_contact(r, s))
        line(out, st, "last contact", last->iso());
    if (auto next = next_contact(r, s)) {
        std::string when = fmt::format("{}  ({})", *next, relative_days(*next, today));
        line(out, st, "next contact", when, *next < today ? Style::red : Style::none);
    } else {
        line(out, st, "next contact",
             s.is_inactive(c.stage) ? "none (inactive stage)" : "none (not tracked)");
    }
    if (!c.notes.empty())
        out += fmt::format("\n{}{}", safe_lines(c.notes), c.notes.ends_with('\n') ? "" : "\n");
    return out;
}

std::string contacts(const Client& c, const Styler& st) {
    if (c.contacts.empty())
        return {};
    std::string out = fmt::format("\n{}\n", st("Contacts", Style::header));
    for (const auto& p : c.contacts) {
        std::string who = fmt::format("  {}", one_line(p.name));
        for (const auto& extra : {p.role, p.email, p.phone})
            if (!extra.empty())
                who += fmt::format(", {}", one_line(extra));
        out += fmt::format("{}\n", who);
        out += indented(p.notes, "    ", st, Style::dim);
    }
    return out;
}

std::string open_items(const ClientRecord& r, Date today, const Styler& st) {
    const auto open = open_commitments(r);
    if (open.empty())
        return {};
    std::string out = fmt::format("\n{}\n", st("Open promises and actions", Style::header));
    for (const auto& ref : open) {
        const Commitment& c = *ref.item;
        std::string due =
            c.due ? fmt::format("{}  {}", *c.due, relative_days(*c.due, today)) : "no date";
        bool late = c.due && *c.due < today;
        out += fmt::format("  {}{}  {}\n", pad(std::string(due_type_name(ref.type)), 8),
                           one_line(c.what),
                           st(fmt::format("({})", due), late ? Style::red : Style::dim));
    }
    return out;
}

// The open opportunities, each with its next step and RFP; the closed ones counted.
std::string opportunities(const ClientRecord& r, const Settings& s, Date today, const Styler& st) {
    std::string out;
    int won = 0, lost = 0;
    for (const auto& o : r.opportunities) {
        switch (outcome_of(o)) {
            case Outcome::won:
                ++won;
                continue;
            case Outcome::lost:
                ++lost;
                continue;
            case Outcome::open:
                break;
        }
        std::string facts = fmt::format(
            "{}, {} at {}%", stage_of(o, s),
            o.value ? amount_text(o.value->amount) : std::string("no value"), probability_of(o, s));
        if (!owner_of(o).empty())
            facts += fmt::format(", {}", owner_of(o));
        out += fmt::format("  {}  {}\n", st(one_line(o.title), Style::bold),
                           st(one_line(facts), Style::dim));
        if (!o.next_step.empty() || o.next_step_due) {
            std::string when;
            if (o.next_step_due)
                when = fmt::format("  ({}, {})", *o.next_step_due,
                                   relative_days(*o.next_step_due, today));
            const bool late = o.next_step_due && *o.next_step_due < today;
            out += fmt::format("      next step: {}{}\n",
                               one_line(o.next_step.empty() ? "-" : o.next_step),
                               st(when, late ? Style::red : Style::dim));
        }
        std::vector<std::string> dates;
        if (o.rfp_since)
            dates.push_back(fmt::format("RFP out since {}", *o.rfp_since));
        else if (o.rfp_expected)
            dates.push_back(fmt::format("RFP expected {}", *o.rfp_expected));
        if (o.decision_expected)
            dates.push_back(fmt::format("decision expected {}", *o.decision_expected));
        if (!dates.empty())
            out += fmt::format("      {}\n", join(dates, "; "));
    }
    if (out.empty() && won + lost == 0)
        return {};
    std::string closed;
    if (won + lost > 0)
        closed = fmt::format(
            "{}\n", st(fmt::format("  won {}, lost {} (see crm pipeline)", won, lost), Style::dim));
    return fmt::format("\n{}\n{}{}", st("Open opportunities", Style::header),
                       out.empty() ? fmt::format("{}\n", st("  none", Style::dim)) : out, closed);
}

std::string commitment_line(const char* label, const Commitment& c) {
    return fmt::format("      {}: {}{}{}\n", label, one_line(c.what),
                       c.due ? fmt::format(" by {}", *c.due) : "",
                       c.done ? fmt::format(" (done {})", *c.done) : "");
}

// A captured message's line: who wrote to whom, and its subject.
std::string message_title(const Visit& v) {
    const std::string us = v.by.empty() ? std::string("us") : one_line(v.by);
    const std::string them = v.with.empty() ? std::string("them") : joined(v.with, ", ");
    const bool out = v.direction == "out";
    std::string t =
        fmt::format("{} from {} to {}", one_line(v.kind), out ? us : them, out ? them : us);
    if (!v.subject.empty())
        t += fmt::format(": {}", one_line(v.subject));
    return t;
}

std::string size_text(std::uint64_t bytes) {
    if (bytes < 1024)
        return fmt::format("{} B", bytes);
    if (bytes < 1024 * 1024)
        return fmt::format("{} KB", (bytes + 512) / 1024);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

std::string visit_entry(const Visit& v) {
    std::string t = one_line(v.kind) + (v.by.empty() ? "" : fmt::format(" by {}", one_line(v.by)));
    if (!v.where.empty())
        t += fmt::format(" at {}", one_line(v.where));
    if (!v.with.empty())
        t += fmt::format(" with {}", joined(v.with, ", "));
    if (!v.direction.empty() || !v.subject.empty())
        t = message_title(v);
    std::string body;
    if (!v.attachments.empty()) {
        std::vector<std::string> files;
        for (const auto& a : v.attachments)
            files.push_back(
                fmt::format("{} ({})", a.name.empty() ? "unnamed" : a.name, size_text(a.size)));
        body += fmt::format("      attachments: {}\n", joined(files, ", "));
    }
    if (!v.discussed.empty())
        body += fmt::format("      discussed: {}\n", joined(v.discussed, "; "));
    if (!v.new_topics.empty())
        body += fmt::format("      new topics: {}\n", joined(v.new_topics, "; "));
    for (const auto& p : v.promises)
        body += commitment_line("promised", p);
    for (const auto& a : v.actions)
        body += commitment_line("action", a);
    if (!v.notes.empty()) {
        // The first line of the notes, and "…" when there is more.
        std::string first = v.notes.substr(0, v.notes.find('\n'));
        body += fmt::format(
            "      {}{}\n", one_line(first),
            first.size() < v.notes.size() - (v.notes.ends_with('\n') ? 1 : 0) ? " …" : "");
    }
    return fmt::format("{}\n{}", t, body);
}

std::string review_entry(const Review& rv) {
    std::string t = fmt::format("review: {} — {}{}\n", rating_name(rv.rating), one_line(rv.project),
                                rv.by.empty() ? "" : fmt::format(" (by {})", one_line(rv.by)));
    if (!rv.why.empty())
        t += fmt::format("      {}\n", one_line(rv.why));
    return t;
}

// Visits and reviews together, newest first (a visit before a review of the same day).
std::string timeline(const ClientRecord& r, const Styler& st) {
    struct Entry {
        Date date;
        std::string text;
    };
    std::vector<Entry> entries;
    for (const auto& v : r.visits)
        entries.push_back({v.date, visit_entry(v)});
    for (const auto& rv : r.reviews)
        entries.push_back({rv.date, review_entry(rv)});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.date > b.date; });
    if (entries.empty())
        return {};
    std::string out = fmt::format("\n{}\n", st("Timeline", Style::header));
    for (const auto& e : entries)
        out += fmt::format("  {}  {}", st(e.date.iso(), Style::bold), e.text);
    return out;
}

}  // namespace

std::string show_text(const ClientRecord& r, const Settings& s, Date today, const Styler& st,
                      int width, const std::string& problem) {
    return fit_lines(header(r, s, today, st, problem) + contacts(r.client, st) +
                         open_items(r, today, st) + opportunities(r, s, today, st) +
                         timeline(r, st),
                     width);
}

}  // namespace crm::render
