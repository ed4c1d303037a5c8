#pragma once
// crm import's reading half: a file (crm's own CSV, an address book's CSV or vCards) as
// the people and organisations it describes, before they meet the folder. Everything is
// read and checked before anything is written, so a bad file writes nothing.
#include <optional>
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/model/records.hpp"

namespace crm::commands {

// One entry of the file: a person (with the client they belong to) or an organisation's
// own entry (no person).
struct Arrival {
    // The client: its name (the organisation, else the person), and what the file says
    // of it: every field in crm's own CSV; tags and the organisation's notes otherwise.
    Client profile;
    std::optional<Contact> person;
    bool own_client = false;    // no organisation: the person is a client of their own
    bool full_profile = false;  // crm's own CSV: an empty cell means "none", not "unknown"
    std::string file;           // the file it came from, and its line, for messages
    int line = 0;
};

// What kind of file crm import was given, by its extension and its first bytes.
enum class ImportKind { contacts_csv, vcard, calendar };

// The file's kind; a file of another kind (a spreadsheet workbook, a mail message, a PDF,
// an archive, binary junk) is refused (RuntimeError) with what it is and what reads it.
ImportKind import_kind(const std::string& path, std::string_view head);

// The file's text: refused when missing, too large, UTF-16, or of another kind. A CSV
// that is not UTF-8 is read as windows-1252 (what Outlook writes by default), with a note;
// a vCard may hold other charsets (its CHARSET says so).
std::string read_import_file(const std::string& path, ImportKind kind, Context& ctx);

// The entries of `text` (a vCard file or a CSV). Warnings name, each once, everything
// not imported: every column and vCard property with data, group cards, rows skipped
// with their lines. Throws DataError with the line of a value too large for a record.
std::vector<Arrival> read_arrivals(const std::string& path, const std::string& text,
                                   ImportKind kind, const Settings& settings, Context& ctx);

// crm's own CSV (that of `crm export --format csv`): import_crm_csv.cpp.
std::vector<Arrival> read_crm_csv(const std::string& path, const std::string& text,
                                  const Settings& settings, Context& ctx);

}  // namespace crm::commands
