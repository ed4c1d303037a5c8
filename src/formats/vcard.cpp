#include "crm/formats/vcard.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "crm/formats/text_encoding.hpp"
#include "crm/model/contact.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

struct Line {
    int number;
    std::string text;
};

std::string upper(std::string_view s) {
    std::string out;
    for (char c : s)
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

// The name and parameters: everything before the first colon outside a quoted parameter.
std::string_view head_of(std::string_view line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ':' && !quoted)
            return line.substr(0, i);
    }
    return line;
}

bool is_quoted_printable(std::string_view line) {
    return upper(head_of(line)).find("QUOTED-PRINTABLE") != std::string::npos;
}

bool is(std::string_view line, std::string_view what) {
    return fold_case(trim(line)) == fold_case(what);
}

std::vector<Line> unfold(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    std::vector<Line> lines;
    bool soft = false;       // the last line is quoted-printable and ends in "="
    bool version21 = false;  // inside a 2.1 card, where folding keeps its whitespace
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
        if (soft && !is(raw, "END:VCARD")) {
            lines.back().text.pop_back();  // the "=" of the soft break
            lines.back().text += raw;
            soft = raw.ends_with('=');
            continue;
        }
        if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty()) {
            lines.back().text += version21 ? raw : raw.substr(1);
            soft = is_quoted_printable(lines.back().text) && raw.ends_with('=');
            continue;
        }
        lines.push_back({number, std::string(raw)});
        if (is(raw, "BEGIN:VCARD"))
            version21 = false;
        else if (is(raw, "VERSION:2.1"))
            version21 = true;
        soft = raw.ends_with('=') && is_quoted_printable(raw);
    }
    return lines;
}

// Splits a value at the separator where it is not escaped; each part unescaped.
std::vector<std::string> components(std::string_view value, char separator = ';') {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            parts.back() += value[i];
            parts.back() += value[++i];
        } else if (value[i] == separator) {
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
    std::string group;  // "item1" of Apple's "item1.EMAIL"; empty when none
    std::string name;   // upper case, group removed
    std::string value;
    std::string charset;
    bool quoted_printable = false;
    bool preferred = false;
    std::vector<std::string> types;  // lower case: work, home, cell...
};

void add_types(Property& p, std::string_view list) {
    for (auto& t : components(list, ',')) {
        std::string type = ascii_lower(t);
        if (type == "pref")
            p.preferred = true;
        else if (!type.empty())
            p.types.push_back(type);
    }
}

// "item1.EMAIL;TYPE=work;CHARSET=UTF-8:jane@x.example" and 2.1's "TEL;WORK;VOICE:...".
std::optional<Property> split_property(const std::string& line) {
    std::string_view head = head_of(line);
    if (head.size() == line.size())
        return std::nullopt;
    Property p;
    p.value = line.substr(head.size() + 1);
    std::vector<std::string> params;
    std::string current;
    bool quoted = false;
    for (char c : head) {
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            params.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    params.push_back(std::move(current));
    std::string name = params.front();
    if (auto dot = name.rfind('.'); dot != std::string::npos) {
        p.group = ascii_lower(name.substr(0, dot));
        name = name.substr(dot + 1);
    }
    p.name = trim(upper(name));
    for (std::size_t i = 1; i < params.size(); ++i) {
        const std::string& param = params[i];
        auto eq = param.find('=');
        std::string key = upper(trim(param.substr(0, eq)));
        std::string value = eq == std::string::npos ? "" : trim(param.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        if (eq == std::string::npos) {  // 2.1's bare parameters
            if (key == "QUOTED-PRINTABLE")
                p.quoted_printable = true;
            else if (key != "BASE64" && key != "8BIT" && key != "7BIT")
                add_types(p, key);
        } else if (key == "ENCODING") {
            p.quoted_printable = upper(value) == "QUOTED-PRINTABLE";
        } else if (key == "CHARSET") {
            p.charset = value;
        } else if (key == "TYPE") {
            add_types(p, value);
        } else if (key == "PREF") {
            p.preferred = true;
        }
    }
    return p;
}

// The value as UTF-8 text: quoted-printable undone, then the charset.
std::string decoded(const Property& p, const std::string& file, int line) {
    std::string bytes = p.quoted_printable ? decode_quoted_printable(p.value) : p.value;
    std::string text;
    if (p.charset.empty()) {
        text = is_valid_utf8(bytes) ? bytes : cp1252_to_utf8(bytes);
    } else if (auto t = to_utf8(bytes, p.charset)) {
        text = std::move(*t);
    } else {
        throw DataError(
            {file, line, 0},
            fmt::format("CHARSET={} is not a character set crm reads{}", p.charset,
                        fold_case(p.charset) == "utf-8" ? " (the text is not UTF-8)" : ""),
            "export the contacts again as UTF-8, windows-1252 or ISO-8859-1");
    }
    // Line breaks are LF in the folder, whatever the exporting system wrote.
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
            out += text[i] == '\r' ? '\n' : text[i];
    return out;
}

std::string label_of(const Property& p) {
    std::vector<std::string> kept;
    for (const auto& t : p.types) {
        // Types that say how, not which: every e-mail is internet, every phone voice.
        if (t == "internet" || t == "voice" || t == "x400" || t == "text" || t.starts_with("x-"))
            continue;
        kept.push_back(t == "cell" ? "mobile" : t);
    }
    return join(kept, ", ");
}

struct CardState {
    AddressEntry entry;
    std::string n_name;
    std::string fn;
    bool show_as_company = false;
    // Apple names a value in a property of its group: item2.X-ABLabel:_$!<Home>!$_.
    std::vector<std::pair<std::string, std::string>> group_labels;    // group, label
    std::vector<std::pair<std::string, std::size_t>> grouped_emails;  // group, index
    std::vector<std::pair<std::string, std::size_t>> grouped_phones;
    std::vector<std::string> dropped;  // properties crm does not read, once each
    bool group = false;                // a group card: a list of people, not one
};

// "_$!<Home>!$_" (Apple's own labels) -> "home"; a label the user typed stays as typed.
std::string apple_label(const std::string& v) {
    std::string label = trim(v);
    if (label.starts_with("_$!<") && label.ends_with(">!$_"))
        label = ascii_lower(label.substr(4, label.size() - 8));
    return label;
}

void apply(CardState& card, const Property& p, const std::string& v) {
    AddressEntry& e = card.entry;
    if (p.name == "ORG") {
        if (e.org.empty())
            e.org = components(v).front();
    } else if (p.name == "FN") {
        if (card.fn.empty())
            card.fn = trim(unescape_vcard(v));
    } else if (p.name == "N") {
        // family;given;additional;prefixes;suffixes
        auto parts = components(v);
        parts.resize(3);
        card.n_name = trim(join({parts[1], parts[2], parts[0]}, " "));
        while (card.n_name.find("  ") != std::string::npos)
            card.n_name.erase(card.n_name.find("  "), 1);
    } else if (p.name == "TITLE") {
        e.role = trim(unescape_vcard(v));
    } else if (p.name == "ROLE") {
        if (e.role.empty())
            e.role = trim(unescape_vcard(v));
    } else if (p.name == "EMAIL") {
        std::string mail = trim(unescape_vcard(v));
        if (is_exchange_address(mail) ||
            std::find(p.types.begin(), p.types.end(), "x400") != p.types.end()) {
            card.dropped.emplace_back("EMAIL (Exchange)");
            return;
        }
        if (ascii_lower(mail).starts_with("mailto:"))
            mail = mail.substr(7);
        e.emails.push_back({mail, label_of(p), p.preferred});
        if (!p.group.empty())
            card.grouped_emails.emplace_back(p.group, e.emails.size() - 1);
    } else if (p.name == "TEL") {
        std::string tel = trim(unescape_vcard(v));
        if (ascii_lower(tel).starts_with("tel:"))
            tel = tel.substr(4);
        e.phones.push_back({tel, label_of(p), p.preferred});
        if (!p.group.empty())
            card.grouped_phones.emplace_back(p.group, e.phones.size() - 1);
    } else if (p.name == "NOTE") {
        std::string note = trim(unescape_vcard(v));
        e.notes = e.notes.empty() ? note : fmt::format("{}\n{}", e.notes, note);
    } else if (p.name == "CATEGORIES") {
        for (const auto& t : components(v, ','))
            if (!is_system_group(t))
                add_tag(e.tags, t);
    } else if (p.name == "UID") {
        std::string uid = trim(v);
        if (ascii_lower(uid).starts_with("urn:uuid:"))
            uid = uid.substr(9);
        if (is_uuid(uid))
            e.uid = ascii_lower(uid);
        else
            card.dropped.emplace_back("UID");
    } else if (p.name == "KIND" || p.name == "X-ADDRESSBOOKSERVER-KIND") {
        card.group = is(v, "group");
    } else if (p.name == "X-ABSHOWAS") {
        card.show_as_company = is(v, "COMPANY");
    } else if (p.name == "X-ABLABEL" && !p.group.empty()) {
        card.group_labels.emplace_back(p.group, apple_label(v));
    }
}

bool wanted(const std::string& name) {
    for (const char* n : {"ORG", "FN", "N", "TITLE", "ROLE", "EMAIL", "TEL", "NOTE", "CATEGORIES",
                          "X-ABSHOWAS", "X-ABLABEL", "UID", "KIND", "X-ADDRESSBOOKSERVER-KIND"})
        if (name == n)
            return true;
    return false;
}

// What says how the file was made rather than who is in it: nothing of a person is lost
// when it is left out, so the summary does not name it.
bool bookkeeping(const std::string& name) {
    for (const char* n : {"VERSION", "PRODID", "REV", "X-ABUID", "SOURCE", "CLIENTPIDMAP",
                          "X-MS-OL-DESIGN", "X-MS-OL-DEFAULT-POSTAL-ADDRESS"})
        if (name == n)
            return true;
    return false;
}

// A grouped value without a type of its own takes its group's label.
void label_groups(const CardState& card,
                  const std::vector<std::pair<std::string, std::size_t>>& grouped,
                  std::vector<Labelled>& values) {
    for (const auto& [group, index] : grouped) {
        if (!values[index].label.empty())
            continue;
        for (const auto& [g, label] : card.group_labels)
            if (g == group)
                values[index].label = label;
    }
}

AddressEntry finished(CardState& card) {
    AddressEntry& e = card.entry;
    label_groups(card, card.grouped_emails, e.emails);
    label_groups(card, card.grouped_phones, e.phones);
    e.name = card.fn.empty() ? card.n_name : card.fn;
    e.org_card = card.show_as_company && !e.org.empty();
    settle(e);
    return std::move(e);
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

std::vector<AddressEntry> parse_vcards(std::string_view text, const std::string& file) {
    return read_vcards(text, file).entries;
}

VCardFile read_vcards(std::string_view text, const std::string& file) {
    VCardFile out;
    std::vector<AddressEntry>& cards = out.entries;
    std::optional<CardState> card;
    auto unended = [&] {
        return DataError({file, card->entry.line, 0}, "this vCard has no END:VCARD",
                         "every BEGIN:VCARD needs an END:VCARD");
    };
    for (const auto& line : unfold(text)) {
        if (trim(line.text).empty())
            continue;
        if (is(line.text, "BEGIN:VCARD")) {
            if (card)
                throw unended();
            card = CardState{};
            card->entry.line = line.number;
            continue;
        }
        if (is(line.text, "END:VCARD")) {
            if (!card)
                throw DataError({file, line.number, 0}, "END:VCARD without BEGIN:VCARD");
            if (card->group) {
                out.groups.push_back(card->fn.empty() ? card->n_name : card->fn);
            } else {
                std::vector<std::string> once;
                for (const auto& d : card->dropped)
                    if (std::find(once.begin(), once.end(), d) == once.end())
                        once.push_back(d);
                for (const auto& d : once)
                    add_dropped(out.dropped, d);
                cards.push_back(finished(*card));
            }
            card.reset();
            continue;
        }
        if (!card)
            throw DataError({file, line.number, 0}, "text outside BEGIN:VCARD ... END:VCARD",
                            "is this a vCard (.vcf) file?");
        auto p = split_property(line.text);
        if (!p)
            continue;
        if (wanted(p->name))
            apply(*card, *p, decoded(*p, file, line.number));
        else if (!bookkeeping(p->name) && !p->name.empty())
            card->dropped.push_back(p->name);
    }
    if (card)
        throw unended();
    return out;
}

}  // namespace crm::formats
