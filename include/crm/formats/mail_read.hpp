#pragma once
// E-mail as mail programs write it, read through GMime 3: RFC 5322 headers (RFC 2047
// encoded words, any charset), MIME (multipart/alternative and mixed, quoted-printable
// and base64, any charset GMime's conversion knows), one message from a file or from
// bytes, the messages of an mbox one at a time. What a person wrote comes out as text:
// the text/plain part, else the HTML part as text (mail_body.hpp), without quoted
// replies or the signature. Attachments are named and measured, their bytes kept only
// when asked.
//
// A file is hostile input: what is no message (a text file, binary junk), a message cut
// short, a header holding a NUL byte, is not read as one but named (MailRead::problem);
// a charset nobody knows is read as UTF-8 where it is valid, else as windows-1252, and
// noted. Control characters never reach the text: headers are one line, bodies keep
// only line breaks and tabs.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"

namespace crm::formats {

// Someone in From, To or Cc: the display name decoded, the address as written.
struct MailPerson {
    std::string name;
    std::string address;
};

struct MailAttachment {
    std::string name;          // the file name the message gives (may be empty)
    std::string content_type;  // "application/pdf"
    std::uint64_t size = 0;    // bytes once decoded
    std::string bytes;         // the decoded bytes, only with MailReadOptions::keep_attachments
};

struct Mail {
    std::string message_id;    // without the angle brackets; empty when the message has none
    std::string in_reply_to;   // the first Message-ID of In-Reply-To, without brackets
    std::optional<Date> date;  // the day of the Date: header, in its own time zone
    std::vector<MailPerson> from, to, cc;
    std::string subject;  // decoded, one line
    std::string text;     // what the sender wrote, quotes and signature left out
    std::vector<MailAttachment> attachments;
    // Why the message was sent by a program, not a person ("Auto-Submitted: auto-replied",
    // "List-Id", "Precedence: bulk"); empty for a person's message.
    std::string automatic;
    std::vector<std::string> notes;  // what was read leniently ("charset 'x' unknown...")
};

// One message read, or why it is none.
struct MailRead {
    std::optional<Mail> mail;
    std::string problem;  // when no mail: "not a mail message (no From: header)"...
};

struct MailReadOptions {
    bool keep_attachments = false;
    bool mboxrd = false;  // body lines ">From " lose one '>' (an mbox's quoting)
};

// The message in `bytes`.
MailRead read_mail(std::string_view bytes, const MailReadOptions& options = {});

// The message in the file open at `fd`, read through from the start without holding it
// whole: the descriptor stays the caller's.
MailRead read_mail_file(int fd, const MailReadOptions& options = {});

// Each message of the mbox open at `fd`, in order, handed to `each` as soon as it is
// read (memory stays that of one message). A message starts at a "From " line at the
// start of the file or after a blank line, followed by a sender and a date, as careful
// readers (mutt) tell them: a "From " line in a body that is no such line stays text.
// Lines quoted as ">From " by mboxrd writers lose their '>'. `each` gets the message's
// number (from 1) with what was read. Returns the number of messages.
std::size_t read_mbox(int fd, const MailReadOptions& options,
                      const std::function<void(std::size_t number, MailRead&& read)>& each);

// The file open at `fd` as what it is: an mbox when its first line is a separator (a
// message a delivery agent passed on with its "From " line, several messages a mail
// program piped at once), else one message. Returns the number of messages.
std::size_t read_messages(int fd, const MailReadOptions& options,
                          const std::function<void(std::size_t number, MailRead&& read)>& each);

// Whether `line` (without its line break) starts a message in an mbox.
bool is_mbox_separator(std::string_view line);

}  // namespace crm::formats
