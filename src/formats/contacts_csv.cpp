#include "crm/formats/contacts_csv.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

using Kind = ContactColumn::Kind;

// "e-mail 2 - value" with prefix "e-mail " and suffix " - value": 2; 0 when it does not
// have that shape.
int slot_in(std::string_view h, std::string_view prefix, std::string_view suffix) {
    if (!h.starts_with(prefix) || !h.ends_with(suffix) || h.size() <= prefix.size() + suffix.size())
        return 0;
    std::string_view digits = h.substr(prefix.size(), h.size() - prefix.size() - suffix.size());
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9' || n > 1000)
            return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

// Outlook's phone columns ("Business Phone", "Home Phone 2", "Mobile Phone", "Business
// Fax", "Pager", "Company Main Telephone"...); the label is what the header says.
std::string outlook_phone_label(const std::string& h) {
    std::string base = h;
    if (base.ends_with(" 2"))
        base.resize(base.size() - 2);
    if (base == "pager" || base.ends_with(" fax"))
        return base;
    if (base == "company main telephone")
        return "main";
    if (base.ends_with(" phone") && base.find("yomi") == std::string::npos)
        return base == "primary phone" ? "primary" : base.substr(0, base.size() - 6);
    return "";
}

const std::map<std::string, Kind, std::less<>>& named_columns() {
    static const std::map<std::string, Kind, std::less<>> columns{
        {"name", Kind::full_name},
        {"given name", Kind::given},
        {"first name", Kind::given},
        {"additional name", Kind::middle},
        {"middle name", Kind::middle},
        {"family name", Kind::family},
        {"last name", Kind::family},
        {"file as", Kind::file_as},
        {"organization 1 - name", Kind::org},
        {"organization name", Kind::org},
        {"company", Kind::org},
        {"organization 1 - title", Kind::title},
        {"organization title", Kind::title},
        {"job title", Kind::title},
        {"organization 1 - department", Kind::department},
        {"organization department", Kind::department},
        {"department", Kind::department},
        {"notes", Kind::notes},
        {"group membership", Kind::tags},
        {"labels", Kind::tags},
        {"categories", Kind::tags},
        {"e-mail address", Kind::email},    // Outlook's first; its slot is 1
        {"email address", Kind::email},     // LinkedIn's Connections.csv
        {"position", Kind::title},          // LinkedIn's
        {"display name", Kind::full_name},  // Thunderbird's
        {"primary email", Kind::email},
        {"organization", Kind::org},
        {"e-mail type", Kind::email_label},
        {"e-mail display name", Kind::email_display},
    };
    return columns;
}

// Google's " ::: " joins several values of one kind in one cell.
std::vector<std::string> values_in(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= cell.size()) {
        std::size_t end = cell.find(":::", pos);
        std::string v = trim(cell.substr(pos, end == std::string::npos ? end : end - pos));
        if (!v.empty())
            out.push_back(std::move(v));
        if (end == std::string::npos)
            break;
        pos = end + 3;
    }
    return out;
}

void add_tags(AddressEntry& e, const std::string& cell) {
    for (const auto& group : values_in(cell)) {
        std::string current;
        for (char c : fmt::format("{};", group)) {
            if (c != ';' && c != ',') {
                current += c;
                continue;
            }
            std::string t = trim(current);
            current.clear();
            const std::string folded = fold_case(t);
            if (is_system_group(folded))
                continue;  // Google's system groups: every contact is in them
            if (t.starts_with("* "))
                t = trim(t.substr(2));
            add_tag(e.tags, t);
        }
    }
}

// Outlook fills some columns on every row with its defaults: they hold nothing.
bool is_filler(const std::string& cell) {
    return cell.empty() || cell == "Normal" || cell == "False" || cell == "Unspecified" ||
           cell == "0/0/00";
}

// Google's type "* Work": the star marks the primary value.
Labelled labelled(const std::string& value, const std::string& label) {
    Labelled l{value, trim(label), false};
    if (l.label.starts_with("*")) {
        l.preferred = true;
        l.label = trim(l.label.substr(1));
    }
    l.label = ascii_lower(l.label);
    return l;
}

std::string lf_only(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
            out += text[i] == '\r' ? '\n' : text[i];
    return trim(out);
}

}  // namespace

ContactColumn classify_contact_column(std::string_view header) {
    const std::string h = ascii_lower(trim(header));
    if (auto it = named_columns().find(h); it != named_columns().end())
        return {it->second, 1, ""};
    if (int n = slot_in(h, "e-mail ", " - value"))
        return {Kind::email, n, ""};
    if (int n = slot_in(h, "e-mail ", " - type"); n || (n = slot_in(h, "e-mail ", " - label")))
        return {Kind::email_label, n, ""};
    if (int n = slot_in(h, "e-mail ", " address"))
        return {Kind::email, n, ""};  // Outlook's "E-mail 2 Address"
    if (int n = slot_in(h, "e-mail ", " type"))
        return {Kind::email_label, n, ""};  // Outlook's "SMTP" or "EX"
    if (int n = slot_in(h, "e-mail ", " display name"))
        return {Kind::email_display, n, ""};  // Outlook's "Jane Doe (jane@x.example)"
    if (h == "secondary email")
        return {Kind::email, 2, ""};  // Thunderbird's
    if (h == "mobile number" || h == "fax number" || h == "pager number")
        return {Kind::phone, 0, h == "mobile number" ? "mobile" : h.substr(0, h.size() - 7)};
    if (int n = slot_in(h, "phone ", " - value"))
        return {Kind::phone, n, ""};
    if (int n = slot_in(h, "phone ", " - type"); n || (n = slot_in(h, "phone ", " - label")))
        return {Kind::phone_label, n, ""};
    if (std::string label = outlook_phone_label(h); !label.empty())
        return {Kind::phone, 0, label};
    return {};
}

bool is_address_book_header(const std::vector<std::string>& header) {
    // crm's own columns (name, tier, stage, owner, every, since, tags, contact, role,
    // email, phone, slug) are none of these.
    return std::any_of(header.begin(), header.end(), [](const std::string& h) {
        switch (classify_contact_column(h).kind) {
            case Kind::given:
            case Kind::middle:
            case Kind::family:
            case Kind::file_as:
            case Kind::title:
            case Kind::email:
            case Kind::email_label:
            case Kind::phone:
            case Kind::phone_label:
                return true;
            case Kind::org:
                return ascii_lower(trim(h)) != "company";
            default:
                return false;
        }
    });
}

std::size_t preamble_records(const std::vector<CsvRecord>& records) {
    if (records.empty() || fold_case(trim(records[0].fields.front())) != "notes:")
        return 0;
    for (std::size_t i = 1; i < records.size(); ++i)
        if (is_address_book_header(records[i].fields))
            return i;
    return 0;
}

AddressBookCsv read_address_book_csv(const std::vector<CsvRecord>& records) {
    AddressBookCsv out;
    if (records.empty())
        return out;
    const auto& header = records.front().fields;
    std::vector<ContactColumn> columns;
    for (const auto& h : header)
        columns.push_back(classify_contact_column(h));
    std::vector<bool> has_data(header.size(), false);

    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& fields = records[r].fields;
        AddressEntry e;
        e.line = records[r].line;
        std::string full, given, middle, family, file_as, title, department;
        std::map<int, std::pair<std::string, std::string>> emails, phones;  // slot: value, label
        std::map<int, std::string> displays;  // slot: Outlook's "Tom Lee (tom@x.example)"
        if (fields.size() > header.size()) {
            // More cells than the header names: which column is which is a guess.
            out.long_rows.push_back(records[r].line);
            continue;
        }
        std::vector<Labelled> outlook_phones;
        for (std::size_t i = 0; i < fields.size() && i < columns.size(); ++i) {
            const std::string& cell = fields[i];
            const ContactColumn& col = columns[i];
            switch (col.kind) {
                case Kind::ignored:
                    if (!is_filler(trim(cell)))
                        has_data[i] = true;
                    break;
                case Kind::redundant:
                    break;
                case Kind::email_display:
                    displays[col.slot] = cell;
                    break;
                case Kind::full_name:
                    full = trim(cell);
                    break;
                case Kind::given:
                    given = trim(cell);
                    break;
                case Kind::middle:
                    middle = trim(cell);
                    break;
                case Kind::family:
                    family = trim(cell);
                    break;
                case Kind::file_as:
                    file_as = trim(cell);
                    break;
                case Kind::org:
                    if (auto orgs = values_in(cell); !orgs.empty())
                        e.org = orgs.front();  // Google joins several with " ::: "
                    break;
                case Kind::title:
                    title = trim(cell);
                    break;
                case Kind::department:
                    department = trim(cell);
                    break;
                case Kind::notes:
                    e.notes = lf_only(cell);
                    break;
                case Kind::tags:
                    add_tags(e, cell);
                    break;
                case Kind::email:
                    emails[col.slot].first = cell;
                    break;
                case Kind::email_label:
                    emails[col.slot].second = cell;
                    break;
                case Kind::phone:
                    if (col.slot == 0)
                        for (const auto& v : values_in(cell))
                            outlook_phones.push_back({v, col.label, false});
                    else
                        phones[col.slot].first = cell;
                    break;
                case Kind::phone_label:
                    phones[col.slot].second = cell;
                    break;
            }
        }
        for (const auto& [slot, v] : emails) {
            for (const auto& value : values_in(v.first)) {
                if (is_exchange_address(value) || ascii_lower(trim(v.second)) == "ex") {
                    // Exchange's /o=... is no address; Outlook's display name of that
                    // slot often holds the SMTP one: "Tom Lee (tom@x.example)".
                    ++out.exchange_addresses;
                    const std::string& shown = displays[slot];
                    auto open = shown.rfind('('), close = shown.rfind(')');
                    if (open != std::string::npos && close != std::string::npos && close > open &&
                        shown.find('@', open) < close)
                        e.emails.push_back(labelled(shown.substr(open + 1, close - open - 1), ""));
                    continue;
                }
                e.emails.push_back(labelled(value, v.second));
            }
        }
        for (const auto& [slot, v] : phones)
            for (const auto& value : values_in(v.first))
                e.phones.push_back(labelled(value, v.second));
        e.phones.insert(e.phones.end(), outlook_phones.begin(), outlook_phones.end());
        e.name = !full.empty() ? full : trim(join({given, middle, family}, " "));
        while (e.name.find("  ") != std::string::npos)
            e.name.erase(e.name.find("  "), 1);
        if (e.name.empty())
            e.name = file_as;
        e.role = title.empty() || department.empty() ? title + department
                                                     : fmt::format("{}, {}", title, department);
        settle(e);
        if (e.name.empty() && e.org.empty()) {
            ++out.empty_rows;
            continue;
        }
        out.entries.push_back(std::move(e));
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].kind != Kind::ignored && columns[i].kind != Kind::redundant &&
            columns[i].kind != Kind::email_display)
            continue;
        ++out.ignored_columns;
        if (has_data[i])
            out.ignored_with_data.push_back(trim(header[i]));
    }
    return out;
}

}  // namespace crm::formats
