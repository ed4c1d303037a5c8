// Reading each kind of value from a YAML node, with the messages a person sees in
// `crm check` and in the warnings of every report.
#include <charconv>

#include "crm/schema/values.hpp"
#include "crm/util/format.hpp"

namespace crm::schema {

namespace {

using yaml::Node;

std::string kind_name(const Node& n) {
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

// A text value; false (and a problem) when the node is a list or a map.
bool text_of(const Node& n, const std::string& key, std::string& out, Problems& p) {
    if (n.is_null()) {
        out.clear();
        return true;
    }
    if (!n.is_scalar()) {
        p.add(n, fmt::format("{}: expected text, found a {}", key, kind_name(n)));
        return false;
    }
    out = n.value;
    return true;
}

std::optional<Date> date_of(const Node& n, const std::string& key, Problems& p) {
    if (n.is_null()) {
        p.add(n, fmt::format("{}: no date", key), "write dates as YYYY-MM-DD");
        return std::nullopt;
    }
    if (!n.is_scalar()) {
        p.add(n, fmt::format("{}: expected a date (YYYY-MM-DD), found a {}", key, kind_name(n)),
              "write dates as YYYY-MM-DD");
        return std::nullopt;
    }
    auto d = Date::parse_iso(n.value);
    if (!d)
        p.add(n, fmt::format("{}: '{}' is not a date", key, n.value), "write dates as YYYY-MM-DD");
    return d;
}

std::optional<Duration> duration_of(const Node& n, const std::string& key, bool never_ok,
                                    Problems& p) {
    if (n.is_scalar())
        if (auto d = parse_duration(n.value))
            return d;
    p.add(n, fmt::format("{}: '{}' is not a duration", key, node_text(n)),
          std::string("use a duration such as 30d, 2w, 1m or 1y") + (never_ok ? ", or never" : ""));
    return std::nullopt;
}

void commitment_of(const Node& item, const std::string& key, std::vector<Commitment>& out,
                   Problems& p) {
    Commitment c;
    if (item.is_scalar()) {  // `- Call back`: a person's shorthand for `- what: Call back`
        c.what = item.value;
    } else if (item.is_map()) {
        for (const auto& [k, v] : item.entries) {
            if (k.value == "what")
                text_of(v, "what", c.what, p);
            else if (k.value == "due" && !v.is_null())
                c.due = date_of(v, fmt::format("{}.due", key), p);
            else if (k.value == "done" && !v.is_null())
                c.done = date_of(v, fmt::format("{}.done", key), p);
        }
        if (c.what.empty()) {
            p.add(item, fmt::format("{}: an item without what:", key));
            return;
        }
    } else {
        p.add(item, fmt::format("{}: an item must be a map with what:, due: and done:", key));
        return;
    }
    out.push_back(std::move(c));
}

void contact_of(const Node& n, std::vector<Contact>& out, Problems& p) {
    Contact c;
    if (n.is_scalar()) {
        c.name = n.value;
    } else if (n.is_map()) {
        for (const auto& [k, v] : n.entries) {
            if (k.value == "name")
                text_of(v, "name", c.name, p);
            else if (k.value == "role")
                text_of(v, "role", c.role, p);
            else if (k.value == "email")
                text_of(v, "email", c.email, p);
            else if (k.value == "phone")
                text_of(v, "phone", c.phone, p);
            else if (k.value == "notes")
                text_of(v, "notes", c.notes, p);
            else if (k.value == "uid")
                text_of(v, "uid", c.uid, p);
        }
    } else {
        p.add(n, "contacts: each contact is a map with name:, role:, email:...");
        return;
    }
    out.push_back(std::move(c));
}

}  // namespace

std::string node_text(const Node& n) {
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
                s += fmt::format("{}{}: {}", s.empty() ? "" : ", ", k.value, node_text(v));
            return s;
        }
    }
    return {};
}

void read_value(const Node& n, const std::string& key, std::string& out, Problems& p) {
    text_of(n, key, out, p);
}

void read_value(const Node& n, const std::string& key, Date& out, Problems& p) {
    if (auto d = date_of(n, key, p))
        out = *d;
}

void read_value(const Node& n, const std::string& key, std::optional<Date>& out, Problems& p) {
    out = n.is_null() ? std::nullopt : date_of(n, key, p);
}

void read_value(const Node& n, const std::string& key, std::vector<std::string>& out, Problems& p) {
    out.clear();
    if (n.is_null())
        return;
    if (n.is_scalar()) {  // a person wrote `tags: civil`; read it as one item
        out.push_back(n.value);
        return;
    }
    if (!n.is_sequence()) {
        p.add(n, fmt::format("{}: expected a list", key));
        return;
    }
    for (const auto& item : n.items) {
        std::string text;
        if (!item.is_null() && text_of(item, key, text, p))
            out.push_back(std::move(text));
    }
}

void read_value(const Node& n, const std::string& key, std::vector<Commitment>& out, Problems& p) {
    out.clear();
    if (n.is_null())
        return;
    if (!n.is_sequence()) {
        p.add(n, fmt::format("{}: expected a list of items with what: and due:", key));
        return;
    }
    for (const auto& item : n.items)
        if (!item.is_null())
            commitment_of(item, key, out, p);
}

void read_value(const Node& n, const std::string& key, std::vector<Contact>& out, Problems& p) {
    out.clear();
    if (n.is_null())
        return;
    if (!n.is_sequence()) {
        p.add(n, fmt::format("{}: expected a list", key));
        return;
    }
    for (const auto& item : n.items)
        contact_of(item, out, p);
}

void read_value(const Node& n, const std::string& key, Ratings& out, Problems& p) {
    out = Ratings{};
    if (n.is_null())
        return;
    if (!n.is_map()) {
        p.add(n, fmt::format("{}: expected {{potential: N, compatibility: N, profitability: N}}",
                             key));
        return;
    }
    for (const auto& [k, v] : n.entries) {
        std::optional<int>* slot = k.value == "potential"       ? &out.potential
                                   : k.value == "compatibility" ? &out.compatibility
                                   : k.value == "profitability" ? &out.profitability
                                                                : nullptr;
        if (!slot) {
            p.add(k, fmt::format("{}: unknown rating '{}'", key, k.value),
                  "the ratings are potential, compatibility and profitability");
            continue;
        }
        if (v.is_null())
            continue;
        int value = 0;
        const char* end = v.value.data() + v.value.size();
        auto [at, ec] = std::from_chars(v.value.data(), end, value);
        if (!v.is_scalar() || ec != std::errc() || at != end || value < 1 || value > 5) {
            p.add(v, fmt::format("{}.{}: '{}' is outside 1-5", key, k.value, node_text(v)),
                  "a rating is a whole number from 1 to 5");
            continue;
        }
        *slot = value;
    }
}

void read_value(const Node& n, const std::string& key, std::optional<Cadence>& out, Problems& p) {
    out.reset();
    if (n.is_null())
        return;
    if (n.is_scalar() && n.value == "never") {
        out = Cadence::never();
        return;
    }
    if (auto d = duration_of(n, key, true, p))
        out = Cadence{*d};
}

void read_value(const Node& n, const std::string& key, Rating& out, Problems& p) {
    std::string text;
    if (!text_of(n, key, text, p))
        return;
    if (auto r = parse_rating(text)) {
        out = *r;
        return;
    }
    std::string names;
    for (const auto& name : rating_names())
        names += (names.empty() ? "" : ", ") + name;
    p.add(n, fmt::format("{}: unknown rating '{}'", key, text),
          fmt::format("use one of: {}", names));
}

void read_value(const Node& n, const std::string& key, bool& out, Problems& p) {
    std::string b;
    text_of(n, key, b, p);
    if (b == "true" || b == "yes" || b == "on")
        out = true;
    else if (b == "false" || b == "no" || b == "off")
        out = false;
    else
        p.add(n, fmt::format("{}: expected true or false", key));
}

void read_value(const Node& n, const std::string& key, Duration& out, Problems& p) {
    if (auto d = duration_of(n, key, false, p))
        out = *d;
}

void read_value(const Node& n, const std::string& key, std::vector<Tier>& out, Problems& p) {
    if (!n.is_map()) {
        p.add(n, fmt::format("{}: expected a map such as A: {{every: 30d}}", key));
        return;
    }
    out.clear();
    for (const auto& [tk, tv] : n.entries) {
        Tier t{tk.value, std::nullopt};
        const Node* every = tv.is_map() ? tv.find("every") : nullptr;
        if (every && !(every->is_scalar() && every->value == "never"))
            t.every = duration_of(*every, "every", true, p);
        out.push_back(std::move(t));
    }
}

// The structure only: every command reads crm.yaml, so a teammate's bad address must not
// stop `crm due`. `crm check` (check_mail.cpp) and the mail commands check the values.
void read_value(const Node& n, const std::string& key, std::vector<TeamMember>& out, Problems& p) {
    out.clear();
    if (n.is_null())
        return;
    if (!n.is_sequence()) {
        p.add(n, fmt::format(
                     "{}: expected a list such as - {{name: Alice Smith, email: alice@x.example}}",
                     key));
        return;
    }
    for (const auto& item : n.items) {
        if (!item.is_map()) {
            p.add(item, fmt::format("{}: each member is a map such as {{name: Alice Smith, email: "
                                    "alice@x.example}}",
                                    key));
            continue;
        }
        TeamMember m;
        for (const auto& [k, v] : item.entries) {
            if (k.value == "name")
                text_of(v, fmt::format("{}.name", key), m.name, p);
            else if (k.value == "email")
                text_of(v, fmt::format("{}.email", key), m.email, p);
        }
        out.push_back(std::move(m));
    }
}

void read_value(const Node& n, const std::string& key, MailSettings& out, Problems& p) {
    out = MailSettings{};
    if (n.is_null())
        return;
    if (!n.is_map()) {
        p.add(n, fmt::format("{}: expected a map such as {{from: crm@x.example}}", key));
        return;
    }
    for (const auto& [k, v] : n.entries) {
        // `command` is never read: crm.yaml names no program (check_mail.cpp warns).
        if (k.value == "from")
            text_of(v, fmt::format("{}.from", key), out.from, p);
    }
}

}  // namespace crm::schema
