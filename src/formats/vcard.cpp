#include "crm/formats/vcard.hpp"

#include <utility>

#include "crm/util/error.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

struct Line {
    int number;
    std::string text;
};

std::vector<Line> unfold(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    std::vector<Line> lines;
    int number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string_view raw =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        ++number;
        if (raw.ends_with('\r'))
            raw.remove_suffix(1);
        if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty()) {
            lines.back().text += raw.substr(1);
            continue;
        }
        lines.push_back({number, std::string(raw)});
    }
    return lines;
}

// Splits a structured value (ORG, N) at semicolons that are not escaped.
std::vector<std::string> components(std::string_view value) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            parts.back() += value[i];
            parts.back() += value[++i];
        } else if (value[i] == ';') {
            parts.emplace_back();
        } else {
            parts.back() += value[i];
        }
    }
    for (auto& p : parts)
        p = trim(unescape_vcard(p));
    return parts;
}

struct Property {
    std::string name;  // upper case, group removed
    std::string value;
};

// "item1.EMAIL;TYPE=work:jane@x.example" -> EMAIL, jane@x.example. The colon that ends
// the name and parameters is the first one outside a quoted parameter value.
std::optional<Property> split_property(const std::string& line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == ':' && !quoted) {
            std::string head = line.substr(0, i);
            std::string name = head.substr(0, head.find(';'));
            if (auto dot = name.rfind('.'); dot != std::string::npos)
                name = name.substr(dot + 1);
            std::string upper;
            for (char ch : name)
                upper += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
            return Property{trim(upper), line.substr(i + 1)};
        }
    }
    return std::nullopt;
}

void apply(VCard& card, const Property& p, std::string& n_name) {
    const std::string& v = p.value;
    if (p.name == "ORG") {
        if (card.org.empty())
            card.org = components(v).front();
    } else if (p.name == "FN") {
        if (card.contact.name.empty())
            card.contact.name = trim(unescape_vcard(v));
    } else if (p.name == "N") {
        // family;given;additional;prefixes;suffixes
        auto parts = components(v);
        std::string given = parts.size() > 1 ? parts[1] : "";
        n_name = trim(given + " " + parts[0]);
    } else if (p.name == "TITLE") {
        card.contact.role = trim(unescape_vcard(v));
    } else if (p.name == "ROLE") {
        if (card.contact.role.empty())
            card.contact.role = trim(unescape_vcard(v));
    } else if (p.name == "EMAIL") {
        if (card.contact.email.empty()) {
            std::string e = trim(unescape_vcard(v));
            if (ascii_lower(e).starts_with("mailto:"))
                e = e.substr(7);
            card.contact.email = e;
        }
    } else if (p.name == "TEL") {
        if (card.contact.phone.empty()) {
            std::string t = trim(unescape_vcard(v));
            if (ascii_lower(t).starts_with("tel:"))
                t = t.substr(4);
            card.contact.phone = t;
        }
    } else if (p.name == "NOTE") {
        std::string note = unescape_vcard(v);
        card.contact.notes = card.contact.notes.empty() ? note : card.contact.notes + "\n" + note;
    }
}

bool is(const std::string& line, std::string_view what) {
    return fold_case(trim(line)) == fold_case(what);
}

}  // namespace

std::vector<std::string> unfold_vcard_lines(std::string_view text) {
    std::vector<std::string> out;
    for (auto& l : unfold(text))
        out.push_back(std::move(l.text));
    return out;
}

std::string unescape_vcard(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '\\' || i + 1 == value.size()) {
            out += value[i];
            continue;
        }
        char next = value[++i];
        if (next == 'n' || next == 'N')
            out += '\n';
        else
            out += next;  // \, \; \\ and anything else: the character itself
    }
    return out;
}

std::vector<VCard> parse_vcards(std::string_view text, const std::string& file) {
    std::vector<VCard> cards;
    std::optional<VCard> card;
    std::string n_name;
    for (const auto& line : unfold(text)) {
        if (trim(line.text).empty())
            continue;
        if (is(line.text, "BEGIN:VCARD")) {
            if (card)
                throw DataError({file, card->line, 0}, "this vCard has no END:VCARD",
                                "every BEGIN:VCARD needs an END:VCARD");
            card = VCard{};
            card->line = line.number;
            n_name.clear();
            continue;
        }
        if (is(line.text, "END:VCARD")) {
            if (!card)
                throw DataError({file, line.number, 0}, "END:VCARD without BEGIN:VCARD");
            if (card->contact.name.empty())
                card->contact.name = n_name;
            if (card->contact.name.empty())
                card->contact.name = card->contact.email;
            cards.push_back(std::move(*card));
            card.reset();
            continue;
        }
        if (!card)
            throw DataError({file, line.number, 0}, "text outside BEGIN:VCARD ... END:VCARD",
                            "is this a vCard (.vcf) file?");
        if (auto p = split_property(line.text))
            apply(*card, *p, n_name);
    }
    if (card)
        throw DataError({file, card->line, 0}, "this vCard has no END:VCARD",
                        "every BEGIN:VCARD needs an END:VCARD");
    return cards;
}

std::vector<VCardOrg> group_by_org(const std::vector<VCard>& cards) {
    std::vector<VCardOrg> orgs;
    for (const auto& card : cards) {
        std::string name = card.org.empty() ? card.contact.name : card.org;
        if (name.empty())
            continue;  // nobody and no organisation: nothing to import
        VCardOrg* org = nullptr;
        for (auto& o : orgs)
            if (fold_case(o.name) == fold_case(name))
                org = &o;
        if (!org) {
            orgs.push_back({name, {}, card.line});
            org = &orgs.back();
        }
        if (!card.contact.name.empty())
            org->contacts.push_back(card.contact);
    }
    return orgs;
}

}  // namespace crm::formats
