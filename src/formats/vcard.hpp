#pragma once
// vCard 3.0 and 4.0 (RFC 2426, RFC 6350) as address books export them: folded lines,
// escaped text, grouped properties. Only what a CRM needs is kept: the organisation
// and the person. Pure: the caller reads the file.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/records.hpp"

namespace crm::formats {

struct VCard {
    std::string org;  // first component of ORG; empty when the card has none
    Contact contact;  // FN (or N), TITLE -> role, first EMAIL, first TEL, NOTE -> notes
    int line = 0;     // line of BEGIN:VCARD
};

// Lines with folding undone: a line starting with a space or tab continues the one
// before (the space or tab is dropped). CRLF and LF both end lines.
std::vector<std::string> unfold_vcard_lines(std::string_view text);

// "\n" and "\N" become a line break, "\," ",", "\;" ";", "\\" "\".
std::string unescape_vcard(std::string_view value);

// Every card. Throws DataError naming `file` and the line of a card that never ends or
// a property outside any card.
std::vector<VCard> parse_vcards(std::string_view text, const std::string& file);

// Cards grouped by organisation (case-insensitive), in order of first appearance. A
// card without ORG is its own client, named after the person.
struct VCardOrg {
    std::string name;
    std::vector<Contact> contacts;
    int line = 0;
};
std::vector<VCardOrg> group_by_org(const std::vector<VCard>& cards);

}  // namespace crm::formats
