#include "crm/store/validate.hpp"

#include <algorithm>

#include "crm/model/records.hpp"
#include "crm/store/record_io.hpp"

namespace crm::store {

namespace {

using yaml::Node;

class Checker {
  public:
    Checker(const std::string& file, const Settings& settings, std::vector<DataError>& out)
        : file_(file), settings_(settings), out_(out) {}

    void problem(const Node& n, const std::string& what, std::string hint = {}) {
        out_.emplace_back(SourceLocation{file_, n.mark.line, n.mark.column}, what, std::move(hint));
    }

    bool text(const Node& v, const std::string& key) {
        if (v.is_null() || v.is_scalar())
            return true;
        problem(v, key + ": expected text, found a " + (v.is_map() ? "map" : "list"));
        return false;
    }

    void date(const Node& v, const std::string& key, bool required = false) {
        if (v.is_null()) {
            if (required)
                problem(v, key + ": no date", "write dates as YYYY-MM-DD");
            return;
        }
        if (!v.is_scalar() || !Date::parse_iso(v.value))
            problem(v, key + ": '" + node_text(v) + "' is not a date", "write dates as YYYY-MM-DD");
    }

    void one_of(const Node& v, const std::string& key, const std::vector<std::string>& allowed) {
        if (!text(v, key) || v.is_null())
            return;
        if (std::find(allowed.begin(), allowed.end(), v.value) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            problem(v, key + ": unknown " + key + " '" + v.value + "'", "use one of: " + list);
        }
    }

    void list(const Node& v, const std::string& key) {
        if (v.is_null() || v.is_scalar())
            return;
        if (!v.is_sequence()) {
            problem(v, key + ": expected a list");
            return;
        }
        for (const auto& item : v.items)
            text(item, key);
    }

    void duration(const Node& v, const std::string& key, bool never_ok) {
        if (v.is_scalar() && (parse_duration(v.value) || (never_ok && v.value == "never")))
            return;
        problem(v, key + ": '" + node_text(v) + "' is not a duration",
                std::string("use a duration such as 30d, 2w, 1m or 1y") +
                    (never_ok ? ", or never" : ""));
    }

    void ratings(const Node& v) {
        if (v.is_null())
            return;
        if (!v.is_map()) {
            problem(v, "ratings: expected {potential: N, compatibility: N, profitability: N}");
            return;
        }
        for (const auto& [k, r] : v.entries) {
            if (k.value != "potential" && k.value != "compatibility" &&
                k.value != "profitability") {
                problem(k, "ratings: unknown rating '" + k.value + "'",
                        "the ratings are potential, compatibility and profitability");
                continue;
            }
            if (r.is_null())
                continue;
            if (!r.is_scalar() || r.value.size() != 1 || r.value[0] < '1' || r.value[0] > '5')
                problem(r, "ratings." + k.value + ": '" + node_text(r) + "' is outside 1-5",
                        "a rating is a whole number from 1 to 5");
        }
    }

    void commitments(const Node& v, const std::string& key) {
        if (v.is_null())
            return;
        if (!v.is_sequence()) {
            problem(v, key + ": expected a list of items with what: and due:");
            return;
        }
        for (const auto& item : v.items) {
            if (item.is_scalar() || item.is_null())
                continue;
            if (!item.is_map()) {
                problem(item, key + ": an item must be a map with what:, due: and done:");
                continue;
            }
            const Node* what = item.find("what");
            if (!what || what->is_null() || (what->is_scalar() && what->value.empty()))
                problem(item, key + ": an item without what:");
            else
                text(*what, "what");
            if (const Node* due = item.find("due"))
                date(*due, key + ".due");
            if (const Node* done = item.find("done"))
                date(*done, key + ".done");
        }
    }

    void client(const Node& root) {
        const Node* name = root.find("name");
        if (!name || name->is_null() || (name->is_scalar() && trim_empty(name->value)))
            problem(root, "client has no name:", "add a line such as  name: Acme Pty Ltd");
        for (const auto& [k, v] : root.entries) {
            const std::string& key = k.value;
            if (key == "name" || key == "owner" || key == "notes")
                text(v, key);
            else if (key == "stage")
                one_of(v, "stage", settings_.stages);
            else if (key == "tier")
                one_of(v, "tier", settings_.tier_names());
            else if (key == "every")
                duration(v, key, true);
            else if (key == "since" || key == "stage_since")
                date(v, key);
            else if (key == "ratings")
                ratings(v);
            else if (key == "contacts") {
                if (!v.is_null() && !v.is_sequence())
                    problem(v, "contacts: expected a list");
                for (const auto& c : v.items)
                    if (!c.is_map() && !c.is_scalar())
                        problem(c, "contacts: each contact is a map with name:, role:, email:...");
            } else if (key == "tags" || key == "watchers")
                list(v, key);
        }
    }

    void visit(const Node& root) {
        const Node* d = root.find("date");
        if (!d)
            problem(root, "visit has no date:", "add a line such as  date: 2026-11-23");
        for (const auto& [k, v] : root.entries) {
            const std::string& key = k.value;
            if (key == "date")
                date(v, key, true);
            else if (key == "kind")
                one_of(v, "kind", visit_kinds());
            else if (key == "initiated_by")
                one_of(v, "initiated_by", {"us", "client"});
            else if (key == "by" || key == "where" || key == "notes")
                text(v, key);
            else if (key == "with" || key == "discussed" || key == "new_topics")
                list(v, key);
            else if (key == "promises" || key == "actions")
                commitments(v, key);
            else if (key == "next_contact")
                date(v, key);
        }
    }

    void review(const Node& root) {
        if (!root.find("date"))
            problem(root, "review has no date:", "add a line such as  date: 2026-11-23");
        if (!root.find("rating"))
            problem(root, "review has no rating:",
                    "add rating: angry, unhappy, neutral, happy or elated");
        for (const auto& [k, v] : root.entries) {
            const std::string& key = k.value;
            if (key == "date")
                date(v, key, true);
            else if (key == "rating")
                one_of(v, "rating", rating_names());
            else if (key == "went_well" || key == "to_improve" || key == "referrals")
                list(v, key);
            else if (key == "by" || key == "project" || key == "why" || key == "testimonial")
                text(v, key);
        }
    }

  private:
    static bool trim_empty(const std::string& s) {
        return s.find_first_not_of(" \t") == std::string::npos;
    }
    const std::string& file_;
    const Settings& settings_;
    std::vector<DataError>& out_;
};

// The record readers' verdict, for anything the checks above do not cover.
void read_as(const Node& root, const std::string& file, FileKind kind) {
    switch (kind) {
        case FileKind::settings:
            (void)settings_from(root, file);
            break;
        case FileKind::client:
            (void)client_from(root, file);
            break;
        case FileKind::visit:
            (void)visit_from(root, file);
            break;
        case FileKind::review:
            (void)review_from(root, file);
            break;
    }
}

}  // namespace

std::vector<DataError> check_file(std::string_view text, const std::string& file, FileKind kind,
                                  const Settings& settings) {
    std::vector<DataError> out = yaml::precheck(text, file);
    if (!out.empty())
        return out;
    Node root;
    try {
        root = yaml::parse(text, file);
    } catch (const DataError& e) {
        out.push_back(e);
        return out;
    }
    if (kind != FileKind::settings) {
        if (root.is_null()) {
            out.emplace_back(SourceLocation{file, 1, 1}, "file is empty",
                             "a record is a map of keys such as name: and date:");
            return out;
        }
        if (!root.is_map()) {
            out.emplace_back(SourceLocation{file, root.mark.line, root.mark.column},
                             "the file's top level must be a map of keys");
            return out;
        }
        Checker c(file, settings, out);
        if (kind == FileKind::client)
            c.client(root);
        else if (kind == FileKind::visit)
            c.visit(root);
        else
            c.review(root);
    }
    try {
        read_as(root, file, kind);
    } catch (const DataError& e) {
        bool known = std::any_of(out.begin(), out.end(), [&](const DataError& o) {
            return o.where().line == e.where().line && o.where().column == e.where().column;
        });
        if (!known)
            out.push_back(e);
    }
    return out;
}

}  // namespace crm::store
