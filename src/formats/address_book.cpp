#include "crm/formats/address_book.hpp"

#include <algorithm>

#include "crm/model/contact.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

bool has_word(const std::string& label, std::string_view word) {
    return ascii_lower(label).find(word) != std::string::npos;
}

int rank(const Labelled& v) {
    if (v.preferred)
        return 0;
    if (has_word(v.label, "fax") || has_word(v.label, "pager"))
        return 4;  // nobody is called on their fax
    if (has_word(v.label, "work") || has_word(v.label, "business"))
        return 1;
    if (has_word(v.label, "mobile") || has_word(v.label, "cell"))
        return 2;
    return 3;
}

void settle_list(std::vector<Labelled>& values, bool fold) {
    std::vector<Labelled> kept;
    for (auto& v : values) {
        v.value = trim(v.value);
        if (v.value.empty() || (fold && is_exchange_address(v.value)))
            continue;
        if (v.label == "smtp" || v.label == "ex")
            v.label.clear();  // Outlook's E-mail Type says how, not which
        const std::string key = fold ? fold_case(v.value) : v.value;
        if (std::none_of(kept.begin(), kept.end(), [&](const Labelled& k) {
                return (fold ? fold_case(k.value) : k.value) == key;
            }))
            kept.push_back(v);
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Labelled& a, const Labelled& b) { return rank(a) < rank(b); });
    values = std::move(kept);
}

std::string line_of(std::string_view what, const Labelled& v) {
    std::string out(what);
    if (!v.label.empty())
        out += fmt::format(" ({})", v.label);
    return fmt::format("{}: {}", out, v.value);
}

std::string joined_notes(const std::string& a, const std::string& b) {
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    return fmt::format("{}\n{}", a, b);
}

}  // namespace

bool is_exchange_address(std::string_view value) {
    const std::string v = ascii_lower(trim(value));
    return v.starts_with("/o=") || v.starts_with("ex:/o=");
}

bool is_system_group(std::string_view tag) {
    std::string t = fold_case(trim(tag));
    if (t.starts_with("* "))
        t = trim(t.substr(2));
    return t == "mycontacts" || t == "starred";
}

void add_dropped(std::vector<Dropped>& dropped, std::string_view what) {
    for (auto& d : dropped)
        if (d.what == what) {
            ++d.count;
            return;
        }
    dropped.push_back({std::string(what), 1});
}

void settle(AddressEntry& e) {
    e.org = trim(e.org);
    e.name = trim(e.name);
    e.role = trim(e.role);
    settle_list(e.emails, true);
    settle_list(e.phones, false);
    if (!e.org.empty() && (e.name.empty() || fold_case(e.name) == fold_case(e.org)))
        e.org_card = true;
    if (e.org_card)
        e.name.clear();
    else if (e.name.empty() && !e.emails.empty())
        e.name = e.emails.front().value;
}

std::string other_values_text(const AddressEntry& e, bool include_first) {
    std::vector<std::string> lines;
    const std::size_t from = include_first ? 0 : 1;
    for (std::size_t i = from; i < e.emails.size(); ++i)
        lines.push_back(line_of("e-mail", e.emails[i]));
    for (std::size_t i = from; i < e.phones.size(); ++i)
        lines.push_back(line_of("phone", e.phones[i]));
    return join(lines, "\n");
}

Contact contact_of(const AddressEntry& e) {
    Contact c;
    c.name = e.name;
    c.role = e.role;
    if (!e.emails.empty())
        c.email = e.emails.front().value;
    if (!e.phones.empty())
        c.phone = e.phones.front().value;
    c.notes = joined_notes(e.notes, other_values_text(e, false));
    return c;
}

void add_tag(std::vector<std::string>& tags, std::string_view tag) {
    std::string t = trim(tag);
    if (t.empty())
        return;
    if (std::none_of(tags.begin(), tags.end(),
                     [&](const std::string& have) { return fold_case(have) == fold_case(t); }))
        tags.push_back(t);
}

std::vector<ImportedClient> group_by_org(const std::vector<AddressEntry>& entries) {
    std::vector<ImportedClient> clients;
    for (const auto& e : entries) {
        const std::string name = e.org.empty() ? e.name : e.org;
        if (name.empty())
            continue;  // nobody and no organisation: nothing to import
        auto it = std::find_if(clients.begin(), clients.end(), [&](const ImportedClient& c) {
            return fold_case(c.name) == fold_case(name);
        });
        if (it == clients.end()) {
            clients.push_back({name, {}, {}, "", e.line});
            it = clients.end() - 1;
        }
        for (const auto& t : e.tags)
            add_tag(it->tags, t);
        if (e.org_card) {
            // The organisation's own note, e-mail and phone: the client's notes (a
            // client has no e-mail or phone field of its own).
            it->notes = joined_notes(it->notes, joined_notes(e.notes, other_values_text(e, true)));
            continue;
        }
        Contact c = contact_of(e);
        if (std::none_of(it->contacts.begin(), it->contacts.end(),
                         [&](const Contact& have) { return same_contact(have, c); }))
            it->contacts.push_back(std::move(c));
    }
    return clients;
}

}  // namespace crm::formats
