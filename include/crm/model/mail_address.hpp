#pragma once
// What crm accepts as an e-mail address in crm.yaml (team members, mail.from): a plain
// RFC 5322 addr-spec, local@domain, in ASCII. Nothing that could end a header, start
// another address or mean something to a program that reads the message: no blanks or
// control characters, no commas, semicolons, angle brackets, quotes, parentheses or
// backslashes, no quoted local parts, no [domain literals]. Stricter than the RFC on
// purpose: addresses come from a shared, hand-edited file and go into mail headers.
#include <optional>
#include <string>
#include <string_view>

namespace crm {
inline namespace model {

// Why `address` is not a plain address ("contains ';'", "has no @"...), or nullopt
// when it is one.
std::optional<std::string> address_problem(std::string_view address);

inline bool is_plain_address(std::string_view address) {
    return !address_problem(address).has_value();
}

// The same for a contact's e-mail in a client.yaml (checked on entry, on import and by
// `crm check`), which may also be internationalised: UTF-8 is allowed where ASCII
// letters are. Everything that could end a header or mean something to a program is
// refused as above.
std::optional<std::string> contact_address_problem(std::string_view address);

// The part after the @ (for Message-IDs); empty when there is none.
std::string_view address_domain(std::string_view address);

}  // namespace model
}  // namespace crm
