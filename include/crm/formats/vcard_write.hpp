#pragma once
// A contact as a vCard 4.0 (RFC 6350), for khard, vdirsyncer and every phone behind a
// CardDAV server: FN, N, ORG (the client), TITLE (the role), EMAIL, TEL, NOTE,
// CATEGORIES (the client's tags), UID (urn:uuid: and the contact's uid). Text escaped
// (section 3.4) and lines folded at 75 octets, never inside a UTF-8 character (3.2),
// CRLF line ends.
#include <string>
#include <string_view>

#include "crm/model/records.hpp"

namespace crm::formats {

// What crm's cards say they were made by: a vdir's file that says it was crm's (and only
// such a file) is crm's to replace or remove.
inline constexpr std::string_view kVCardProdId = "-//crm//crm export//EN";

std::string vcard_of(const Client& client, const Contact& contact);

// A text value escaped as RFC 6350 section 3.4 says: backslash, comma, semicolon, newline.
std::string escape_vcard_text(std::string_view text);

// A content line folded to lines of at most 75 octets, each ending in CRLF.
std::string fold_vcard_line(std::string_view line);

}  // namespace crm::formats
