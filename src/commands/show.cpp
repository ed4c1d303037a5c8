#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/show.hpp"
#include "crm/formats/json.hpp"
#include "crm/model/cadence.hpp"
#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/reports/due.hpp"

namespace crm::commands {

namespace {

struct OpenItem {
    std::string type;  // promise | action
    const Commitment* item;
    const Visit* visit;
};

std::vector<OpenItem> open_items(const ClientRecord& r) {
    std::vector<OpenItem> items;
    for (const auto& v : r.visits) {
        for (const auto& p : v.promises)
            if (p.open())
                items.push_back({"promise", &p, &v});
        for (const auto& a : v.actions)
            if (a.open())
                items.push_back({"action", &a, &v});
    }
    // Dated items first, soonest first; undated ones after, oldest visit first.
    std::stable_sort(items.begin(), items.end(), [](const OpenItem& a, const OpenItem& b) {
        if (a.item->due.has_value() != b.item->due.has_value())
            return a.item->due.has_value();
        return a.item->due && *a.item->due < *b.item->due;
    });
    return items;
}

void show_json(const ClientRecord& r, const Settings& s, Context& ctx) {
    formats::Json j = formats::to_json(r.client);
    j["next_contact"] = formats::date_or_null(next_contact(r, s));
    j["last_contact"] = formats::date_or_null(last_contact(r));
    formats::Json open = formats::Json::array();
    for (const auto& i : open_items(r)) {
        formats::Json item = formats::to_json(*i.item);
        item["type"] = i.type;
        item["visit"] = i.visit->file;
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
    ctx.out() << formats::dump(j);
}

// The text format is for a terminal: every value from the files goes through
// render::one_line (render::safe_lines for notes, which keep their lines) before it is
// styled, so a hand-edited file cannot drive the terminal and crm's colours still work.
using render::one_line;

void line(std::string& out, const render::Styler& st, std::string_view label,
          std::string_view value, render::Style style = render::Style::none) {
    if (value.empty())
        return;
    out += "  " + render::pad(one_line(label), 13) + st(one_line(value), style) + "\n";
}

// Each line of a multi-line note after `indent`, styled line by line, so that a note
// of several lines stays under the entry it belongs to.
std::string indented(std::string_view text, const std::string& indent, const render::Styler& st,
                     render::Style style) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        out += indent + st(one_line(text.substr(pos, end - pos)), style) + "\n";
        pos = end + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
    return one_line(join(items, sep));
}

void show_text(const ClientRecord& r, const Settings& s, Context& ctx) {
    const render::Styler st(ctx.color());
    const Client& c = r.client;
    const Date today = ctx.today();
    std::string out = st(one_line(c.name), render::Style::bold) + "  " +
                      st("(" + one_line(c.slug) + ")", render::Style::dim) + "\n";
    line(out, st, "stage", c.stage + (c.stage_since ? "  since " + c.stage_since->iso() : ""));
    auto cadence = effective_cadence(c, s);
    // No tier of its own: the folder's default_tier applies, as in due and portfolio.
    line(out, st, "tier",
         (c.tier.empty() ? effective_tier(c, s) + " (default)" : c.tier) +
             (cadence ? "  every " + cadence->str() : "  not tracked") +
             (c.every ? " (own cadence)" : ""));
    line(out, st, "owner", c.owner);
    line(out, st, "since", c.since ? c.since->iso() : "");
    if (c.ratings.any()) {
        auto r3 = [](const std::optional<int>& v) {
            return v ? std::to_string(*v) : std::string("-");
        };
        line(out, st, "ratings",
             "potential " + r3(c.ratings.potential) + ", compatibility " +
                 r3(c.ratings.compatibility) + ", profitability " + r3(c.ratings.profitability) +
                 "  (score " + std::to_string(c.ratings.score()) + "/15)");
    }
    line(out, st, "tags", join(c.tags, ", "));
    line(out, st, "watchers", join(c.watchers, ", "));
    for (const auto& [k, v] : c.custom)
        line(out, st, k, v);
    if (auto last = last_contact(r))
        line(out, st, "last contact", last->iso());
    if (auto next = next_contact(r, s)) {
        std::string when = next->iso() + "  (" + relative_days(*next, today) + ")";
        line(out, st, "next contact", when,
             *next < today ? render::Style::red : render::Style::none);
    } else {
        line(out, st, "next contact",
             s.is_inactive(c.stage) ? "none (inactive stage)" : "none (not tracked)");
    }
    if (!c.notes.empty())
        out += "\n" + render::safe_lines(c.notes) + (c.notes.ends_with('\n') ? "" : "\n");

    if (!c.contacts.empty()) {
        out += "\n" + st("Contacts", render::Style::header) + "\n";
        for (const auto& p : c.contacts) {
            std::string who = "  " + one_line(p.name);
            for (const auto& extra : {p.role, p.email, p.phone})
                if (!extra.empty())
                    who += ", " + one_line(extra);
            out += who + "\n";
            out += indented(p.notes, "    ", st, render::Style::dim);
        }
    }
    auto open = open_items(r);
    if (!open.empty()) {
        out += "\n" + st("Open promises and actions", render::Style::header) + "\n";
        for (const auto& i : open) {
            std::string due = i.item->due
                                  ? i.item->due->iso() + "  " + relative_days(*i.item->due, today)
                                  : "no date";
            bool late = i.item->due && *i.item->due < today;
            out += "  " + render::pad(i.type, 8) + one_line(i.item->what) + "  " +
                   st("(" + due + ")", late ? render::Style::red : render::Style::dim) + "\n";
        }
    }
    // The timeline: visits and reviews together, newest first.
    struct Entry {
        Date date;
        std::string text;
    };
    std::vector<Entry> timeline;
    for (const auto& v : r.visits) {
        std::string t = one_line(v.kind) + (v.by.empty() ? "" : " by " + one_line(v.by));
        if (!v.where.empty())
            t += " at " + one_line(v.where);
        if (!v.with.empty())
            t += " with " + joined(v.with, ", ");
        std::string body;
        if (!v.discussed.empty())
            body += "      discussed: " + joined(v.discussed, "; ") + "\n";
        if (!v.new_topics.empty())
            body += "      new topics: " + joined(v.new_topics, "; ") + "\n";
        for (const auto& p : v.promises)
            body += "      promised: " + one_line(p.what) + (p.due ? " by " + p.due->iso() : "") +
                    (p.done ? " (done " + p.done->iso() + ")" : "") + "\n";
        for (const auto& a : v.actions)
            body += "      action: " + one_line(a.what) + (a.due ? " by " + a.due->iso() : "") +
                    (a.done ? " (done " + a.done->iso() + ")" : "") + "\n";
        if (!v.notes.empty()) {
            std::string first = v.notes.substr(0, v.notes.find('\n'));
            body +=
                "      " + one_line(first) +
                (first.size() < v.notes.size() - (v.notes.ends_with('\n') ? 1 : 0) ? " …" : "") +
                "\n";
        }
        timeline.push_back({v.date, t + "\n" + body});
    }
    for (const auto& rv : r.reviews) {
        std::string t = "review: " + std::string(rating_name(rv.rating)) + " — " +
                        one_line(rv.project) +
                        (rv.by.empty() ? "" : " (by " + one_line(rv.by) + ")") + "\n";
        if (!rv.why.empty())
            t += "      " + one_line(rv.why) + "\n";
        timeline.push_back({rv.date, t});
    }
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const Entry& a, const Entry& b) { return a.date > b.date; });
    if (!timeline.empty()) {
        out += "\n" + st("Timeline", render::Style::header) + "\n";
        for (const auto& e : timeline)
            out += "  " + st(e.date.iso(), render::Style::bold) + "  " + e.text;
    }
    ctx.out() << out;
}

}  // namespace

int show(const ShowOptions& o, Context& ctx) {
    const std::string slug = resolve_client(ctx, o.client);
    std::vector<DataError> problems;
    ClientRecord record = ctx.folder().load_record(slug, problems);
    record.client.slug = slug;
    if (o.format == "json") {
        show_json(record, ctx.folder().settings(), ctx);
    } else {
        show_text(record, ctx.folder().settings(), ctx);
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
