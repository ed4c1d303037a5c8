#pragma once
// crm import of crm's own tables of visits, reviews and opportunities (those of
// `crm export --format csv --what ...`), so that the four CSV files of an export are a
// whole backup: import_records.cpp.
#include <string>

#include "crm/commands/context.hpp"
#include "crm/commands/import.hpp"

namespace crm::commands {

// Whether `file` is such a table: a CSV whose header is exactly the columns crm writes
// for one kind of record (formats::record_table_kind).
bool is_record_table(const std::string& file);

// Each row becomes its record at the client its `client` column names (its slug, else a
// client of its name), under the name of its `file` column when that is one crm gives,
// else under a new one. Every file is made, read back and checked as `crm check` would
// before anything is written: a row that does not read (a date, an amount) or would make a
// file crm refuses stops the import, with its line, and nothing is written. A file already
// there with the same record is unchanged, so importing again changes nothing; with
// another record, the row is skipped and named, never written over. A row with more cells
// than the header, or of a client the folder does not have, is skipped and named.
int import_records(const ImportOptions& o, Context& ctx);

}  // namespace crm::commands
