#pragma once
// vCard 2.1, 3.0 and 4.0 as address books export them. 2.1 (every Outlook and Android
// export): QUOTED-PRINTABLE values with soft line breaks, CHARSET=UTF-8, ISO-8859-1 or
// windows-1252, bare parameters (TEL;WORK;VOICE). 3.0 and 4.0 (RFC 2426, RFC 6350:
// Apple, Google): folded lines, escaped text, TYPE= parameters, grouped properties
// (item1.EMAIL). Only what a CRM needs is kept: the organisation and the person. Pure:
// the caller reads the file.
#include <string>
#include <string_view>
#include <vector>

#include "crm/formats/address_book.hpp"

namespace crm::formats {

// Lines with folding undone: a line starting with a space or tab continues the one
// before (the space or tab is dropped, except in a 2.1 card, where folding keeps it),
// and a quoted-printable value ending in "=" continues on the next line whatever it
// starts with. CRLF and LF both end lines.
std::vector<std::string> unfold_vcard_lines(std::string_view text);

// "\n" and "\N" become a line break, "\," ",", "\;" ";", "\\" "\".
std::string unescape_vcard(std::string_view value);

// Every card, settled (see settle()): FN (else N's given, additional and family names),
// the first ORG component, TITLE (else ROLE), every EMAIL and TEL with their types, NOTE,
// CATEGORIES as tags; a card whose FN is its ORG, that has no person, or that says
// X-ABShowAs:COMPANY is the organisation's own. Values are decoded (quoted-printable,
// CHARSET; without one, bytes that are not UTF-8 are read as windows-1252, as Outlook
// writes them). Throws DataError naming `file` and the line of a card that never ends, a
// property outside any card, or a CHARSET crm cannot read.
std::vector<AddressEntry> parse_vcards(std::string_view text, const std::string& file);

// The cards of a file with what was left out: group cards (vCard 4.0's KIND:group, the
// X-ADDRESSBOOKSERVER-KIND:group of Apple and Nextcloud) are not people, and every other
// property crm does not read (ADR, BDAY, URL, PHOTO, X-SOCIALPROFILE...) is counted by
// name so that the summary can say so.
struct VCardFile {
    std::vector<AddressEntry> entries;
    std::vector<Dropped> dropped;
    std::vector<std::string> groups;  // the FN of each group card
};
VCardFile read_vcards(std::string_view text, const std::string& file);

}  // namespace crm::formats
