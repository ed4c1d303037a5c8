#pragma once
// Visits, reviews and opportunities as spreadsheet rows: a column per field of the schema, in its
// order, each value as a person would type it, and read back (crm import) into the same record:
// export, then import into an empty folder, is a backup.
//
//   - A list is its items joined with "; ". A ";" inside an item is written twice ("a;; b" is
//     the one item "a; b"; "a;;; b" is "a;" then "b"), so any text splits back exactly; on
//     reading, the space after a lone ";" is optional, as a person may type it.
//   - A promise or action is "Send statement (due 2026-11-30, done 2026-11-28)": its text, then
//     its dates in the last " (...)". A text that would itself read as ending in dates ("Call
//     back (due soon)") and has none gets " ()", read as no dates.
//   - An attachment is "name (12345 bytes)", or "name (12345 bytes, kept as PATH)".
//   - Dates are YYYY-MM-DD, an amount a plain number, a probability a whole number; an empty
//     cell is no value.
//   - After "file" (the record's path in the folder) come the custom fields, one "custom.KEY"
//     column each, as for clients.
//   - csv_row guards a cell that starts like a formula with a ' that import takes off.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/layout.hpp"
#include "crm/model/records.hpp"

namespace crm::formats {

// A list as one cell: its items joined with `separator` ("; " in the tables of records, ";"
// for a client's tags and watchers), each ";" inside an item written twice. With "; " every
// list reads back exactly; with ";" an item that is empty or starts with ";" would not.
std::string list_cell(const std::vector<std::string>& items, std::string_view separator);
// The items of a list cell: split at each lone ";" (the one space after it, if any, is the
// separator's), ";;" a ";" of the item. An empty cell is no item.
std::vector<std::string> list_items(std::string_view cell);

// "client" (its slug), "name" (its name), the fields, "file", then custom.KEY for each key.
std::vector<std::string> record_columns(RecordKind kind,
                                        const std::vector<std::string>& custom_keys = {});
std::vector<std::string> visit_columns();
std::vector<std::string> review_columns();
std::vector<std::string> opportunity_columns();

std::vector<std::string> visit_cells(const Client& client, const Visit& v,
                                     const std::vector<std::string>& custom_keys = {});
std::vector<std::string> review_cells(const Client& client, const Review& r,
                                      const std::vector<std::string>& custom_keys = {});
std::vector<std::string> opportunity_cells(const Client& client, const Opportunity& o,
                                           const std::vector<std::string>& custom_keys = {});

// The kind of record a table of crm's own holds, by its header: exactly the columns
// record_columns writes for it, custom.KEY ones included; nullopt for any other header.
std::optional<RecordKind> record_table_kind(const std::vector<std::string>& header);

// Where a row says its record belongs: the client's slug and name, and its file.
struct RecordPlace {
    std::string client;
    std::string client_name;
    std::string file;
};

// A row of such a table (header: its header) as the record it was written from. Throws
// DataError at `line` of `path` for a cell that does not read as its field: a date, an
// amount, a probability, a rating, a promise's dates, an attachment. A row shorter than
// the header has empty cells at its end.
Visit visit_of_row(const std::vector<std::string>& header, const std::vector<std::string>& row,
                   const std::string& path, int line, RecordPlace& place);
Review review_of_row(const std::vector<std::string>& header, const std::vector<std::string>& row,
                     const std::string& path, int line, RecordPlace& place);
Opportunity opportunity_of_row(const std::vector<std::string>& header,
                               const std::vector<std::string>& row, const std::string& path,
                               int line, RecordPlace& place);

// Clients, one row per contact (a client without contacts has one row), every field of
// the client on each row, so that `crm import` of the file gives the same clients back:
// the fixed columns, then one "custom.KEY" column per custom field of any client.
std::vector<std::string> client_columns();
std::vector<std::string> client_cells(const Client& client, const Contact& contact,
                                      const std::vector<std::string>& custom_keys);
// "custom.abn" -> "abn"; nullopt for any other column.
std::optional<std::string> custom_column_key(std::string_view header);
std::string custom_column(std::string_view key);

// The text of a list of promises or actions.
std::string commitments_text(const std::vector<Commitment>& items);

}  // namespace crm::formats
