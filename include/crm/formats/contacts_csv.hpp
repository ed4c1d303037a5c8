#pragma once
// The CSV files address books export: Google Contacts (the old header, "Given Name,
// E-mail 1 - Value, Organization 1 - Name, Group Membership", and the current one,
// "First Name, Organization Name, E-mail 1 - Label, Labels") and Outlook ("First Name,
// Company, Job Title, E-mail Address, Business Phone, Categories"). Columns are known by
// name, not position: each program has reordered and added columns over the years.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crm/formats/address_book.hpp"
#include "crm/formats/csv_read.hpp"

namespace crm::formats {

// What a column of an address book export holds.
struct ContactColumn {
    enum class Kind {
        ignored,
        redundant,  // says again what other columns say (Outlook's "E-mail Display Name")
        full_name,  // Google's old "Name"
        given,
        middle,
        family,
        file_as,  // the name to sort by: a last resort for the person's name
        org,
        title,
        department,
        notes,
        tags,
        email,
        email_label,
        email_display,  // Outlook's "E-mail Display Name": the SMTP address of an EX one
        phone,
        phone_label,
    };
    Kind kind = Kind::ignored;
    int slot = 0;       // Google's "E-mail 2 - Value" and "E-mail 2 - Type" share slot 2
    std::string label;  // a label the header itself gives ("mobile" for "Mobile Phone")
};

// The column a header names (any case; surrounding spaces ignored).
ContactColumn classify_contact_column(std::string_view header);

// Whether a header line is an address book's rather than crm's own (name, tier, stage...):
// it names one of the columns only Google or Outlook write ("Name", "Notes" and
// "Company" alone do not tell: crm's own CSV may have them).
bool is_address_book_header(const std::vector<std::string>& header);

struct AddressBookCsv {
    std::vector<AddressEntry> entries;           // settled
    std::size_t ignored_columns = 0;             // every column crm does not read
    std::vector<std::string> ignored_with_data;  // those of them that hold something
    std::size_t empty_rows = 0;                  // rows naming no one and no organisation
    std::vector<int> long_rows;                  // lines of rows with more cells than the header
    std::size_t exchange_addresses = 0;          // Exchange /o=... addresses left out
};

// LinkedIn's Connections.csv opens with a "Notes:" line and a quoted paragraph before its
// header: the records before the first one that names a column crm knows.
std::size_t preamble_records(const std::vector<CsvRecord>& records);

// Every row after the header as an entry (a row with more cells than the header is
// skipped and its line kept). Labels and categories become tags (Google's
// " ::: " and Outlook's ";" both separate them); Google's system groups "* myContacts"
// and "* starred" are not tags, and the "* " of its other system groups goes.
AddressBookCsv read_address_book_csv(const std::vector<CsvRecord>& records);

}  // namespace crm::formats
