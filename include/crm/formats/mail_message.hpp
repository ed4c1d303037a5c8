#pragma once
// One e-mail message as RFC 5322 and MIME 1.0 want it, written through GMime: a few
// headers and a plain-text body, or a text and an HTML body as multipart/alternative
// (RFC 2046 section 5.1.4). Headers are ASCII, with RFC 2047 encoded words for anything
// else and no control character from the data; each body is UTF-8 in quoted-printable.
// Lines end in LF, as sendmail, msmtp and mbox files expect on a Unix system; the MTA
// turns them into CRLF on the wire. Pure: the time and the Message-ID are given, so the
// same input gives the same bytes.
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

// A Message-ID that no other message has: the time, a random number and a sequence
// number of this run, at the domain of the From address ("crm.invalid" without one).
std::string make_message_id(const MailTime& t, std::uint64_t random, unsigned sequence,
                            std::string_view from_address);

// The whole message: headers (Date, From, Subject, To, Message-Id, MIME-Version,
// Auto-Submitted: auto-generated, the content's), a blank line, the body; with `html`,
// the body is multipart/alternative, the text part first (the one mail readers fall back
// to), its boundary made from the Message-ID. Throws RuntimeError when the From or To
// address is not a plain address, or the Message-ID holds what no Message-ID may.
std::string compose(const MailMessage& m);

}  // namespace crm::formats
