#include "crm/model/contact.hpp"

#include <algorithm>
#include <stdexcept>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

std::optional<Contact> parse_contact_text(std::string_view text) {
    Contact c;
    const std::string t = trim(text);
    const auto open = t.rfind('<');
    if (open != std::string::npos && t.ends_with('>')) {
        c.email = trim(t.substr(open + 1, t.size() - open - 2));
        c.name = trim(t.substr(0, open));
    } else if (t.find('@') != std::string::npos && t.find(' ') == std::string::npos) {
        c.email = t;
    } else {
        c.name = t;
    }
    if (c.name.empty() && c.email.empty())
        return std::nullopt;
    if (c.name.empty())
        c.name = c.email;
    return c;
}

bool same_contact(const Contact& a, const Contact& b) {
    return (!a.name.empty() && fold_case(a.name) == fold_case(b.name)) ||
           (!a.email.empty() && fold_case(a.email) == fold_case(b.email));
}

MatchResult match_contact(std::string_view query, const std::vector<Contact>& contacts) {
    const std::string q = fold_case(trim(query));
    if (q.empty())
        return {};
    // Each rule in turn, the first that finds anyone decides: an exact name beats an
    // e-mail that merely starts with it.
    using Test = bool (*)(const std::string& value, const std::string& q);
    const std::pair<std::string_view, Test> rules[] = {
        {"name", [](const std::string& v, const std::string& q) { return v == q; }},
        {"email", [](const std::string& v, const std::string& q) { return v == q; }},
        {"", [](const std::string& v, const std::string& q) { return v.starts_with(q); }},
        {"",
         [](const std::string& v, const std::string& q) { return v.find(q) != std::string::npos; }},
    };
    for (const auto& [only, test] : rules) {
        std::vector<std::size_t> hits;
        for (std::size_t i = 0; i < contacts.size(); ++i) {
            const Contact& c = contacts[i];
            const bool by_name = only != "email" && !c.name.empty() && test(fold_case(c.name), q);
            const bool by_email = only != "name" && !c.email.empty() && test(fold_case(c.email), q);
            if (by_name || by_email)
                hits.push_back(i);
        }
        if (auto r = MatchResult::of(std::move(hits)); r.kind != MatchResult::Kind::none)
            return r;
    }
    return {};
}

std::string contact_label(const Contact& c) {
    if (c.email.empty() || fold_case(c.email) == fold_case(c.name))
        return c.name.empty() ? c.email : c.name;
    return fmt::format("{} <{}>", c.name, c.email);
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

bool is_contact_field(std::string_view field) {
    return std::find(std::begin(kContactFields), std::end(kContactFields), field) !=
           std::end(kContactFields);
}

std::string& contact_field(Contact& c, std::string_view field) {
    if (field == "name")
        return c.name;
    if (field == "role")
        return c.role;
    if (field == "email")
        return c.email;
    if (field == "phone")
        return c.phone;
    if (field == "notes")
        return c.notes;
    if (field == "uid")
        return c.uid;
    throw std::logic_error(fmt::format("contact_field: no field {}", field));
}

const std::string& contact_field(const Contact& c, std::string_view field) {
    return contact_field(const_cast<Contact&>(c), field);
}

}  // namespace model
}  // namespace crm
