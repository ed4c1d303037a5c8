#pragma once
// A client's contacts: the "Jane Doe <jane@x.example>" form people type, when two
// entries are one person, and which contact a CONTACT argument names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/match.hpp"
#include "crm/model/records.hpp"

namespace crm {
inline namespace model {

// "Jane Doe <jane@x.example>" -> name and email; "jane@x.example" -> both the e-mail
// (the name too, so that every contact has one); "Jane Doe" -> a name only. nullopt
// when the text names nobody.
std::optional<Contact> parse_contact_text(std::string_view text);

// Whether two contacts are one person: the same name or the same e-mail, in any case
// (an empty one matches nothing).
bool same_contact(const Contact& a, const Contact& b);

// The contact `query` names, in order: its name in any case, its e-mail in any case, a
// unique prefix of a name or e-mail, a unique part of one. Ambiguous: the candidates;
// none: candidates empty (every contact is a candidate to list then).
MatchResult match_contact(std::string_view query, const std::vector<Contact>& contacts);

// Whether `text` has a UUID's form (8-4-4-4-12 hexadecimal digits, any case): what a
// contact's uid must be.
bool is_uuid(std::string_view text);

// "Jane Doe <jane@x.example>", or the name alone.
std::string contact_label(const Contact& c);

// The fields of a contact in the order client.yaml keeps them.
inline constexpr std::string_view kContactFields[] = {"name",  "role",  "email",
                                                      "phone", "notes", "uid"};
bool is_contact_field(std::string_view field);
// The field `field` of `c` (one of kContactFields).
const std::string& contact_field(const Contact& c, std::string_view field);
std::string& contact_field(Contact& c, std::string_view field);

}  // namespace model
}  // namespace crm
