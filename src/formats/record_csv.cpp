#include "crm/formats/record_csv.hpp"

#include <algorithm>
#include <charconv>

#include "crm/formats/csv.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (const auto& i : items)
        s += (s.empty() ? "" : sep) + i;
    return s;
}

// Each kind of value of the schema (schema/values.hpp), as a cell.
std::string cell(const std::string& v) {
    return v;
}
std::string cell(const Date& v) {
    return v.iso();
}
std::string cell(const std::optional<Date>& v) {
    return v ? v->iso() : "";
}
std::string items_cell(const std::vector<std::string>& items) {
    return list_cell(items, "; ");
}

std::string cell(const std::vector<std::string>& v) {
    return items_cell(v);
}
std::string cell(const std::vector<Commitment>& v) {
    return commitments_text(v);
}
std::string cell(const std::vector<Contact>& v) {
    std::vector<std::string> people;
    for (const auto& p : v)
        people.push_back(p.email.empty() ? p.name : fmt::format("{} <{}>", p.name, p.email));
    return joined(people, "; ");
}
std::string cell(const Ratings& v) {
    auto r = [](const std::optional<int>& x) { return x ? std::to_string(*x) : std::string("-"); };
    return v.any() ? fmt::format("{}/{}/{}", r(v.potential), r(v.compatibility), r(v.profitability))
                   : "";
}
std::string cell(const std::optional<Cadence>& v) {
    return v ? v->str() : "";
}
std::string cell(const Rating& v) {
    return std::string(rating_name(v));
}
std::string cell(const bool& v) {
    return v ? "true" : "false";
}
std::string cell(const Duration& v) {
    return v.str();
}
std::string cell(const std::vector<Tier>& v) {
    std::vector<std::string> names;
    for (const auto& t : v)
        names.push_back(t.name);
    return joined(names, "; ");
}

std::string cell(const std::vector<TeamMember>& v) {
    std::vector<std::string> people;
    for (const auto& m : v)
        people.push_back(fmt::format("{} <{}>", m.name, m.email));
    return joined(people, "; ");
}
std::string cell(const MailSettings& v) {
    return v.from;
}
std::string cell(const std::optional<Money>& v) {
    return v ? money_text(*v) : "";
}
std::string cell(const std::optional<Percent>& v) {
    return v ? std::to_string(v->points) : "";
}
std::string cell(const std::vector<OpportunityStage>& v) {
    std::vector<std::string> stages;
    for (const auto& st : v)
        stages.push_back(fmt::format("{} {}%", st.name, st.probability));
    return joined(stages, "; ");
}

std::string cell(const std::vector<Attachment>& v) {
    std::vector<std::string> files;
    for (const auto& a : v)
        files.push_back(a.file.empty()
                            ? fmt::format("{} ({} bytes)", a.name, a.size)
                            : fmt::format("{} ({} bytes, kept as {})", a.name, a.size, a.file));
    return items_cell(files);
}
std::string cell(const CaptureSettings& v) {
    return joined(v.never, "; ");
}

template <class R>
std::vector<std::string> columns(const schema::Schema<R>& s,
                                 const std::vector<std::string>& custom_keys) {
    std::vector<std::string> out{"client", "name"};
    for (const auto& f : s.fields)
        out.emplace_back(f.key);
    out.emplace_back("file");
    for (const auto& key : custom_keys)
        out.push_back(custom_column(key));
    return out;
}

std::string custom_value(const CustomFields& custom, const std::string& key) {
    auto it =
        std::find_if(custom.begin(), custom.end(), [&](const auto& kv) { return kv.first == key; });
    return it == custom.end() ? "" : it->second;
}

template <class R>
std::vector<std::string> cells(const schema::Schema<R>& s, const Client& client, const R& record,
                               const std::vector<std::string>& custom_keys) {
    std::vector<std::string> out{client.slug, client.name};
    schema::for_each_field(s, record,
                           [&](const auto&, const auto& value) { out.push_back(cell(value)); });
    out.push_back(record.file);
    for (const auto& key : custom_keys)
        out.push_back(custom_value(record.custom, key));
    return out;
}

// -- reading a cell back: the inverse of cell() for the values of records ----------------

struct Where {
    const std::string& path;
    int line;
    std::string_view key;

    [[noreturn]] void fail(std::string_view value, std::string_view what,
                           std::string_view hint) const {
        throw DataError({path, line, 0},
                        fmt::format("{} '{}' is not {}", key, truncate_to_width(value, 40), what),
                        fmt::format("{}; nothing was written", hint));
    }
};

}  // namespace

std::string list_cell(const std::vector<std::string>& items, std::string_view separator) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            s += separator;
        for (char c : items[i]) {
            s += c;
            if (c == ';')
                s += ';';
        }
    }
    return s;
}

std::vector<std::string> list_items(std::string_view text) {
    std::vector<std::string> out;
    if (text.empty())
        return out;
    std::string item;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ';') {
            item += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == ';') {
            item += ';';
            ++i;
        } else {
            out.push_back(std::move(item));
            item.clear();
            if (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
        }
    }
    out.push_back(std::move(item));
    return out;
}

namespace {

std::optional<Date> date_of(std::string_view text, const Where& w) {
    auto d = Date::parse_iso(text);
    if (!d)
        w.fail(text, "a date", "write YYYY-MM-DD");
    return d;
}

// "Send statement (due 2026-11-30, done 2026-11-28)": the last " (...)" of an item when it
// holds only "due DATE" and "done DATE" parts; "()" is none of them (the writer adds it
// to a text that would otherwise read as one with dates).
struct CommitmentSplit {
    std::string_view what;
    std::vector<std::string_view> parts;  // "due 2026-11-30", "done 2026-11-28"
    bool marked = false;                  // a " (...)" of dates, or " ()", was found
};

CommitmentSplit split_commitment(std::string_view item) {
    CommitmentSplit out{item, {}, false};
    const std::size_t open = item.rfind(" (");
    if (open == std::string_view::npos || !item.ends_with(')'))
        return out;
    std::string_view inside = item.substr(open + 2, item.size() - open - 3);
    std::vector<std::string_view> parts;
    while (!inside.empty()) {
        const std::size_t comma = inside.find(", ");
        parts.push_back(inside.substr(0, comma));
        inside = comma == std::string_view::npos ? std::string_view() : inside.substr(comma + 2);
    }
    for (auto part : parts)
        if (!part.starts_with("due ") && !part.starts_with("done "))
            return out;
    return {item.substr(0, open), std::move(parts), true};
}

Commitment commitment_of(std::string_view item, const Where& w) {
    const CommitmentSplit split = split_commitment(item);
    Commitment c{std::string(split.what), std::nullopt, std::nullopt};
    for (auto part : split.parts) {
        const bool due = part.starts_with("due ");
        auto& date = due ? c.due : c.done;
        if (date)
            w.fail(item, "a promise or action with one due date and one done date",
                   "write \"TEXT (due YYYY-MM-DD, done YYYY-MM-DD)\"");
        date = date_of(part.substr(due ? 4 : 5), w);
    }
    if (c.what.empty())
        w.fail(item, "a promise or action: it has no text", "write what was promised first");
    return c;
}

// "report.pdf (12345 bytes)" or "report.pdf (12345 bytes, kept as clients/x/files/y.pdf)".
Attachment attachment_of(std::string_view item, const Where& w) {
    for (std::size_t open = item.rfind(" ("); open != std::string_view::npos && open > 0;
         open = item.rfind(" (", open - 1)) {
        std::string_view rest = item.substr(open + 2);
        std::uint64_t size = 0;
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), size);
        if (ec != std::errc() || end == rest.data())
            continue;
        rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
        Attachment a{std::string(item.substr(0, open)), size, {}};
        if (rest == " bytes)")
            return a;
        constexpr std::string_view kept = " bytes, kept as ";
        if (rest.starts_with(kept) && rest.ends_with(')') && rest.size() > kept.size() + 1) {
            a.file = std::string(rest.substr(kept.size(), rest.size() - kept.size() - 1));
            return a;
        }
    }
    w.fail(item, "an attachment", "write \"NAME (SIZE bytes)\"");
}

void read_cell(const std::string& text, std::string& out, const Where&) {
    out = text;
}
void read_cell(const std::string& text, Date& out, const Where& w) {
    if (text.empty())
        w.fail(text, "a date: the column is required", "write YYYY-MM-DD");
    out = *date_of(text, w);
}
void read_cell(const std::string& text, std::optional<Date>& out, const Where& w) {
    out = text.empty() ? std::nullopt : date_of(text, w);
}
void read_cell(const std::string& text, std::vector<std::string>& out, const Where&) {
    out = list_items(text);
}
void read_cell(const std::string& text, std::vector<Commitment>& out, const Where& w) {
    out.clear();
    for (const auto& item : list_items(text))
        out.push_back(commitment_of(item, w));
}
void read_cell(const std::string& text, std::vector<Attachment>& out, const Where& w) {
    out.clear();
    for (const auto& item : list_items(text))
        out.push_back(attachment_of(item, w));
}
void read_cell(const std::string& text, Rating& out, const Where& w) {
    auto r = parse_rating(text);
    if (!r)
        w.fail(text, "a rating", fmt::format("write one of {}", join(rating_names(), ", ")));
    out = *r;
}
void read_cell(const std::string& text, std::optional<Money>& out, const Where& w) {
    if (text.empty()) {
        out.reset();
    } else if (auto m = parse_money(text)) {
        out = m;
    } else {
        w.fail(text, "an amount", "write a plain number such as 180000 or 12500.50");
    }
}
void read_cell(const std::string& text, std::optional<Percent>& out, const Where& w) {
    if (text.empty()) {
        out.reset();
    } else if (auto p = parse_percent(text)) {
        out = p;
    } else {
        w.fail(text, "a probability", "write a whole number from 0 to 100");
    }
}
// The values of other records (a client's contacts, crm.yaml's settings) are no column of
// these tables.
template <class T>
void read_cell(const std::string&, T&, const Where& w) {
    throw RuntimeError(fmt::format("the column {} is not read back", w.key));
}

template <class R>
R record_of(const schema::Schema<R>& s, const std::vector<std::string>& header,
            const std::vector<std::string>& row, const std::string& path, int line,
            RecordPlace& place) {
    auto at = [&](std::size_t i) { return i < row.size() ? unguard_cell(row[i]) : std::string(); };
    place.client = at(0);
    place.client_name = at(1);
    R record;
    std::size_t i = 2;
    for (const auto& f : s.fields) {
        const std::string text = at(i++);
        std::visit(
            [&](auto member) {
                read_cell(text, record.*member, Where{path, line, f.key});
            },
            f.member);
    }
    place.file = at(i++);
    for (; i < header.size(); ++i)
        if (auto key = custom_column_key(header[i]); key && !at(i).empty())
            record.custom.emplace_back(*key, at(i));
    return record;
}

}  // namespace

std::string commitments_text(const std::vector<Commitment>& items) {
    std::vector<std::string> parts;
    for (const auto& c : items) {
        std::string s = c.what;
        std::vector<std::string> when;
        if (c.due)
            when.push_back(fmt::format("due {}", *c.due));
        if (c.done)
            when.push_back(fmt::format("done {}", *c.done));
        if (!when.empty())
            s += fmt::format(" ({})", joined(when, ", "));
        else if (split_commitment(s).marked)
            s += " ()";  // "Call back (due soon)" has no dates of its own: read as it is
        parts.push_back(s);
    }
    return items_cell(parts);
}

std::vector<std::string> client_columns() {
    return {"slug",          "name",  "stage",       "tier",          "every",
            "owner",         "since", "stage_since", "potential",     "compatibility",
            "profitability", "tags",  "watchers",    "notes",         "contact",
            "role",          "email", "phone",       "contact_notes", "uid"};
}

std::vector<std::string> client_cells(const Client& c, const Contact& p,
                                      const std::vector<std::string>& custom_keys) {
    auto rating = [](const std::optional<int>& r) { return r ? std::to_string(*r) : ""; };
    std::vector<std::string> out{c.slug,
                                 c.name,
                                 c.stage,
                                 c.tier,
                                 cell(c.every),
                                 c.owner,
                                 cell(c.since),
                                 cell(c.stage_since),
                                 rating(c.ratings.potential),
                                 rating(c.ratings.compatibility),
                                 rating(c.ratings.profitability),
                                 list_cell(c.tags, ";"),
                                 list_cell(c.watchers, ";"),
                                 c.notes,
                                 p.name,
                                 p.role,
                                 p.email,
                                 p.phone,
                                 p.notes,
                                 p.uid};
    for (const auto& key : custom_keys) {
        auto it = std::find_if(c.custom.begin(), c.custom.end(),
                               [&](const auto& kv) { return kv.first == key; });
        out.push_back(it == c.custom.end() ? "" : it->second);
    }
    return out;
}

std::optional<std::string> custom_column_key(std::string_view header) {
    constexpr std::string_view prefix = "custom.";
    if (header.size() > prefix.size() && header.starts_with(prefix))
        return std::string(header.substr(prefix.size()));
    return std::nullopt;
}

std::string custom_column(std::string_view key) {
    return fmt::format("custom.{}", key);
}

std::vector<std::string> record_columns(RecordKind kind,
                                        const std::vector<std::string>& custom_keys) {
    switch (kind) {
        case RecordKind::visit:
            return columns(schema::visit_schema(), custom_keys);
        case RecordKind::review:
            return columns(schema::review_schema(), custom_keys);
        case RecordKind::opportunity:
            return columns(schema::opportunity_schema(), custom_keys);
    }
    return {};
}
std::vector<std::string> visit_columns() {
    return record_columns(RecordKind::visit);
}
std::vector<std::string> review_columns() {
    return record_columns(RecordKind::review);
}
std::vector<std::string> opportunity_columns() {
    return record_columns(RecordKind::opportunity);
}
std::vector<std::string> visit_cells(const Client& client, const Visit& v,
                                     const std::vector<std::string>& custom_keys) {
    return cells(schema::visit_schema(), client, v, custom_keys);
}
std::vector<std::string> review_cells(const Client& client, const Review& r,
                                      const std::vector<std::string>& custom_keys) {
    return cells(schema::review_schema(), client, r, custom_keys);
}
std::vector<std::string> opportunity_cells(const Client& client, const Opportunity& o,
                                           const std::vector<std::string>& custom_keys) {
    return cells(schema::opportunity_schema(), client, o, custom_keys);
}

std::optional<RecordKind> record_table_kind(const std::vector<std::string>& header) {
    for (RecordKind kind : kRecordKinds) {
        const std::vector<std::string> fixed = record_columns(kind);
        if (header.size() >= fixed.size() &&
            std::equal(fixed.begin(), fixed.end(), header.begin()) &&
            std::all_of(header.begin() + static_cast<long>(fixed.size()), header.end(),
                        [](const std::string& h) { return custom_column_key(h).has_value(); }))
            return kind;
    }
    return std::nullopt;
}

Visit visit_of_row(const std::vector<std::string>& header, const std::vector<std::string>& row,
                   const std::string& path, int line, RecordPlace& place) {
    return record_of(schema::visit_schema(), header, row, path, line, place);
}
Review review_of_row(const std::vector<std::string>& header, const std::vector<std::string>& row,
                     const std::string& path, int line, RecordPlace& place) {
    return record_of(schema::review_schema(), header, row, path, line, place);
}
Opportunity opportunity_of_row(const std::vector<std::string>& header,
                               const std::vector<std::string>& row, const std::string& path,
                               int line, RecordPlace& place) {
    return record_of(schema::opportunity_schema(), header, row, path, line, place);
}

}  // namespace crm::formats
