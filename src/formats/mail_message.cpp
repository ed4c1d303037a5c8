#include "crm/formats/mail_message.hpp"

#include "crm/model/mail_address.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "gmime_support.hpp"

namespace crm::formats {

namespace {

bool is_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// Header text as one line of valid UTF-8: control characters (CR, LF, tab, escapes) and
// line separators become spaces, invalid bytes U+FFFD, surrounding blanks go. GMime
// would fold or encode them; crm does not let them into a header at all.
std::string one_line(std::string_view text) {
    std::string out;
    for (char32_t cp : utf8_decode(text))
        utf8_append(out, is_control(cp) ? U' ' : cp);
    return trim(out);
}

// A body as the charset says: valid UTF-8 (invalid bytes U+FFFD), lines ending in LF.
std::string body_text(std::string_view text) {
    std::string valid;
    for (char32_t cp : utf8_decode(text))
        utf8_append(valid, cp);
    std::string out;
    out.reserve(valid.size() + 1);
    for (std::size_t i = 0; i < valid.size(); ++i) {
        if (valid[i] == '\r' && i + 1 < valid.size() && valid[i + 1] == '\n')
            continue;  // CRLF is one line break
        out += valid[i];
    }
    if (!out.empty() && out.back() != '\n')
        out += '\n';
    return out;
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

// The boundary of a multipart message with this Message-ID: "=_crm_" and 16 hex digits.
// It starts "=_", which quoted-printable never writes (it encodes every '='), so no part
// can hold it; the same id gives the same bytes.
std::string mime_boundary(std::string_view message_id) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    for (char c : message_id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return fmt::format("=_crm_{:016x}", hash);
}

void add_mailbox(InternetAddressList* list, const Mailbox& m) {
    InternetAddress* address =
        internet_address_mailbox_new(one_line(m.name).c_str(), m.address.c_str());
    // Names in UTF-8 encoded words, as the subject: the charset the spec names.
    internet_address_set_charset(address, "utf-8");
    internet_address_list_add(list, address);
    g_object_unref(address);
}

// A text/SUBTYPE part of `text` in UTF-8, quoted-printable.
gmime::Ref<GMimeObject> text_part(const char* subtype, std::string_view text) {
    const std::string body = body_text(text);
    auto part =
        gmime::own(reinterpret_cast<GMimeObject*>(g_mime_text_part_new_with_subtype(subtype)));
    auto stream = gmime::own(g_mime_stream_mem_new_with_buffer(body.data(), body.size()));
    auto content = gmime::own(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(GMIME_PART(part.get()), content.get());
    g_mime_object_set_content_type_parameter(part.get(), "charset", "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part.get()),
                                     GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    return part;
}

void set_date(GMimeMessage* message, const MailTime& t) {
    GTimeZone* zone = g_time_zone_new_offset(t.utc_offset_minutes * 60);
    GDateTime* when = g_date_time_new(zone, t.date.year(), t.date.month(), t.date.day(), t.hour,
                                      t.minute, t.second);
    g_mime_message_set_date(message, when);
    g_date_time_unref(when);
    g_time_zone_unref(zone);
}

}  // namespace

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

std::string compose(const MailMessage& m) {
    require_plain(m.from, "From");
    require_plain(m.to, "To");
    for (char c : m.message_id) {
        if (!is_id_char(c))
            throw RuntimeError(fmt::format("cannot write a Message-ID with '{}' in it",
                                           one_line(std::string(1, c))));
    }
    gmime::init();
    auto message = gmime::own(g_mime_message_new(TRUE));
    add_mailbox(g_mime_message_get_from(message.get()), m.from);
    add_mailbox(g_mime_message_get_to(message.get()), m.to);
    g_mime_message_set_subject(message.get(), one_line(m.subject).c_str(), "utf-8");
    set_date(message.get(), m.time);
    g_mime_message_set_message_id(message.get(), m.message_id.c_str());
    // RFC 3834: no out-of-office reply should answer a reminder.
    g_mime_object_set_header(GMIME_OBJECT(message.get()), "Auto-Submitted", "auto-generated",
                             nullptr);
    if (m.html.empty()) {
        g_mime_message_set_mime_part(message.get(), text_part("plain", m.body).get());
    } else {
        auto alternative = gmime::own(g_mime_multipart_new_with_subtype("alternative"));
        g_mime_multipart_set_boundary(alternative.get(), mime_boundary(m.message_id).c_str());
        g_mime_multipart_add(alternative.get(), text_part("plain", m.body).get());
        g_mime_multipart_add(alternative.get(), text_part("html", m.html).get());
        g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(alternative.get()));
    }
    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_UNIX);
    std::string out = gmime::take(g_mime_object_to_string(GMIME_OBJECT(message.get()), options));
    g_mime_format_options_free(options);
    return out;
}

}  // namespace crm::formats
