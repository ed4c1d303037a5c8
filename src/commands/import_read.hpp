#pragma once
// crm import's reading half: a file (crm's own CSV, a Google or Outlook CSV export, a
// vCard file) as the clients it describes, before they meet the folder. Everything is
// read and checked before anything is written, so a bad file writes nothing.
#include <optional>
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/model/records.hpp"

namespace crm::commands {

// A client as the import file describes it.
struct Incoming {
    std::string name;
    std::string tier;
    std::string stage;
    std::string owner;
    std::optional<Cadence> every;
    std::optional<Date> since;
    std::vector<std::string> tags;
    std::vector<Contact> contacts;
    std::string notes;
    int line = 0;
};

// The file's text: refused (RuntimeError) when missing, too large, UTF-16, or a CSV
// that is not UTF-8. A vCard may hold other charsets (its CHARSET says so), so only
// binary junk is refused there.
std::string read_import_file(const std::string& path);

// The clients in `text`, read as vCard or CSV by the file's extension (else by its first
// line). Warnings (ignored columns, rows naming nobody) go to ctx, one line each kind.
std::vector<Incoming> read_incoming(const std::string& path, const std::string& text,
                                    const Settings& settings, Context& ctx);

}  // namespace crm::commands
