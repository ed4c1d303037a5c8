#pragma once
// What a person wrote in a message, from the text its parts decode to (mail_read.hpp):
// an HTML body as text, quoted replies and the signature left out, nothing a record
// should not hold. Pure functions of UTF-8 text.
#include <string>
#include <string_view>

namespace crm::formats {

// Text from an HTML body: tags gone, paragraphs, <br>, list items and table rows as line
// breaks, character references decoded, blanks collapsed as a browser shows them. What
// is no text (<head>, <style>, <script>) and what quotes an earlier message
// (<blockquote>, Gmail's gmail_quote, Thunderbird's moz-cite-prefix) is left out. The
// lines as laid out: strip_replies then tidies them.
std::string html_to_text(std::string_view html);

// RFC 3676's format=flowed as the lines a person wrote: a line ending in a blank goes on
// in the next one (with `delete_space`, that blank goes too); the signature line "-- "
// stays a line of its own.
std::string unflow(std::string_view text, bool delete_space);

// What the sender wrote, without what they quoted: lines starting with '>', the
// attribution before them ("On Mon, 23 Nov 2026, Jane Doe wrote:", also over two lines,
// and German and French ones), an Outlook reply header ("-----Original Message-----", or
// "From:" with "Sent:" lines) and all below it, and the signature (from a "-- " line on).
// Runs of blank lines become one; blank lines at either end and blanks at line ends go.
std::string strip_replies(std::string_view text);

// Text a record may hold: valid UTF-8 (anything else U+FFFD), line breaks as LF, no
// control character but tab and line break, no byte-order mark.
std::string clean_text(std::string_view text);

// One line of header text: control characters and line breaks as spaces, blanks at
// either end gone.
std::string clean_line(std::string_view text);

}  // namespace crm::formats
