#include "crm/formats/record_csv.hpp"

#include <algorithm>

#include "crm/model/opportunity.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

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
std::string cell(const std::vector<std::string>& v) {
    return joined(v, "; ");
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
        files.push_back(fmt::format("{} ({} bytes)", a.name, a.size));
    return joined(files, "; ");
}
std::string cell(const CaptureSettings& v) {
    return joined(v.never, "; ");
}

template <class R>
std::vector<std::string> columns(const schema::Schema<R>& s) {
    std::vector<std::string> out{"client", "name"};
    for (const auto& f : s.fields)
        out.emplace_back(f.key);
    out.emplace_back("file");
    return out;
}

template <class R>
std::vector<std::string> cells(const schema::Schema<R>& s, const Client& client, const R& record) {
    std::vector<std::string> out{client.slug, client.name};
    schema::for_each_field(s, record,
                           [&](const auto&, const auto& value) { out.push_back(cell(value)); });
    out.push_back(record.file);
    return out;
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
        parts.push_back(s);
    }
    return joined(parts, "; ");
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
                                 joined(c.tags, ";"),
                                 joined(c.watchers, ";"),
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

std::vector<std::string> visit_columns() {
    return columns(schema::visit_schema());
}
std::vector<std::string> review_columns() {
    return columns(schema::review_schema());
}
std::vector<std::string> opportunity_columns() {
    return columns(schema::opportunity_schema());
}
std::vector<std::string> visit_cells(const Client& client, const Visit& v) {
    return cells(schema::visit_schema(), client, v);
}
std::vector<std::string> review_cells(const Client& client, const Review& r) {
    return cells(schema::review_schema(), client, r);
}
std::vector<std::string> opportunity_cells(const Client& client, const Opportunity& o) {
    return cells(schema::opportunity_schema(), client, o);
}

}  // namespace crm::formats
