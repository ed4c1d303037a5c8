#pragma once
// What an address book entry (a vCard, a row of a Google or Outlook CSV export) says,
// before it becomes a client and its contacts. Both readers fill an AddressEntry; the
// rules that turn entries into clients are here once, so a .vcf and a .csv of the same
// people import alike.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/records.hpp"

namespace crm::formats {

// An e-mail address or a phone number with what the address book calls it.
struct Labelled {
    std::string value;
    std::string label;       // "work", "mobile", "home, fax"...; empty when unnamed
    bool preferred = false;  // vCard PREF, Google's "* " before the type
};

struct AddressEntry {
    std::string org;   // the organisation; empty when none
    std::string name;  // the person; empty on an organisation's own entry
    std::string role;  // job title (and department)
    std::string notes;
    std::vector<Labelled> emails;
    std::vector<Labelled> phones;
    std::vector<std::string> tags;
    bool org_card = false;  // the organisation's own entry (Apple's X-ABShowAs:COMPANY)
    std::string uid;        // a vCard's UID when it is a UUID (crm's own export): the contact's
    int line = 0;           // where it starts in the file, for messages
};

// Whether an address is an Exchange one (`/o=ExchangeLabs/ou=.../cn=...`, Outlook's type
// EX): no mail program can send to it, so it is never a contact's e-mail.
bool is_exchange_address(std::string_view value);

// Google's system groups (`myContacts`, `starred`, with or without its "* "): every
// contact of the account is in them, so they are neither clients nor tags.
bool is_system_group(std::string_view tag);

// What a file held that crm does not import, named in the summary: each property or
// column with how many entries had it.
struct Dropped {
    std::string what;  // "ADR", "column 'VAT number'"
    std::size_t count = 0;
};
void add_dropped(std::vector<Dropped>& dropped, std::string_view what);

// Makes an entry say what it is: a person named like their organisation (how Outlook
// and Google write a company's own entry) or no person at all but an organisation is
// the organisation's own entry; an entry with neither is named after its first e-mail.
// Also puts each list's primary value first: preferred, then work, then mobile, then
// the rest in file order (a CRM's contact is reached at work), and drops repeats.
void settle(AddressEntry& entry);

// The contact an entry describes: the first e-mail and phone in its fields (a contact
// holds one of each), every other one as a line of its notes ("e-mail (home): ..."), so
// that nothing the address book knew is lost.
Contact contact_of(const AddressEntry& entry);

// Lines for the values beyond the first of each list, as contact_of writes them.
std::string other_values_text(const AddressEntry& entry, bool include_first);

// A client as the address book describes it.
struct ImportedClient {
    std::string name;
    std::vector<Contact> contacts;
    std::vector<std::string> tags;  // every entry's categories or labels, in order
    std::string notes;              // from the organisation's own entry
    int line = 0;
};

// Entries grouped by organisation (case-insensitive), in order of first appearance. A
// person without an organisation is a client of their own, named after them: the
// private clients of an accountant, lawyer or architect. Entries that name nobody and
// nothing are left out.
std::vector<ImportedClient> group_by_org(const std::vector<AddressEntry>& entries);

// Adds `tag` to `tags` unless there already (any case).
void add_tag(std::vector<std::string>& tags, std::string_view tag);

}  // namespace crm::formats
