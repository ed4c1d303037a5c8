#include "crm/formats/mail_message.hpp"

#include "crm/model/mail_address.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";
constexpr std::size_t kLine = 76;         // the longest line crm writes, headers and body
constexpr std::size_t kEncodedWord = 75;  // RFC 2047's limit for one encoded word
constexpr std::string_view kWordStart = "=?utf-8?q?";
constexpr std::string_view kWordEnd = "?=";

constexpr const char* kTextPart =
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n";
constexpr const char* kHtmlPart =
    "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n";

constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void hex_byte(std::string& out, unsigned char b) {
    out += '=';
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
}

bool is_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// Header text as one line of valid UTF-8: control characters (CR, LF, tab, escapes) and
// line separators become spaces, invalid bytes U+FFFD, surrounding blanks go.
std::string one_line(std::string_view text) {
    std::string out;
    for (char32_t cp : utf8_decode(text))
        utf8_append(out, is_control(cp) ? U' ' : cp);
    return trim(out);
}

bool is_ascii_printable(std::string_view s) {
    for (char c : s)
        if (c < 0x20 || c > 0x7E)
            return false;
    return true;
}

// The longest run of non-blank characters: a word that plain folding could not break.
std::size_t longest_word(std::string_view s) {
    std::size_t longest = 0, run = 0;
    for (char c : s) {
        run = c == ' ' ? 0 : run + 1;
        longest = std::max(longest, run);
    }
    return longest;
}

// Text that may go into a header as it is, folded at its blanks.
bool plain_header_text(std::string_view s) {
    return is_ascii_printable(s) && s.find("=?") == std::string_view::npos &&
           longest_word(s) <= kLine - 12;
}

// ASCII text folded before a blank wherever a line would pass kLine.
std::string fold_plain(std::string_view s, std::size_t used) {
    std::string out;
    std::size_t column = used;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(' ', start + 1);
        if (end == std::string_view::npos)
            end = s.size();
        std::string_view word = s.substr(start, end - start);  // with its leading blank
        if (column + word.size() > kLine && start > 0) {
            out += '\n';
            column = 0;
        }
        out += word;
        column += word.size();
        start = end;
    }
    return out;
}

// One character's bytes in the Q encoding, as safe in a display name as in a Subject.
std::string q_encoded(std::string_view bytes) {
    std::string out;
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (c == ' ')
            out += '_';
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '!' || c == '*' || c == '+' || c == '-' || c == '/')
            out += c;
        else
            hex_byte(out, b);
    }
    return out;
}

// Encoded words, each whole characters and at most kEncodedWord long, the first fitting
// after `used` columns, separated by folding (the blank between them is not text).
std::string encoded_words(std::string_view text, std::size_t used) {
    std::string out, word;
    std::size_t column = used;
    auto flush = [&] {
        if (word.empty())
            return;
        if (!out.empty()) {
            out += "\n ";
            column = 1;
        }
        out += std::string(kWordStart) + word + std::string(kWordEnd);
        column += kWordStart.size() + word.size() + kWordEnd.size();
        word.clear();
    };
    const std::size_t overhead = kWordStart.size() + kWordEnd.size();
    for (char32_t cp : utf8_decode(text)) {
        std::string bytes;
        utf8_append(bytes, cp);
        const std::string q = q_encoded(bytes);
        const std::size_t start = out.empty() ? column : 1;
        const std::size_t limit = std::min(kEncodedWord, kLine > start ? kLine - start : 0);
        if (!word.empty() && overhead + word.size() + q.size() > limit)
            flush();
        word += q;
    }
    flush();
    return out;
}

// A display name that may go bare: words of RFC 5322 atext separated by single blanks.
bool is_phrase_of_atoms(std::string_view s) {
    static constexpr std::string_view kSymbols = "!#$%&'*+-/=?^_`{|}~";
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.find("  ") != std::string_view::npos)
        return false;
    for (char c : s) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && c != ' ' && kSymbols.find(c) == std::string_view::npos)
            return false;
    }
    return true;
}

std::string quoted_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return fmt::format("{}\"", out);
}

void require_plain(const Mailbox& m, const char* header) {
    if (auto why = address_problem(m.address)) {
        throw RuntimeError(
            fmt::format("cannot write the {}: header: '{}' is not a plain e-mail address: it {}",
                        header, one_line(m.address), *why),
            "crm check shows where it is in crm.yaml");
    }
}

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '@';
}

}  // namespace

std::string rfc5322_date(const MailTime& t) {
    const int offset = t.utc_offset_minutes;
    const int abs = offset < 0 ? -offset : offset;
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} {}{:02}{:02}", kDays[t.date.weekday()],
                       t.date.day(), kMonths[t.date.month() - 1], t.date.year(), t.hour, t.minute,
                       t.second, offset < 0 ? '-' : '+', abs / 60, abs % 60);
}

std::string make_message_id(const MailTime& t, std::uint64_t random, unsigned sequence,
                            std::string_view from_address) {
    const std::string hex = fmt::format("{:016x}", random);
    const std::string stamp = fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", t.date.year(),
                                          t.date.month(), t.date.day(), t.hour, t.minute, t.second);
    std::string domain(address_domain(from_address));
    if (domain.empty() || !is_plain_address(from_address))
        domain = "crm.invalid";
    return fmt::format("{}.{}.{}.crm@{}", stamp, hex, sequence, domain);
}

std::string header_text(std::string_view text, std::size_t used) {
    const std::string line = one_line(text);
    return plain_header_text(line) ? fold_plain(line, used) : encoded_words(line, used);
}

std::string mailbox_header(const Mailbox& m, std::size_t used) {
    const std::string name = one_line(m.name);
    const std::string address = fmt::format("<{}>", m.address);
    if (name.empty())
        return m.address;
    if (is_ascii_printable(name) && name.find("=?") == std::string::npos &&
        used + name.size() + 3 + address.size() <= kLine) {
        return fmt::format("{} {}", is_phrase_of_atoms(name) ? name : quoted_string(name), address);
    }
    std::string words = encoded_words(name, used);
    const std::size_t last_line = words.size() - std::min(words.size(), words.rfind('\n') + 1);
    const bool fits =
        (words.find('\n') == std::string::npos ? used : 0) + last_line + 1 + address.size() <=
        kLine;
    return words + (fits ? " " : "\n ") + address;
}

std::string quoted_printable(std::string_view text) {
    std::string valid;
    for (char32_t cp : utf8_decode(text))
        utf8_append(valid, cp);
    std::string out;
    std::size_t start = 0;
    while (start <= valid.size()) {
        std::size_t end = valid.find('\n', start);
        const bool last = end == std::string::npos;
        if (last)
            end = valid.size();
        std::string_view line = std::string_view(valid).substr(start, end - start);
        if (!line.empty() && line.back() == '\r')  // CRLF is one line break
            line.remove_suffix(1);
        if (last && line.empty())
            break;  // text ending in a newline: no empty last line
        // Each character of the line as it is written, then cut into lines of kLine.
        std::string encoded_line;
        std::size_t column = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            const auto b = static_cast<unsigned char>(c);
            const bool at_end = i + 1 == line.size();
            // Encoded: a blank that would end the line, '=' and what is not printable
            // ASCII, and a first character that mbox files or SMTP would change.
            const bool encode =
                ((c == ' ' || c == '\t') && at_end) || c == '=' || b >= 0x7F ||
                (b < 0x20 && c != '\t') ||
                (i == 0 && (c == '.' || (c == 'F' && line.substr(0, 5) == "From ")));
            std::string piece;
            if (encode)
                hex_byte(piece, b);
            else
                piece = std::string(1, c);
            // A soft break "=" must fit too, unless this is the line's last piece.
            const std::size_t room = at_end ? kLine : kLine - 1;
            if (column + piece.size() > room) {
                encoded_line += "=\n";
                column = 0;
            }
            encoded_line += piece;
            column += piece.size();
        }
        out += fmt::format("{}\n", encoded_line);
        if (last)
            break;
        start = end + 1;
    }
    return out;
}

std::string mime_boundary(std::string_view message_id) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a: the same id, the same boundary
    for (char c : message_id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return std::string("=_crm_") + hex;
}

std::string compose(const MailMessage& m) {
    require_plain(m.from, "From");
    require_plain(m.to, "To");
    for (char c : m.message_id) {
        if (!is_id_char(c))
            throw RuntimeError(fmt::format("cannot write a Message-ID with '{}' in it",
                                           one_line(std::string(1, c))));
    }
    std::string out;
    out += fmt::format("Date: {}\n", rfc5322_date(m.time));
    out += fmt::format("From: {}\n", mailbox_header(m.from, 6));
    out += fmt::format("To: {}\n", mailbox_header(m.to, 4));
    out += fmt::format("Subject: {}\n", header_text(m.subject, 9));
    out += fmt::format("Message-ID: <{}>\n", m.message_id);
    out += "MIME-Version: 1.0\n";
    const std::string boundary = mime_boundary(m.message_id);
    if (m.html.empty())
        out += kTextPart;
    else
        out += "Content-Type: multipart/alternative;\n boundary=\"" + boundary + "\"\n";
    // RFC 3834: no out-of-office reply should answer a reminder.
    out += "Auto-Submitted: auto-generated\n";
    out += "\n";
    if (m.html.empty())
        return out + quoted_printable(m.body);
    // The line break before a boundary belongs to the boundary (RFC 2046 section 5.1.1):
    // one more keeps each part's own last line break.
    out += "--" + boundary + "\n" + kTextPart + "\n" + quoted_printable(m.body);
    out += "\n--" + boundary + "\n" + kHtmlPart + "\n" + quoted_printable(m.html);
    return out + "\n--" + boundary + "--\n";
}

}  // namespace crm::formats
