#include "crm/store/record_io.hpp"

#include <charconv>

#include "crm/util/error.hpp"
#include "crm/yaml/write.hpp"

namespace crm::store {

namespace {

using yaml::Node;

// Reads fields of one file, turning type mistakes into located DataErrors.
class FieldReader {
  public:
    explicit FieldReader(const std::string& file) : file_(file) {}

    [[noreturn]] void fail(const Node& n, const std::string& problem, std::string hint = {}) const {
        throw DataError(SourceLocation{file_, n.mark.line, n.mark.column}, problem,
                        std::move(hint));
    }

    const Node& root_map(const Node& root) const {
        if (root.is_null())
            fail(root, "file is empty", "a record is a map of keys such as name: and date:");
        if (!root.is_map())
            fail(root, "the file's top level must be a map of keys");
        return root;
    }

    std::string text(const Node& n, std::string_view key) const {
        if (n.is_null())
            return {};
        if (!n.is_scalar())
            fail(n, std::string(key) + ": expected text, found a " + kind(n));
        return n.value;
    }

    Date date(const Node& n, std::string_view key) const {
        if (!n.is_scalar())
            fail(n, std::string(key) + ": expected a date (YYYY-MM-DD)");
        auto d = Date::parse_iso(n.value);
        if (!d)
            fail(n, std::string(key) + ": '" + n.value + "' is not a date",
                 "write dates as YYYY-MM-DD");
        return *d;
    }

    std::optional<Date> optional_date(const Node* n, std::string_view key) const {
        if (!n || n->is_null())
            return std::nullopt;
        return date(*n, key);
    }

    std::vector<std::string> list(const Node& n, std::string_view key) const {
        std::vector<std::string> out;
        if (n.is_null())
            return out;
        if (n.is_scalar()) {  // a person wrote `tags: civil`; read it as one item
            out.push_back(n.value);
            return out;
        }
        if (!n.is_sequence())
            fail(n, std::string(key) + ": expected a list");
        for (const auto& item : n.items) {
            if (item.is_null())
                continue;
            out.push_back(text(item, key));
        }
        return out;
    }

    int rating(const Node& n, std::string_view key) const {
        int v = 0;
        if (n.is_scalar()) {
            auto [p, ec] = std::from_chars(n.value.data(), n.value.data() + n.value.size(), v);
            if (ec == std::errc() && p == n.value.data() + n.value.size() && v >= 1 && v <= 5)
                return v;
        }
        fail(n, std::string(key) + ": a rating is a whole number from 1 to 5");
    }

    Duration duration(const Node& n, std::string_view key) const {
        if (n.is_scalar())
            if (auto d = parse_duration(n.value))
                return *d;
        fail(n, std::string(key) + ": expected a duration such as 30d, 2w, 1m or 1y");
    }

    static std::string kind(const Node& n) {
        switch (n.kind) {
            case Node::Kind::map:
                return "map";
            case Node::Kind::sequence:
                return "list";
            case Node::Kind::scalar:
                return "text";
            case Node::Kind::null:
                return "nothing";
        }
        return "value";
    }

  private:
    const std::string& file_;
};

std::vector<Commitment> commitments(const FieldReader& r, const Node& n, std::string_view key) {
    std::vector<Commitment> out;
    if (n.is_null())
        return out;
    if (!n.is_sequence())
        r.fail(n, std::string(key) + ": expected a list of items with what: and due:");
    for (const auto& item : n.items) {
        Commitment c;
        if (item.is_scalar()) {
            c.what = item.value;
        } else if (item.is_map()) {
            for (const auto& [k, v] : item.entries) {
                if (k.value == "what")
                    c.what = r.text(v, "what");
                else if (k.value == "due")
                    c.due = r.optional_date(&v, "due");
                else if (k.value == "done")
                    c.done = r.optional_date(&v, "done");
            }
            if (c.what.empty())
                r.fail(item, std::string(key) + ": an item without what:");
        } else {
            continue;
        }
        out.push_back(std::move(c));
    }
    return out;
}

Contact contact(const FieldReader& r, const Node& n) {
    Contact c;
    if (n.is_scalar()) {
        c.name = n.value;
        return c;
    }
    if (!n.is_map())
        r.fail(n, "contacts: each contact is a map with name:, role:, email:...");
    for (const auto& [k, v] : n.entries) {
        if (k.value == "name")
            c.name = r.text(v, "name");
        else if (k.value == "role")
            c.role = r.text(v, "role");
        else if (k.value == "email")
            c.email = r.text(v, "email");
        else if (k.value == "phone")
            c.phone = r.text(v, "phone");
        else if (k.value == "notes")
            c.notes = r.text(v, "notes");
    }
    return c;
}

}  // namespace

std::string node_text(const yaml::Node& n) {
    switch (n.kind) {
        case Node::Kind::null:
            return {};
        case Node::Kind::scalar:
            return n.value;
        case Node::Kind::sequence: {
            std::string s;
            for (const auto& i : n.items)
                s += (s.empty() ? "" : ", ") + node_text(i);
            return s;
        }
        case Node::Kind::map: {
            std::string s;
            for (const auto& [k, v] : n.entries)
                s += (s.empty() ? "" : ", ") + k.value + ": " + node_text(v);
            return s;
        }
    }
    return {};
}

Settings settings_from(const Node& root, const std::string& file) {
    FieldReader r(file);
    Settings s;
    if (root.is_null())
        return s;  // an empty crm.yaml means every default
    r.root_map(root);
    for (const auto& [k, v] : root.entries) {
        const std::string& key = k.value;
        if (key == "stages") {
            s.stages = r.list(v, key);
            if (s.stages.empty())
                r.fail(v, "stages: the funnel needs at least one stage");
        } else if (key == "inactive_stages") {
            s.inactive_stages = r.list(v, key);
        } else if (key == "tiers") {
            if (!v.is_map())
                r.fail(v, "tiers: expected a map such as A: {every: 30d}");
            s.tiers.clear();
            for (const auto& [tk, tv] : v.entries) {
                Tier t{tk.value, std::nullopt};
                const Node* every = tv.is_map() ? tv.find("every") : nullptr;
                if (every && !(every->is_scalar() && every->value == "never")) {
                    t.every = r.duration(*every, "every");
                }
                s.tiers.push_back(std::move(t));
            }
        } else if (key == "default_tier") {
            s.default_tier = r.text(v, key);
        } else if (key == "due_within") {
            s.due_within = r.duration(v, key);
        } else if (key == "review_follow_up") {
            s.review_follow_up = r.duration(v, key);
        } else if (key == "autocommit") {
            std::string b = r.text(v, key);
            if (b == "true" || b == "yes" || b == "on")
                s.autocommit = true;
            else if (b == "false" || b == "no" || b == "off")
                s.autocommit = false;
            else
                r.fail(v, "autocommit: expected true or false");
        }
    }
    return s;
}

Client client_from(const Node& root, const std::string& file) {
    FieldReader r(file);
    r.root_map(root);
    Client c;
    c.file = file;
    for (const auto& [k, v] : root.entries) {
        const std::string& key = k.value;
        if (key == "name")
            c.name = r.text(v, key);
        else if (key == "stage")
            c.stage = r.text(v, key);
        else if (key == "tier")
            c.tier = r.text(v, key);
        else if (key == "every") {
            if (v.is_scalar() && v.value == "never")
                c.every = Cadence::never();
            else if (!v.is_null())
                c.every = Cadence{r.duration(v, key)};
        } else if (key == "owner")
            c.owner = r.text(v, key);
        else if (key == "since")
            c.since = r.optional_date(&v, key);
        else if (key == "stage_since")
            c.stage_since = r.optional_date(&v, key);
        else if (key == "ratings") {
            if (v.is_null())
                continue;
            if (!v.is_map())
                r.fail(v, "ratings: expected {potential: N, compatibility: N, profitability: N}");
            for (const auto& [rk, rv] : v.entries) {
                if (rv.is_null())
                    continue;
                if (rk.value == "potential")
                    c.ratings.potential = r.rating(rv, "ratings.potential");
                else if (rk.value == "compatibility")
                    c.ratings.compatibility = r.rating(rv, "ratings.compatibility");
                else if (rk.value == "profitability")
                    c.ratings.profitability = r.rating(rv, "ratings.profitability");
                else
                    r.fail(rk, "ratings: unknown rating '" + rk.value + "'",
                           "the ratings are potential, compatibility and profitability");
            }
        } else if (key == "contacts") {
            if (v.is_null())
                continue;
            if (!v.is_sequence())
                r.fail(v, "contacts: expected a list");
            for (const auto& item : v.items)
                c.contacts.push_back(contact(r, item));
        } else if (key == "tags")
            c.tags = r.list(v, key);
        else if (key == "watchers")
            c.watchers = r.list(v, key);
        else if (key == "notes")
            c.notes = r.text(v, key);
        else
            c.custom.emplace_back(key, node_text(v));
    }
    if (c.name.empty())
        r.fail(root, "client has no name:", "add a line such as  name: Acme Pty Ltd");
    return c;
}

Visit visit_from(const Node& root, const std::string& file) {
    FieldReader r(file);
    r.root_map(root);
    Visit vis;
    vis.file = file;
    bool has_date = false;
    for (const auto& [k, v] : root.entries) {
        const std::string& key = k.value;
        if (key == "date") {
            vis.date = r.date(v, key);
            has_date = true;
        } else if (key == "by")
            vis.by = r.text(v, key);
        else if (key == "kind")
            vis.kind = r.text(v, key);
        else if (key == "where")
            vis.where = r.text(v, key);
        else if (key == "initiated_by")
            vis.initiated_by = r.text(v, key);
        else if (key == "with")
            vis.with = r.list(v, key);
        else if (key == "discussed")
            vis.discussed = r.list(v, key);
        else if (key == "new_topics")
            vis.new_topics = r.list(v, key);
        else if (key == "promises")
            vis.promises = commitments(r, v, key);
        else if (key == "actions")
            vis.actions = commitments(r, v, key);
        else if (key == "next_contact")
            vis.next_contact = r.optional_date(&v, key);
        else if (key == "notes")
            vis.notes = r.text(v, key);
        else
            vis.custom.emplace_back(key, node_text(v));
    }
    if (!has_date)
        r.fail(root, "visit has no date:", "add a line such as  date: 2026-11-23");
    return vis;
}

Review review_from(const Node& root, const std::string& file) {
    FieldReader r(file);
    r.root_map(root);
    Review rev;
    rev.file = file;
    bool has_date = false, has_rating = false;
    for (const auto& [k, v] : root.entries) {
        const std::string& key = k.value;
        if (key == "date") {
            rev.date = r.date(v, key);
            has_date = true;
        } else if (key == "by")
            rev.by = r.text(v, key);
        else if (key == "project")
            rev.project = r.text(v, key);
        else if (key == "rating") {
            auto rating = parse_rating(r.text(v, key));
            if (!rating)
                r.fail(v, "rating: '" + v.value + "' is not a rating",
                       "use angry, unhappy, neutral, happy or elated");
            rev.rating = *rating;
            has_rating = true;
        } else if (key == "why")
            rev.why = r.text(v, key);
        else if (key == "went_well")
            rev.went_well = r.list(v, key);
        else if (key == "to_improve")
            rev.to_improve = r.list(v, key);
        else if (key == "testimonial")
            rev.testimonial = r.text(v, key);
        else if (key == "referrals")
            rev.referrals = r.list(v, key);
        else
            rev.custom.emplace_back(key, node_text(v));
    }
    if (!has_date)
        r.fail(root, "review has no date:", "add a line such as  date: 2026-11-23");
    if (!has_rating)
        r.fail(root,
               "review has no rating:", "add rating: angry, unhappy, neutral, happy or elated");
    return rev;
}

Settings read_settings(std::string_view text, const std::string& file) {
    return settings_from(yaml::parse(text, file), file);
}
Client read_client(std::string_view text, const std::string& file) {
    return client_from(yaml::parse(text, file), file);
}
Visit read_visit(std::string_view text, const std::string& file) {
    return visit_from(yaml::parse(text, file), file);
}
Review read_review(std::string_view text, const std::string& file) {
    return review_from(yaml::parse(text, file), file);
}

namespace {

std::string ratings_flow(const Ratings& r) {
    std::string s;
    auto add = [&](const char* k, const std::optional<int>& v) {
        if (!v)
            return;
        s += (s.empty() ? "" : ", ") + std::string(k) + ": " + std::to_string(*v);
    };
    add("potential", r.potential);
    add("compatibility", r.compatibility);
    add("profitability", r.profitability);
    return "{" + s + "}";
}

void write_commitments(yaml::Writer& w, std::string_view key,
                       const std::vector<Commitment>& items) {
    if (items.empty())
        return;
    w.open_list(key);
    for (const auto& c : items) {
        w.item().field("what", c.what, true);
        if (c.due)
            w.raw("due", c.due->iso());
        if (c.done)
            w.raw("done", c.done->iso());
    }
    w.close();
}

}  // namespace

std::string client_yaml(const Client& c) {
    yaml::Writer w;
    w.field("name", c.name, true).field("stage", c.stage).field("tier", c.tier);
    if (c.every)
        w.raw("every", c.every->str());
    w.field("owner", c.owner);
    if (c.since)
        w.raw("since", c.since->iso());
    if (c.stage_since)
        w.raw("stage_since", c.stage_since->iso());
    if (c.ratings.any())
        w.raw("ratings", ratings_flow(c.ratings));
    if (!c.contacts.empty()) {
        w.open_list("contacts");
        for (const auto& p : c.contacts) {
            w.item().field("name", p.name, true).field("role", p.role).field("email", p.email);
            w.field("phone", p.phone).text("notes", p.notes);
        }
        w.close();
    }
    w.list("tags", c.tags).list("watchers", c.watchers).text("notes", c.notes);
    return w.str();
}

std::string visit_yaml(const Visit& v) {
    yaml::Writer w;
    w.raw("date", v.date.iso()).field("by", v.by).field("kind", v.kind).field("where", v.where);
    w.field("initiated_by", v.initiated_by);
    w.list("with", v.with).list("discussed", v.discussed).list("new_topics", v.new_topics);
    write_commitments(w, "promises", v.promises);
    write_commitments(w, "actions", v.actions);
    if (v.next_contact)
        w.raw("next_contact", v.next_contact->iso());
    w.text("notes", v.notes);
    return w.str();
}

std::string review_yaml(const Review& r) {
    yaml::Writer w;
    w.raw("date", r.date.iso()).field("by", r.by).field("project", r.project, true);
    w.raw("rating", rating_name(r.rating)).text("why", r.why);
    w.list("went_well", r.went_well).list("to_improve", r.to_improve);
    w.text("testimonial", r.testimonial).list("referrals", r.referrals);
    return w.str();
}

namespace {

// A value in flow style. A scalar the user wrote bare stays bare when nothing but its
// own words could make it unsafe (so `3` stays a number); anything else is quoted.
std::string flow(const Node& n) {
    switch (n.kind) {
        case Node::Kind::null:
            return "null";
        case Node::Kind::scalar:
            return n.plain && yaml::plain_safe("x" + n.value + "x", true)
                       ? n.value
                       : yaml::double_quoted(n.value);
        case Node::Kind::sequence: {
            std::string s;
            for (const auto& i : n.items)
                s += (s.empty() ? "" : ", ") + flow(i);
            return "[" + s + "]";
        }
        case Node::Kind::map: {
            std::string s;
            for (const auto& [k, v] : n.entries) {
                std::string key =
                    yaml::plain_safe(k.value, true) ? k.value : yaml::double_quoted(k.value);
                s += (s.empty() ? "" : ", ") + key + ": " + flow(v);
            }
            return "{" + s + "}";
        }
    }
    return "null";
}

}  // namespace

std::string custom_fields_yaml(const Node& root, const CustomFields& custom) {
    std::string out;
    for (const auto& [key, text] : custom) {
        const Node* n = root.find(key);
        out += yaml::scalar(key) + ": " + (n ? flow(*n) : yaml::scalar(text)) + "\n";
    }
    return out;
}

std::string default_settings_yaml() {
    return R"(# crm folder settings, shared by everyone who uses this folder. Every key is optional;
# the values below are the defaults. See crm-format(5).

# The sales funnel, in order.
stages: [lead, prospect, proposal, client, former, lost]
# Clients in these stages are never due for contact.
inactive_stages: [former, lost]
# Portfolio tiers and how often their clients should hear from you.
tiers:
  A: {every: 30d}
  B: {every: 60d}
  C: {every: 120d}
default_tier: B
# The window of `crm due` when no --within or --until is given.
due_within: 7d
# An angry or unhappy review makes a follow-up due this long after it.
review_follow_up: 7d
# Commit every change to git.
autocommit: true
)";
}

}  // namespace crm::store
