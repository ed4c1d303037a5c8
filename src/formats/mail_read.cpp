#include "crm/formats/mail_read.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "crm/formats/mail_body.hpp"
#include "crm/formats/text_encoding.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "gmime_support.hpp"

namespace crm::formats {

namespace {

// Enough of a file to hold the headers of any message a person sent.
constexpr std::size_t kHeaderScan = 256 * 1024;
constexpr int kMaxDepth = 32;  // MIME parts inside parts

// Whether a NUL byte is in the header block (up to the first empty line): GMime would cut
// the header there without a word.
bool nul_in_headers(std::string_view bytes) {
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos)
            end = bytes.size();
        std::string_view line = bytes.substr(start, end - start);
        if (line.empty() || line == "\r")
            return false;
        if (line.find('\0') != std::string_view::npos)
            return true;
        start = end + 1;
    }
    return false;
}

struct ParseWarnings {
    bool truncated = false;
    bool too_deep = false;
};

void on_warning(gint64, GMimeParserWarning code, const gchar*, gpointer data) {
    auto* w = static_cast<ParseWarnings*>(data);
    if (code == GMIME_WARN_TRUNCATED_MESSAGE)
        w->truncated = true;
    else if (code == GMIME_CRIT_NESTING_OVERFLOW)
        w->too_deep = true;
}

// GMime's parser options for one message: warnings to `w`; headers in 8-bit read as UTF-8,
// else windows-1252 (what Outlook and old mailers write).
class ParserOptions {
  public:
    explicit ParserOptions(ParseWarnings& w) : options_(g_mime_parser_options_new()) {
        static const char* kFallback[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(options_, kFallback);
        g_mime_parser_options_set_warning_callback(options_, on_warning, &w);
    }
    ~ParserOptions() { g_mime_parser_options_free(options_); }
    ParserOptions(const ParserOptions&) = delete;
    ParserOptions& operator=(const ParserOptions&) = delete;
    GMimeParserOptions* get() const { return options_; }

  private:
    GMimeParserOptions* options_;
};

std::string lower_trimmed(const char* text) {
    return ascii_lower(trim(gmime::copy(text)));
}

bool is_utf8_name(const std::string& charset) {
    return charset == "utf-8" || charset == "utf8" || charset == "us-ascii" || charset == "ascii";
}

// Bytes in `charset` as UTF-8, through GMime's charset conversion (iconv with GMime's
// table of the names mailers use). A charset nobody knows, or bytes it cannot convert:
// UTF-8 where valid, else windows-1252, and a note.
std::string text_in_utf8(const std::string& bytes, const char* declared,
                         std::vector<std::string>& notes) {
    const std::string charset = lower_trimmed(declared);
    auto fallback = [&] { return is_valid_utf8(bytes) ? bytes : cp1252_to_utf8(bytes); };
    if (charset.empty() || is_utf8_name(charset))
        return is_valid_utf8(bytes) || charset.starts_with("utf") ? bytes : cp1252_to_utf8(bytes);
    iconv_t cd = g_mime_iconv_open("UTF-8", charset.c_str());
    if (reinterpret_cast<std::intptr_t>(cd) == -1) {  // iconv's (iconv_t)-1
        notes.push_back(
            fmt::format("charset '{}' unknown: its text read as UTF-8 where valid, "
                        "else windows-1252",
                        clean_line(charset)));
        return fallback();
    }
    char* converted = g_mime_iconv_strndup(cd, bytes.data(), bytes.size());
    g_mime_iconv_close(cd);
    if (!converted) {
        notes.push_back(
            fmt::format("text not in its charset '{}': read as UTF-8 where valid, "
                        "else windows-1252",
                        clean_line(charset)));
        return fallback();
    }
    return gmime::take(converted);
}

// A part's content, its transfer encoding undone.
std::string decoded(GMimePart* part) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content)
        return {};
    auto memory = gmime::own(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, memory.get());
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// The number of bytes an object writes to `write`, without keeping them.
template <class Write>
std::uint64_t counted(Write write) {
    auto null = gmime::own(g_mime_stream_null_new());
    write(null.get());
    return GMIME_STREAM_NULL(null.get())->written;
}

// ">From " lines of an mbox body as their writer meant them: one '>' less.
std::string unquote_from_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view line = text.substr(start, end - start);
        const std::size_t marks = line.find_first_not_of('>');
        if (marks != std::string_view::npos && marks > 0 && line.substr(marks).starts_with("From "))
            line.remove_prefix(1);
        out += line;
        start = end;
    }
    return out;
}

void add_people(InternetAddressList* list, std::vector<MailPerson>& out, int depth = 0) {
    if (!list || depth > 4)
        return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n; ++i) {
        InternetAddress* a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(a)) {
            add_people(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out,
                       depth + 1);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            MailPerson p{clean_line(gmime::copy(internet_address_get_name(a))),
                         clean_line(gmime::copy(
                             internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))))};
            if (!p.address.empty())
                out.push_back(std::move(p));
        }
    }
}

// Why a message was sent by a program (RFC 3834, mailing lists), or empty.
std::string automatic_reason(GMimeObject* message) {
    if (const char* submitted = g_mime_object_get_header(message, "Auto-Submitted")) {
        std::string value = lower_trimmed(submitted);
        value = trim(value.substr(0, value.find_first_of(";(")));
        if (!value.empty() && value != "no")
            return fmt::format("Auto-Submitted: {}", clean_line(value));
    }
    if (g_mime_object_get_header(message, "List-Id"))
        return "List-Id";
    if (const char* precedence = g_mime_object_get_header(message, "Precedence")) {
        const std::string value = lower_trimmed(precedence);
        if (value == "bulk" || value == "list" || value == "junk")
            return fmt::format("Precedence: {}", value);
    }
    return {};
}

// The MIME tree walked for the text a person wrote and the files that came with it.
class BodyWalk {
  public:
    BodyWalk(const MailReadOptions& options, Mail& mail) : options_(options), mail_(mail) {}

    // The text of `object` (a part, or parts), its files added to the mail's. With `files`
    // only, the text is not wanted: a branch of multipart/alternative not chosen still
    // holds files (Apple Mail attaches them inside the HTML branch).
    std::string text(GMimeObject* object, int depth = 0, bool files_only = false) {
        if (depth > kMaxDepth)
            return {};
        if (GMIME_IS_MULTIPART(object))
            return multipart(GMIME_MULTIPART(object), depth, files_only);
        if (GMIME_IS_MESSAGE_PART(object)) {
            forwarded(GMIME_MESSAGE_PART(object));
            return {};
        }
        if (!GMIME_IS_PART(object))
            return {};
        GMimePart* part = GMIME_PART(object);
        if (is_body(object))
            return files_only ? std::string() : leaf_text(part);
        attachment(object, part);
        return {};
    }

  private:
    static bool is_attachment_disposition(GMimeObject* object) {
        const char* d = g_mime_object_get_disposition(object);
        return d && g_ascii_strcasecmp(d, "attachment") == 0;
    }

    static bool is_text(GMimeObject* object, const char* subtype) {
        return g_mime_content_type_is_type(g_mime_object_get_content_type(object), "text", subtype);
    }

    // Text a person reads as the message, not a file that came with it.
    static bool is_body(GMimeObject* object) {
        return (is_text(object, "plain") || is_text(object, "html")) &&
               !is_attachment_disposition(object) && !g_mime_part_get_filename(GMIME_PART(object));
    }

    std::string multipart(GMimeMultipart* multipart, int depth, bool files_only) {
        const int count = g_mime_multipart_get_count(multipart);
        const bool alternative = g_mime_content_type_is_type(
            g_mime_object_get_content_type(GMIME_OBJECT(multipart)), "multipart", "alternative");
        auto part = [&](int i) { return g_mime_multipart_get_part(multipart, i); };
        if (alternative && !files_only) {
            // The plain text when there is one (what the sender's program meant as the
            // text), else the richest part that has any; the files of every branch.
            int plain = -1;
            for (int i = 0; i < count && plain < 0; ++i)
                if (GMIME_IS_PART(part(i)) && is_body(part(i)) && is_text(part(i), "plain"))
                    plain = i;
            std::string out;
            int walked = count;  // parts from here on were walked for their text already
            if (plain >= 0) {
                out = text(part(plain), depth + 1);
            } else {
                while (walked > 0 && trim(out).empty())
                    out = text(part(--walked), depth + 1);
            }
            for (int i = 0; i < walked; ++i)
                if (i != plain)
                    text(part(i), depth + 1, true);
            return out;
        }
        std::string out;
        for (int i = 0; i < count; ++i) {
            const std::string t = text(part(i), depth + 1, files_only);
            if (trim(t).empty())
                continue;
            if (!out.empty())
                out += '\n';
            out += t;
        }
        return out;
    }

    std::string leaf_text(GMimePart* part) {
        GMimeObject* object = GMIME_OBJECT(part);
        std::string text = clean_text(
            text_in_utf8(decoded(part), g_mime_object_get_content_type_parameter(object, "charset"),
                         mail_.notes));
        const GMimeContentEncoding encoding = g_mime_part_get_content_encoding(part);
        const bool raw_lines = encoding != GMIME_CONTENT_ENCODING_BASE64 &&
                               encoding != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE &&
                               encoding != GMIME_CONTENT_ENCODING_UUENCODE;
        if (options_.mboxrd && raw_lines)
            text = unquote_from_lines(text);
        if (is_text(object, "html"))
            return strip_replies(html_to_text(text));
        if (lower_trimmed(g_mime_object_get_content_type_parameter(object, "format")) == "flowed")
            text = unflow(text, lower_trimmed(g_mime_object_get_content_type_parameter(
                                    object, "delsp")) == "yes");
        return strip_replies(text);
    }

    void attachment(GMimeObject* object, GMimePart* part) {
        const char* filename = g_mime_part_get_filename(part);
        // An image shown inside an HTML body (a signature's logo) is not a file anybody
        // sent; a part without a name or an attachment's disposition is nothing to list.
        const bool inline_image =
            !is_attachment_disposition(object) && g_mime_object_get_content_id(object) &&
            g_mime_content_type_is_type(g_mime_object_get_content_type(object), "image", "*");
        if (inline_image || (!filename && !is_attachment_disposition(object)))
            return;
        MailAttachment a;
        a.name = clean_line(gmime::copy(filename));
        a.content_type =
            gmime::take(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)));
        if (options_.keep_attachments) {
            a.bytes = decoded(part);
            a.size = a.bytes.size();
        } else if (GMimeDataWrapper* content = g_mime_part_get_content(part)) {
            a.size =
                counted([&](GMimeStream* s) { g_mime_data_wrapper_write_to_stream(content, s); });
        }
        mail_.attachments.push_back(std::move(a));
    }

    // A message sent on as an attachment (message/rfc822): a file, named by its subject.
    void forwarded(GMimeMessagePart* part) {
        GMimeMessage* inner = g_mime_message_part_get_message(part);
        if (!inner)
            return;
        MailAttachment a;
        const std::string subject = clean_line(gmime::copy(g_mime_message_get_subject(inner)));
        a.name = fmt::format("{}.eml", subject.empty() ? "message" : subject);
        a.content_type = "message/rfc822";
        if (options_.keep_attachments) {
            a.bytes = gmime::take(g_mime_object_to_string(GMIME_OBJECT(inner), nullptr));
            a.size = a.bytes.size();
        } else {
            a.size = counted([&](GMimeStream* s) {
                g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, s);
            });
        }
        mail_.attachments.push_back(std::move(a));
    }

    const MailReadOptions& options_;
    Mail& mail_;
};

// A Message-ID for a message without one, from what it says: the same message read twice
// gets the same id, so it is still logged once.
std::string made_up_id(const Mail& m, const char* date_header) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    auto add = [&](std::string_view s) {
        for (char c : s) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
        hash ^= 0xFF;
        hash *= 1099511628211ULL;
    };
    add(gmime::copy(date_header));
    for (const auto& p : m.from)
        add(p.address);
    add(m.subject);
    add(m.text);
    return fmt::format("{:016x}@no-message-id.crm.invalid", hash);
}

std::string first_reference(GMimeParserOptions* options, const char* header) {
    if (!header)
        return {};
    GMimeReferences* refs = g_mime_references_parse(options, header);
    std::string id;
    if (refs && g_mime_references_length(refs) > 0)
        id = clean_line(gmime::copy(g_mime_references_get_message_id(refs, 0)));
    if (refs)
        g_mime_references_free(refs);
    return id;
}

// The message GMime reads from `stream`.
MailRead parse(GMimeStream* stream, const MailReadOptions& options) {
    ParseWarnings warnings;
    ParserOptions parser_options(warnings);
    auto parser = gmime::own(g_mime_parser_new_with_stream(stream));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    auto message = gmime::own(g_mime_parser_construct_message(parser.get(), parser_options.get()));
    MailRead read;
    if (!message) {
        read.problem = "not a mail message (no headers)";
        return read;
    }
    if (warnings.too_deep) {
        read.problem = "not read: its MIME parts are nested too deep";
        return read;
    }
    if (warnings.truncated) {
        read.problem = "cut short: a MIME part has no end (a truncated message)";
        return read;
    }
    Mail m;
    add_people(g_mime_message_get_from(message.get()), m.from);
    if (m.from.empty()) {
        read.problem = "not a mail message (no From: address)";
        return read;
    }
    add_people(g_mime_message_get_to(message.get()), m.to);
    add_people(g_mime_message_get_cc(message.get()), m.cc);
    GMimeObject* object = GMIME_OBJECT(message.get());
    m.subject = clean_line(gmime::copy(g_mime_message_get_subject(message.get())));
    if (GDateTime* when = g_mime_message_get_date(message.get()))
        m.date = Date::from_ymd(g_date_time_get_year(when), g_date_time_get_month(when),
                                g_date_time_get_day_of_month(when));
    m.message_id = clean_line(gmime::copy(g_mime_message_get_message_id(message.get())));
    m.in_reply_to =
        first_reference(parser_options.get(), g_mime_object_get_header(object, "In-Reply-To"));
    m.automatic = automatic_reason(object);
    if (GMimeObject* body = g_mime_message_get_mime_part(message.get()))
        m.text = BodyWalk(options, m).text(body);
    if (m.message_id.empty()) {
        m.message_id = made_up_id(m, g_mime_object_get_header(object, "Date"));
        m.notes.emplace_back("no Message-ID: one made from its date, sender, subject and text");
    }
    read.mail = std::move(m);
    return read;
}

// The first bytes of the file at `fd` from `offset`, for the header check.
std::string head_of(int fd, off_t offset, std::size_t limit) {
    std::string out(limit, '\0');
    std::size_t got = 0;
    while (got < limit) {
        const ssize_t n =
            ::pread(fd, out.data() + got, limit - got, offset + static_cast<off_t>(got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    return out;
}

MailRead read_range(int fd, off_t start, off_t end, const MailReadOptions& options) {
    const std::size_t span =
        end < 0 ? kHeaderScan
                : std::min<std::size_t>(kHeaderScan, static_cast<std::size_t>(end - start));
    if (nul_in_headers(head_of(fd, start, span)))
        return MailRead{std::nullopt, "not read: a header holds a NUL byte"};
    auto stream = gmime::own(g_mime_stream_fs_new_with_bounds(fd, start, end));
    g_mime_stream_fs_set_owner(GMIME_STREAM_FS(stream.get()), FALSE);
    return parse(stream.get(), options);
}

bool is_digits(std::string_view s, std::size_t min, std::size_t max) {
    return s.size() >= min && s.size() <= max &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads the mbox open at `fd` with pread (its offset stays GMime's), cutting it into
// messages at separator lines.
class MboxScanner {
  public:
    MboxScanner(int fd, const MailReadOptions& options,
                const std::function<void(std::size_t, MailRead&&)>& each)
        : fd_(fd), options_(options), each_(each) {}

    std::size_t run() {
        std::vector<char> block(1u << 20);
        off_t offset = 0;
        while (true) {
            const ssize_t n = ::pread(fd_, block.data(), block.size(), offset);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                throw RuntimeError(fmt::format("cannot read the mbox: {}", std::strerror(errno)));
            if (n == 0)
                break;
            scan(std::string_view(block.data(), static_cast<std::size_t>(n)), offset);
            offset += n;
        }
        if (line_length_ > 0)
            end_line(offset);
        if (offset == 0)
            return 0;  // an empty mbox: no message
        if (!started_) {
            throw RuntimeError(
                "not an mbox: its first line is no \"From \" line with a sender "
                "and a date");
        }
        emit(offset);
        return count_;
    }

  private:
    void scan(std::string_view bytes, off_t at) {
        std::size_t i = 0;
        while (i < bytes.size()) {
            const char* nl =
                static_cast<const char*>(std::memchr(bytes.data() + i, '\n', bytes.size() - i));
            const std::size_t end = nl ? static_cast<std::size_t>(nl - bytes.data()) : bytes.size();
            std::string_view piece = bytes.substr(i, end - i);
            if (prefix_.size() < kPrefix)
                prefix_.append(piece.substr(0, kPrefix - prefix_.size()));
            if (in_header_ && piece.find('\0') != std::string_view::npos)
                line_nul_ = true;
            line_length_ += piece.size();
            i = end;
            if (nl) {
                ++i;
                ++line_length_;
                end_line(at + static_cast<off_t>(i));
            }
        }
    }

    // The line that ends just before `next` (its line break included, if any).
    void end_line(off_t next) {
        const off_t start = next - static_cast<off_t>(line_length_);
        std::string_view text = prefix_;
        if (text.ends_with('\n'))
            text.remove_suffix(1);
        if (text.ends_with('\r'))
            text.remove_suffix(1);
        const bool blank = text.empty() && line_length_ <= 2;
        if ((start == 0 || previous_blank_) && is_mbox_separator(text)) {
            if (started_)
                emit(start);
            else if (start != 0)
                throw RuntimeError("not an mbox: it does not start with a \"From \" line");
            started_ = true;
            message_start_ = next;
            in_header_ = true;
            header_nul_ = false;
        } else if (!started_) {
            throw RuntimeError(
                "not an mbox: its first line is no \"From \" line with a sender and a date");
        } else if (in_header_) {
            if (blank)
                in_header_ = false;
            else if (line_nul_)
                header_nul_ = true;
        }
        previous_blank_ = blank;
        prefix_.clear();
        line_length_ = 0;
        line_nul_ = false;
    }

    void emit(off_t end) {
        ++count_;
        if (header_nul_) {
            each_(count_, MailRead{std::nullopt, "not read: a header holds a NUL byte"});
            return;
        }
        each_(count_, read_range(fd_, message_start_, end, options_));
    }

    static constexpr std::size_t kPrefix = 512;
    int fd_;
    const MailReadOptions& options_;
    const std::function<void(std::size_t, MailRead&&)>& each_;
    std::string prefix_;
    std::size_t line_length_ = 0;
    bool line_nul_ = false;
    bool previous_blank_ = true;
    bool started_ = false;
    bool in_header_ = false;
    bool header_nul_ = false;
    off_t message_start_ = 0;
    std::size_t count_ = 0;
};

}  // namespace

bool is_mbox_separator(std::string_view line) {
    if (!line.starts_with("From "))
        return false;
    std::vector<std::string_view> words;
    std::size_t i = 5;
    while (i < line.size() && words.size() < 12) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ')
            ++i;
        if (i > start)
            words.push_back(line.substr(start, i - start));
    }
    static constexpr std::array<std::string_view, 7> kDays{"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};
    static constexpr std::array<std::string_view, 12> kMonths{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto in = [](auto& list, std::string_view w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    // A sender, then asctime's date: day name, month, day, time, (a zone,) the year.
    for (std::size_t w = 1; w + 3 < words.size(); ++w) {
        if (!in(kDays, words[w]) || !in(kMonths, words[w + 1]) || !is_digits(words[w + 2], 1, 2))
            continue;
        const std::string_view time = words[w + 3];
        if (time.size() < 4 || time.find(':') == std::string_view::npos)
            continue;
        for (std::size_t y = w + 4; y < words.size() && y <= w + 5; ++y)
            if (is_digits(words[y], 4, 4))
                return true;
    }
    return false;
}

MailRead read_mail(std::string_view bytes, const MailReadOptions& options) {
    gmime::init();
    if (nul_in_headers(bytes.substr(0, std::min(bytes.size(), kHeaderScan))))
        return MailRead{std::nullopt, "not read: a header holds a NUL byte"};
    auto stream = gmime::own(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
    return parse(stream.get(), options);
}

MailRead read_mail_file(int fd, const MailReadOptions& options) {
    gmime::init();
    return read_range(fd, 0, -1, options);
}

std::size_t read_messages(int fd, const MailReadOptions& options,
                          const std::function<void(std::size_t, MailRead&&)>& each) {
    gmime::init();
    std::string first = head_of(fd, 0, 1024);
    first = first.substr(0, first.find('\n'));
    if (first.ends_with('\r'))
        first.pop_back();
    if (is_mbox_separator(first))
        return read_mbox(fd, options, each);
    each(1, read_range(fd, 0, -1, options));
    return 1;
}

std::size_t read_mbox(int fd, const MailReadOptions& options,
                      const std::function<void(std::size_t, MailRead&&)>& each) {
    gmime::init();
    MailReadOptions mbox = options;
    mbox.mboxrd = true;
    return MboxScanner(fd, mbox, each).run();
}

}  // namespace crm::formats
