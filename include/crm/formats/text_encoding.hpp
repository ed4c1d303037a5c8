#pragma once
// The byte encodings address books still write: quoted-printable (vCard 2.1, as every
// Outlook and Android export has it) and the Windows and ISO 8859 charsets beside UTF-8.
// Written by hand rather than through iconv: the few charsets that occur are small
// tables, and the result must not depend on the machine's locale or libraries.
#include <optional>
#include <string>
#include <string_view>

namespace crm::formats {

// RFC 2045 section 6.7: "=XX" is the byte XX (hex digits in either case), "=" at the
// end of a line a soft break that joins the next line. A "=" followed by anything else
// is kept as it is, as lenient decoders do: an address book's slip should not lose text.
std::string decode_quoted_printable(std::string_view text);

// `bytes` in `charset` (any case: UTF-8, windows-1252/cp1252, ISO-8859-1/latin1,
// US-ASCII, ISO-8859-15/latin9) as UTF-8. Following WHATWG, ISO-8859-1 and US-ASCII are
// read as windows-1252 (what Windows programs labelled so really write), and a byte
// windows-1252 leaves undefined becomes U+FFFD. nullopt for a charset crm does not know,
// or for UTF-8 that is not valid.
std::optional<std::string> to_utf8(std::string_view bytes, std::string_view charset);

// windows-1252 (and so ISO-8859-1) bytes as UTF-8.
std::string cp1252_to_utf8(std::string_view bytes);

}  // namespace crm::formats
