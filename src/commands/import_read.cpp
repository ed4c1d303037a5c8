#include "import_read.hpp"

#include "crm/model/mail_address.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "crm/formats/address_book.hpp"
#include "crm/formats/contacts_csv.hpp"
#include "crm/formats/csv.hpp"
#include "crm/formats/csv_read.hpp"
#include "crm/formats/vcard.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/mail_address.hpp"
#include "crm/os/files.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;

void add_contact(std::vector<Contact>& contacts, const Contact& c) {
    for (const auto& have : contacts)
        if (same_contact(have, c))
            return;
    contacts.push_back(c);
}

Incoming& incoming_named(std::vector<Incoming>& all, const std::string& name, int line) {
    for (auto& in : all)
        if (fold_case(in.name) == fold_case(name))
            return in;
    Incoming in;
    in.name = name;
    in.line = line;
    all.push_back(in);
    return all.back();
}

std::vector<Incoming> from_entries(const std::vector<formats::AddressEntry>& entries) {
    std::vector<Incoming> all;
    for (const auto& org : formats::group_by_org(entries)) {
        Incoming& in = incoming_named(all, org.name, org.line);
        for (const auto& c : org.contacts)
            add_contact(in.contacts, c);
        for (const auto& t : org.tags)
            formats::add_tag(in.tags, t);
        if (!org.notes.empty())
            in.notes = in.notes.empty() ? org.notes : in.notes + "\n" + org.notes;
    }
    return all;
}

std::vector<Incoming> from_address_book(const std::vector<formats::CsvRecord>& records,
                                        const std::string& file, Context& ctx) {
    auto book = formats::read_address_book_csv(records);
    // One line for all the columns crm leaves out: an export has 30 to 90 of them,
    // mostly empty, and a line each would drown the result.
    if (book.ignored_columns > 0) {
        std::string message = file + ": " + std::to_string(book.ignored_columns) +
                              (book.ignored_columns == 1 ? " column" : " columns") +
                              " not imported";
        const auto& with_data = book.ignored_with_data;
        if (with_data.empty()) {
            message += " (all empty)";
        } else {
            std::vector<std::string> first(
                with_data.begin(),
                with_data.begin() + static_cast<long>(std::min<std::size_t>(with_data.size(), 4)));
            message +=
                ", " + std::to_string(with_data.size()) +
                " of them with data: " + join(first, ", ") +
                (with_data.size() > 4 ? " and " + std::to_string(with_data.size() - 4) + " more"
                                      : "");
        }
        ctx.warn(message);
    }
    if (book.empty_rows > 0)
        ctx.warn(file + ": " + std::to_string(book.empty_rows) +
                 (book.empty_rows == 1 ? " row names" : " rows name") +
                 " no person, organisation or e-mail: skipped");
    return from_entries(book.entries);
}

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::string current;
    for (char c : text + ";") {
        if (c == ';' || c == ',') {
            if (auto t = trim(current); !t.empty())
                tags.push_back(t);
            current.clear();
        } else {
            current += c;
        }
    }
    return tags;
}

// crm's own columns (those of `crm export --format csv`, so an export imports elsewhere);
// "name" is required, any other column may be missing.
std::vector<Incoming> from_crm_csv(const std::vector<formats::CsvRecord>& records,
                                   const std::string& file, const Settings& settings,
                                   Context& ctx) {
    const std::vector<std::string> known{"name", "tier",    "stage", "owner", "every", "since",
                                         "tags", "contact", "role",  "email", "phone", "slug"};
    std::map<std::string, std::size_t> column;
    std::vector<std::string> ignored;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) {
        std::string h = ascii_lower(trim(records[0].fields[i]));
        if (h == "client" || h == "company" || h == "organisation" || h == "organization")
            h = "name";
        if (std::find(known.begin(), known.end(), h) == known.end())
            ignored.push_back(trim(records[0].fields[i]));
        else if (!column.count(h))
            column[h] = i;
    }
    if (!column.count("name")) {
        throw DataError({file, 1, 0}, "the header has no 'name' column",
                        "the first line names the columns: name,tier,stage,owner,contact,email,"
                        "phone,tags (or it is a Google or Outlook contacts export)");
    }
    if (!ignored.empty())
        ctx.warn(file + ": " + std::to_string(ignored.size()) +
                 (ignored.size() == 1 ? " column" : " columns") + " not imported: " +
                 join(ignored, ", ") + " (crm reads " + join(known, ", ") + ")");
    std::vector<Incoming> all;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        auto get = [&](const std::string& key) {
            auto it = column.find(key);
            return it != column.end() && it->second < rec.fields.size()
                       ? formats::unguard_cell(trim(rec.fields[it->second]))
                       : std::string();
        };
        std::string name = get("name");
        if (name.empty())
            throw DataError({file, rec.line, 0}, "this row has no name",
                            "every row needs the client's name");
        Incoming& in = incoming_named(all, name, rec.line);
        auto take = [&](std::string& field, const std::string& key,
                        const std::vector<std::string>& allowed) {
            std::string v = get(key);
            if (v.empty())
                return;
            if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end())
                throw DataError({file, rec.line, 0},
                                key + " '" + v + "' is not one of " + join(allowed, ", "),
                                "fix the row, or the " + key + "s in crm.yaml");
            if (field.empty())
                field = v;
        };
        take(in.tier, "tier", settings.tier_names());
        take(in.stage, "stage", settings.stages);
        take(in.owner, "owner", {});
        if (auto every = get("every"); !every.empty() && !in.every) {
            if (every == "never") {
                in.every = Cadence::never();
            } else if (auto d = parse_duration(every)) {
                in.every = Cadence{*d};
            } else {
                throw DataError({file, rec.line, 0}, "every '" + every + "' is not a duration",
                                "write 30d, 6w, 2m, 1y or never");
            }
        }
        if (auto since = get("since"); !since.empty() && !in.since) {
            in.since = Date::parse_iso(since);
            if (!in.since)
                throw DataError({file, rec.line, 0}, "since '" + since + "' is not a date",
                                "write YYYY-MM-DD");
        }
        for (const auto& t : split_tags(get("tags")))
            if (std::find(in.tags.begin(), in.tags.end(), t) == in.tags.end())
                in.tags.push_back(t);
        Contact c{get("contact"), get("role"), get("email"), get("phone"), ""};
        if (c.name.empty())
            c.name = c.email;
        if (!c.name.empty())
            add_contact(in.contacts, c);
    }
    return all;
}

bool is_vcard(const std::string& path, std::string_view text) {
    std::string ext = ascii_lower(std::filesystem::path(path).extension().string());
    if (ext == ".vcf" || ext == ".vcard")
        return true;
    if (ext == ".csv")
        return false;
    return fold_case(trim(text.substr(0, 200))).starts_with("begin:vcard");
}

}  // namespace

std::string read_import_file(const std::string& path) {
    auto text = os::read_file(path, kMaxImportBytes);
    if (!text)
        throw RuntimeError("cannot read '" + path + "'", "check the file's name");
    if (text->size() > kMaxImportBytes)
        throw RuntimeError("'" + path + "' is larger than 64 MiB", "split it into parts");
    const bool utf16 = text->starts_with("\xFF\xFE") || text->starts_with("\xFE\xFF");
    const bool text_ok =
        is_vcard(path, *text) ? text->find('\0') == std::string::npos : is_valid_utf8(*text);
    if (utf16 || !text_ok)
        throw RuntimeError("'" + path + "' is not UTF-8 text", "export or save it again as UTF-8");
    return *text;
}

namespace {

std::vector<Incoming> read_any(const std::string& path, const std::string& text,
                               const Settings& settings, Context& ctx) {
    if (is_vcard(path, text))
        return from_entries(formats::parse_vcards(text, path));
    auto records = formats::read_csv(text, path);
    if (records.empty())
        throw DataError({path, 1, 0}, "the file is empty", "the first line names the columns");
    if (formats::is_address_book_header(records[0].fields))
        return from_address_book(records, path, ctx);
    return from_crm_csv(records, path, settings, ctx);
}

// An e-mail that is no address (`Jane <jane@x.example; touch pwned>`) never becomes the
// contact's email, which completion and mail would offer: it is kept in the contact's
// notes, as a value that differs is (nothing is lost), with a warning.
void keep_bad_addresses_as_notes(std::vector<Incoming>& all, const std::string& path,
                                 Context& ctx) {
    for (auto& in : all) {
        for (auto& c : in.contacts) {
            if (c.email.empty())
                continue;
            const auto why = contact_address_problem(c.email);
            if (!why)
                continue;
            ctx.warn(path + ":" + std::to_string(in.line) + ": " + c.name + "'s e-mail '" +
                     c.email + "' is not an address (it " + *why + "): kept in their notes");
            const std::string note = "e-mail (import " + ctx.today().iso() + "): " + c.email;
            c.notes = c.notes.empty() ? note : c.notes + "\n" + note;
            c.email.clear();
        }
    }
}

}  // namespace

std::vector<Incoming> read_incoming(const std::string& path, const std::string& text,
                                    const Settings& settings, Context& ctx) {
    std::vector<Incoming> all = read_any(path, text, settings, ctx);
    keep_bad_addresses_as_notes(all, path, ctx);
    return all;
}

}  // namespace crm::commands
