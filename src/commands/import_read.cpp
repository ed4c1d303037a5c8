#include "import_read.hpp"

#include <algorithm>
#include <filesystem>

#include "crm/formats/address_book.hpp"
#include "crm/formats/contacts_csv.hpp"
#include "crm/formats/csv_read.hpp"
#include "crm/formats/text_encoding.hpp"
#include "crm/formats/vcard.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/mail_address.hpp"
#include "crm/os/files.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;
// No person's name, role or note is this long; a record holds 1 MiB in all, and a
// client may have hundreds of contacts.
constexpr std::size_t kMaxValueBytes = 64 * 1024;

std::string extension_of(const std::string& path) {
    return ascii_lower(std::filesystem::path(path).extension().string());
}

// A mail message starts with header lines ("Received: ...", "From: ...").
bool looks_like_mail(std::string_view head) {
    for (const char* h : {"return-path:", "received:", "delivered-to:", "message-id:",
                          "mime-version:", "x-mozilla-status:", "from "})
        if (ascii_lower(head.substr(0, 40)).starts_with(h))
            return true;
    return false;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Whether `text` holds UTF-8 multi-byte characters, and the line of its first byte that
// is not UTF-8.
std::pair<bool, int> utf8_shape(std::string_view text) {
    bool multibyte = false;
    int line = 1, bad_line = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n')
            ++line;
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (n && i + n <= text.size() && is_valid_utf8(text.substr(i, n))) {
            multibyte = true;
            i += n;
            continue;
        }
        if (!bad_line)
            bad_line = line;
        ++i;
    }
    return {multibyte, bad_line};
}

Arrival arrival_of(const formats::AddressEntry& e) {
    Arrival a;
    a.line = e.line;
    a.profile.tags = e.tags;
    if (e.org_card) {
        a.profile.name = e.org;
        const std::string others = formats::other_values_text(e, true);
        a.profile.notes = e.notes.empty() || others.empty()
                              ? e.notes + others
                              : fmt::format("{}\n{}", e.notes, others);
        return a;
    }
    Contact c = formats::contact_of(e);
    c.uid = e.uid;
    a.own_client = e.org.empty();
    a.profile.name = a.own_client ? c.name : e.org;
    a.person = std::move(c);
    return a;
}

std::vector<Arrival> arrivals_of(const std::vector<formats::AddressEntry>& entries) {
    std::vector<Arrival> out;
    for (const auto& e : entries)
        if (!e.org.empty() || !e.name.empty())
            out.push_back(arrival_of(e));
    return out;
}

std::vector<Arrival> from_vcards(const std::string& path, const std::string& text, Context& ctx) {
    formats::VCardFile file = formats::read_vcards(text, path);
    if (!file.dropped.empty()) {
        std::vector<std::string> named;
        for (const auto& d : file.dropped)
            named.push_back(fmt::format("{} ({})", d.what, plural(d.count, "card", "cards")));
        ctx.warn(fmt::format("{}: not imported: {}", path, join(named, ", ")));
    }
    if (!file.groups.empty())
        ctx.warn(fmt::format("{}: {} not imported (a group is no client): {}", path,
                             plural(file.groups.size(), "group card", "group cards"),
                             join(file.groups, ", ")));
    return arrivals_of(file.entries);
}

std::vector<Arrival> from_address_book(const std::vector<formats::CsvRecord>& records,
                                       const std::string& path, Context& ctx) {
    auto book = formats::read_address_book_csv(records);
    if (book.ignored_columns > 0) {
        // Every column that holds something is named: a VAT number must not hide behind
        // "and 11 more". Empty ones are only counted (an Outlook export has 80 of them).
        const auto& with_data = book.ignored_with_data;
        const std::size_t empty = book.ignored_columns - with_data.size();
        std::string message =
            with_data.empty()
                ? fmt::format("{}: {} not imported, all empty", path,
                              plural(empty, "column", "columns"))
                : fmt::format("{}: columns not imported: {}", path, join(with_data, ", "));
        if (!with_data.empty() && empty > 0)
            message += fmt::format(" (and {} empty {})", empty, empty == 1 ? "column" : "columns");
        ctx.warn(message);
    }
    if (book.exchange_addresses > 0)
        ctx.warn(fmt::format(
            "{}: {} not imported (not e-mail; the SMTP address is used)", path,
            plural(book.exchange_addresses, "Exchange (EX) address", "Exchange (EX) addresses")));
    for (int line : book.long_rows)
        ctx.warn(
            fmt::format("{}:{}: more cells than the header has columns: row skipped", path, line));
    if (book.empty_rows > 0)
        ctx.warn(fmt::format("{}: {} no person, organisation or e-mail: skipped", path,
                             plural(book.empty_rows, "row names", "rows name")));
    return arrivals_of(book.entries);
}

// Every value of every arrival: one too large for a record is refused at its line. Other
// text, control characters and formulas included, is kept exactly (the writer quotes it,
// and what shows it on a terminal shows it safe).
void check_sizes(std::vector<Arrival>& all, const std::string& path) {
    for (auto& a : all) {
        std::vector<std::string*> values{&a.profile.name, &a.profile.notes, &a.profile.owner,
                                         &a.profile.stage, &a.profile.tier};
        for (auto& t : a.profile.tags)
            values.push_back(&t);
        for (auto& w : a.profile.watchers)
            values.push_back(&w);
        for (auto& [k, v] : a.profile.custom)
            values.push_back(&v);
        if (a.person)
            for (std::string_view f : kContactFields)
                values.push_back(&contact_field(*a.person, f));
        for (std::string* v : values) {
            if (v->size() > kMaxValueBytes)
                throw DataError(
                    {path, a.line, 0},
                    fmt::format("a value of {} KiB is too large for a record (at "
                                "most {} KiB): \"{}...\"",
                                v->size() / 1024, kMaxValueBytes / 1024, truncate_to_width(*v, 30)),
                    "shorten it in the file (or leave its column out), then import "
                    "again; nothing was written");
        }
        a.profile.name = trim(a.profile.name);
    }
}

// An e-mail that is no address (`Jane <jane@x.example; touch pwned>`) never becomes the
// contact's email, which completion and mail would offer: it is kept in the contact's
// notes, as a value that differs is (nothing is lost), with a warning.
void keep_bad_addresses_as_notes(std::vector<Arrival>& all, const std::string& path, Context& ctx) {
    for (auto& a : all) {
        if (!a.person || a.person->email.empty())
            continue;
        Contact& c = *a.person;
        const auto why = contact_address_problem(c.email);
        if (!why)
            continue;
        ctx.warn(
            fmt::format("{}:{}: {}'s e-mail '{}' is not an address (it {}): kept in their "
                        "notes",
                        path, a.line, c.name, c.email, *why));
        const std::string note = fmt::format("e-mail (import {}): {}", ctx.today().iso(), c.email);
        c.notes = c.notes.empty() ? note : fmt::format("{}\n{}", c.notes, note);
        if (fold_case(c.name) == fold_case(c.email))
            c.name = trim(c.email.substr(0, c.email.find('@')));
        c.email.clear();
    }
}

}  // namespace

ImportKind import_kind(const std::string& path, std::string_view head) {
    const std::string ext = extension_of(path);
    auto refuse = [&](std::string_view what, std::string_view hint) {
        throw RuntimeError(fmt::format("'{}' is {}, not contacts or a calendar", path, what),
                           std::string(hint));
    };
    if (head.starts_with("PK\x03\x04")) {
        if (ext == ".xlsx" || ext == ".xlsm" || ext == ".xls")
            refuse("an Excel workbook",
                   "save it as CSV (File > Save As > CSV UTF-8) and import that");
        if (ext == ".ods")
            refuse("an OpenDocument spreadsheet", "save it as CSV and import that");
        if (ext == ".numbers")
            refuse("an Apple Numbers spreadsheet", "export it as CSV and import that");
        refuse("a zip archive", "unpack it and import the .vcf or .csv inside");
    }
    if (head.starts_with("\xD0\xCF\x11\xE0"))
        refuse("an Excel 97-2003 workbook (or another Office file)",
               "save it as CSV and import that");
    if (head.starts_with("%PDF"))
        refuse("a PDF document", "export the contacts as vCard or CSV from where they live");
    if (ext == ".eml" || ext == ".msg" || ext == ".mbox" || looks_like_mail(head))
        refuse("a mail message", "crm log-email reads it");
    if (ext == ".ics" || ext == ".ical" ||
        fold_case(trim(head.substr(0, 200))).starts_with("begin:vcalendar"))
        return ImportKind::calendar;
    if (ext == ".vcf" || ext == ".vcard" ||
        fold_case(trim(head.substr(0, 200))).starts_with("begin:vcard"))
        return ImportKind::vcard;
    return ImportKind::contacts_csv;
}

std::string read_import_file(const std::string& path, ImportKind kind, Context& ctx) {
    auto text = os::read_file(path, kMaxImportBytes);
    if (!text)
        throw RuntimeError(fmt::format("cannot read '{}'", path), "check the file's name");
    if (text->size() > kMaxImportBytes)
        throw RuntimeError(fmt::format("'{}' is larger than 64 MiB", path), "split it into parts");
    if (text->starts_with("\xFF\xFE") || text->starts_with("\xFE\xFF"))
        throw RuntimeError(fmt::format("'{}' is UTF-16 text", path),
                           "export or save it again as UTF-8");
    if (text->find('\0') != std::string::npos)
        throw RuntimeError(fmt::format("'{}' is not text (it holds NUL bytes)", path),
                           "export the contacts as vCard (.vcf) or CSV");
    if (kind == ImportKind::contacts_csv && !is_valid_utf8(*text)) {
        const auto [multibyte, bad_line] = utf8_shape(*text);
        // A file of UTF-8 characters with a few bytes that are not: no single encoding
        // reads it right, and guessing would garble one part or the other.
        if (multibyte)
            throw DataError({path, bad_line, 0},
                            "this line is not UTF-8, though the rest of the file is",
                            "correct the line (or save the file again as CSV UTF-8); nothing "
                            "was written");
        ctx.note(fmt::format("{}: not UTF-8; read as windows-1252, as Outlook writes it", path));
        return formats::cp1252_to_utf8(*text);
    }
    return *text;
}

std::vector<Arrival> read_arrivals(const std::string& path, const std::string& text,
                                   ImportKind kind, const Settings& settings, Context& ctx) {
    std::vector<Arrival> all;
    if (kind == ImportKind::vcard) {
        all = from_vcards(path, text, ctx);
    } else {
        auto records = formats::read_csv(text, path);
        if (records.empty())
            throw DataError({path, 1, 0}, "the file is empty", "the first line names the columns");
        if (std::size_t skip = formats::preamble_records(records); skip > 0)
            records.erase(records.begin(), records.begin() + static_cast<long>(skip));
        if (formats::is_address_book_header(records[0].fields))
            all = from_address_book(records, path, ctx);
        else
            all = read_crm_csv(path, text, settings, ctx);
    }
    for (auto& a : all)
        a.file = path;
    check_sizes(all, path);
    keep_bad_addresses_as_notes(all, path, ctx);
    return all;
}

}  // namespace crm::commands
