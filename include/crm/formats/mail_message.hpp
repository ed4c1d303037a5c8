#pragma once
// One e-mail message as RFC 5322 and MIME 1.0 want it, written by hand because crm needs
// only this: a few headers and a plain-text body, or a text and an HTML body as
// multipart/alternative (RFC 2046 section 5.1.4). Headers are ASCII, with RFC 2047
// encoded words for anything else and no CR or LF from the data; the body is UTF-8 text
// in quoted-printable, lines of at most 76 characters. Lines end in LF, as sendmail, msmtp
// and mbox files expect on a Unix system; the MTA turns them into CRLF on the wire.
// Pure: the time and the Message-ID are given, so the same input gives the same bytes.
#include <cstdint>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"

namespace crm::formats {

struct Mailbox {
    std::string name;     // any text: quoted or encoded as it needs
    std::string address;  // a plain addr-spec (model/mail_address.hpp)
};

// When a message is written: the local calendar day and time, and its offset from UTC.
struct MailTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int utc_offset_minutes = 0;  // +60 for UTC+01:00
};

struct MailMessage {
    Mailbox from;
    Mailbox to;
    std::string subject;
    std::string body;  // UTF-8 text, lines separated by LF (CRLF is read as LF)
    std::string html;  // when not empty, the same as an HTML document: a second part
    MailTime time;
    std::string message_id;  // local@domain, without the angle brackets
};

// "Mon, 23 Nov 2026 07:00:00 +0100" (RFC 5322 section 3.3).
std::string rfc5322_date(const MailTime& t);

// A Message-ID that no other message has: the time, a random number and a sequence
// number of this run, at the domain of the From address ("crm.invalid" without one).
std::string make_message_id(const MailTime& t, std::uint64_t random, unsigned sequence,
                            std::string_view from_address);

// Unstructured header text (a Subject) as it goes after "Name: ", `used` columns into
// its first line: folded at blanks when it is plain ASCII, else RFC 2047 encoded words
// (UTF-8, Q encoding) of at most 75 characters, never splitting a character. Control
// characters become spaces: no CR or LF from the data ever reaches a header.
std::string header_text(std::string_view text, std::size_t used);

// "Name <address>": the name bare, quoted or encoded as it needs; the address alone when
// there is no name. The address is not checked here (compose does).
std::string mailbox_header(const Mailbox& m, std::size_t used);

// The body in quoted-printable (RFC 2045): lines at most 76 characters with soft breaks,
// '=' and every byte outside printable ASCII encoded, blanks at a line's end encoded,
// a lone CR encoded, a line starting "From " or "." encoded so that mbox files and SMTP
// cannot change it. Invalid UTF-8 becomes U+FFFD first: the charset says UTF-8.
std::string quoted_printable(std::string_view text);

// The boundary of a multipart message with this Message-ID: "=_crm_" and 16 hex digits.
// It starts "=_", which quoted-printable never writes (it encodes every '='), so no part
// can hold it.
std::string mime_boundary(std::string_view message_id);

// The whole message: headers, a blank line, the body; with `html`, the body is
// multipart/alternative, the text part first (the one mail readers fall back to), each part
// quoted-printable. Throws RuntimeError when the From or To address is not a plain address.
std::string compose(const MailMessage& m);

}  // namespace crm::formats
