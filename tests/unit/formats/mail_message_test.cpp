// The message composer: headers, encoded words, the quoted-printable body, no CR or LF
// from the data in a header, the Message-ID and the date; and the mbox writer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/formats/mail_message.hpp"
#include "crm/formats/mbox.hpp"
#include "crm/util/error.hpp"

using namespace crm;
using namespace crm::formats;

namespace {

MailTime at(int y, int m, int d, int hh, int mm, int ss, int offset = 0) {
    return {Date::from_ymd(y, m, d).value(), hh, mm, ss, offset};
}

int hex(char c) {
    return c <= '9' ? c - '0' : c - 'A' + 10;
}

// A reader's decoding of quoted-printable, to check what the encoder wrote means the text.
std::string qp_decode(const std::string& qp) {
    std::string out;
    for (std::size_t i = 0; i < qp.size(); ++i) {
        if (qp[i] == '=' && i + 1 < qp.size() && qp[i + 1] == '\n') {
            ++i;  // soft break
        } else if (qp[i] == '=') {
            out += static_cast<char>(hex(qp[i + 1]) * 16 + hex(qp[i + 2]));
            i += 2;
        } else {
            out += qp[i];
        }
    }
    return out;
}

// A reader's decoding of header text: unfolding, then each =?utf-8?q?...?= word.
std::string header_decode(const std::string& h) {
    std::string unfolded;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (h[i] == '\n')
            continue;
        unfolded += h[i];
    }
    std::string out;
    std::size_t i = 0;
    bool last_was_word = false;
    while (i < unfolded.size()) {
        if (unfolded.compare(i, 10, "=?utf-8?q?") == 0) {
            std::size_t end = unfolded.find("?=", i + 10);
            std::string text = unfolded.substr(i + 10, end - i - 10);
            for (std::size_t j = 0; j < text.size(); ++j) {
                if (text[j] == '_')
                    out += ' ';
                else if (text[j] == '=')
                    out += static_cast<char>(hex(text[j + 1]) * 16 + hex(text[j + 2])), j += 2;
                else
                    out += text[j];
            }
            i = end + 2;
            last_was_word = true;
        } else if (last_was_word && unfolded[i] == ' ' &&
                   unfolded.compare(i + 1, 10, "=?utf-8?q?") == 0) {
            ++i;  // blanks between encoded words are not text
        } else {
            out += unfolded[i++];
            last_was_word = false;
        }
    }
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

MailMessage message() {
    MailMessage m;
    m.from = {"crm", "crm@harbourpike.example"};
    m.to = {"Alice Smith", "alice@harbourpike.example"};
    m.subject = "crm: 5 things due by 2026-11-30 (2 overdue)";
    m.body = "Hello\n";
    m.time = at(2026, 11, 23, 7, 0, 0, 60);
    m.message_id = "20261123070000.00000000000000ff.1.crm@harbourpike.example";
    return m;
}

std::string header_of(const std::string& msg, const std::string& name) {
    for (const auto& l : lines(msg.substr(0, msg.find("\n\n"))))
        if (l.starts_with(name + ": "))
            return l.substr(name.size() + 2);
    return "(none)";
}

}  // namespace

TEST_CASE("the date is RFC 5322's, with the offset") {
    CHECK(rfc5322_date(at(2026, 11, 23, 7, 0, 0, 60)) == "Mon, 23 Nov 2026 07:00:00 +0100");
    CHECK(rfc5322_date(at(2026, 1, 4, 23, 59, 5, 0)) == "Sun, 04 Jan 2026 23:59:05 +0000");
    CHECK(rfc5322_date(at(2027, 2, 28, 12, 30, 0, -330)) == "Sun, 28 Feb 2027 12:30:00 -0530");
    CHECK(rfc5322_date(at(2026, 12, 31, 0, 0, 0, 600)) == "Thu, 31 Dec 2026 00:00:00 +1000");
}

TEST_CASE("Message-IDs are unique per run and at the From domain") {
    const MailTime t = at(2026, 11, 23, 7, 0, 0);
    const std::string a = make_message_id(t, 0xABCDEF, 1, "crm@harbourpike.example");
    const std::string b = make_message_id(t, 0xABCDEF, 2, "crm@harbourpike.example");
    CHECK(a == "20261123070000.0000000000abcdef.1.crm@harbourpike.example");
    CHECK(a != b);
    CHECK(make_message_id(t, 1, 1, "crm@x.example") != make_message_id(t, 2, 1, "crm@x.example"));
    CHECK(make_message_id(t, 1, 1, "").ends_with("@crm.invalid"));
    CHECK(make_message_id(t, 1, 1, "a@b\n.example").ends_with("@crm.invalid"));
}

TEST_CASE("the headers of a message, in order, ASCII only") {
    const std::string msg = compose(message());
    const auto head = lines(msg.substr(0, msg.find("\n\n")));
    CHECK(head == std::vector<std::string>{
                      "Date: Mon, 23 Nov 2026 07:00:00 +0100",
                      "From: crm <crm@harbourpike.example>",
                      "To: Alice Smith <alice@harbourpike.example>",
                      "Subject: crm: 5 things due by 2026-11-30 (2 overdue)",
                      "Message-ID: <20261123070000.00000000000000ff.1.crm@harbourpike.example>",
                      "MIME-Version: 1.0",
                      "Content-Type: text/plain; charset=utf-8",
                      "Content-Transfer-Encoding: quoted-printable",
                      "Auto-Submitted: auto-generated",
                  });
    CHECK(msg.substr(msg.find("\n\n")) == "\n\nHello\n");
    for (char c : msg) {
        CHECK(static_cast<unsigned char>(c) < 0x80);
        CHECK(c != '\r');
    }
}

TEST_CASE("non-ASCII header text becomes RFC 2047 encoded words") {
    MailMessage m = message();
    m.to = {"Jürgen Müller", "juergen@harbourpike.example"};
    m.subject = "crm: 1 new report at Müller & Söhne GmbH";
    const std::string msg = compose(m);
    CHECK(header_of(msg, "To") ==
          "=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@harbourpike.example>");
    const std::string subject = header_text(m.subject, 9);
    CHECK(subject.starts_with("=?utf-8?q?crm=3A_1_new_report_at_M=C3=BCller_=26_S=C3=B6hne"));
    CHECK(header_decode(subject) == m.subject);
    CHECK(header_decode(header_text("日本の顧客 😀", 9)) == "日本の顧客 😀");
}

TEST_CASE("encoded words stay within 75 characters and never split a character") {
    const std::string text =
        "Ünïcödé " + std::string(40, 'x') + " 日本語のテキストがとても長い件名";
    const std::string h = header_text(text + text, 9);
    bool first = true;
    for (const auto& l : lines(h + "\n")) {
        CHECK(l.size() + (first ? 9 : 0) <= 76);
        first = false;
        std::size_t s = l.find("=?utf-8?q?");
        REQUIRE(s != std::string::npos);
        CHECK(l.size() - s <= 75);
        CHECK(l.ends_with("?="));
    }
    CHECK(header_decode(h) == text + text);
}

TEST_CASE("long ASCII headers fold at blanks") {
    std::string subject;
    for (int i = 0; i < 20; ++i)
        subject += "word" + std::to_string(i) + " ";
    subject += "end";
    const std::string h = header_text(subject, 9);
    CHECK(h.find('\n') != std::string::npos);
    bool first = true;
    for (const auto& l : lines(h + "\n")) {
        CHECK(l.size() + (first ? 9 : 0) <= 76);
        if (!first)
            CHECK(l.front() == ' ');
        first = false;
    }
    CHECK(header_decode(h) == subject);
    // A word too long to fold is encoded rather than left past the limit.
    CHECK(header_text(std::string(100, 'a'), 9).starts_with("=?utf-8?q?"));
}

TEST_CASE("no CR or LF from the data ever reaches a header") {
    MailMessage m = message();
    m.subject = "Hi\r\nBcc: eve@evil.example\n\nbody";
    m.to.name = "Alice\nBcc: eve@evil.example";
    const std::string msg = compose(m);
    for (const auto& l : lines(msg.substr(0, msg.find("\n\n") + 1))) {
        CHECK_FALSE(l.starts_with("Bcc"));
        CHECK(l.find('\r') == std::string::npos);
    }
    CHECK(header_of(msg, "Subject") == "Hi  Bcc: eve@evil.example  body");
    CHECK(header_of(msg, "To") == "\"Alice Bcc: eve@evil.example\" <alice@harbourpike.example>");
    // Text that looks like an encoded word is encoded, so a reader shows it as written.
    CHECK(header_decode(header_text("=?utf-8?q?fake?=", 9)) == "=?utf-8?q?fake?=");
}

TEST_CASE("display names: bare, quoted or encoded") {
    CHECK(mailbox_header({"Alice Smith", "a@x.example"}, 4) == "Alice Smith <a@x.example>");
    CHECK(mailbox_header({"Smith, Alice", "a@x.example"}, 4) == "\"Smith, Alice\" <a@x.example>");
    CHECK(mailbox_header({"A \"Q\" B\\", "a@x.example"}, 4) ==
          "\"A \\\"Q\\\" B\\\\\" <a@x.example>");
    CHECK(mailbox_header({"", "a@x.example"}, 4) == "a@x.example");
    CHECK(mailbox_header({"  \n ", "a@x.example"}, 4) == "a@x.example");
}

TEST_CASE("a hostile address is refused, never written") {
    MailMessage m = message();
    m.to.address = "x@y.example; touch pwned";
    CHECK_THROWS_WITH_AS(compose(m), doctest::Contains("is not a plain e-mail address"),
                         RuntimeError);
    m = message();
    m.to.address = "alice@x.example\nBcc: eve@evil.example";
    CHECK_THROWS_AS(compose(m), RuntimeError);
    m = message();
    m.from.address = "Alice <a@x.example>";
    CHECK_THROWS_AS(compose(m), RuntimeError);
    m = message();
    m.message_id = "x>\nBcc: eve@evil.example";
    CHECK_THROWS_AS(compose(m), RuntimeError);
}

TEST_CASE("quoted-printable: plain text unchanged, the rest encoded") {
    CHECK(quoted_printable("Hello, world\n") == "Hello, world\n");
    CHECK(quoted_printable("a=b\n") == "a=3Db\n");
    CHECK(quoted_printable("Müller\n") == "M=C3=BCller\n");
    CHECK(quoted_printable("trailing \nand tab\t\n") == "trailing=20\nand tab=09\n");
    CHECK(quoted_printable("no final newline") == "no final newline\n");
    CHECK(quoted_printable("a\r\nb\r\n") == "a\nb\n");  // CRLF is a line break
    CHECK(quoted_printable("a\rb\n") == "a=0Db\n");     // a lone CR is data
    CHECK(quoted_printable("x\x1b[31m\n") == "x=1B[31m\n");
    CHECK(quoted_printable("From here\n.\n") == "=46rom here\n=2E\n");
    CHECK(quoted_printable("\n\nx\n") == "\n\nx\n");
    CHECK(quoted_printable("bad \xff byte\n") == "bad =EF=BF=BD byte\n");
}

TEST_CASE("quoted-printable: long lines get soft breaks within 76 characters") {
    std::string text = std::string(200, 'a') + "\n" + std::string(50, 'b') +
                       "ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü\n" +
                       std::string(75, 'c') + "=\n" + std::string(76, 'd') + "\n";
    const std::string qp = quoted_printable(text);
    for (const auto& l : lines(qp)) {
        CAPTURE(l);
        CHECK(l.size() <= 76);
        // A soft break never cuts an =XX escape.
        const std::size_t eq = l.rfind('=');
        if (eq != std::string::npos && eq + 1 != l.size())
            CHECK(eq + 3 <= l.size());
    }
    CHECK(qp_decode(qp) == text);
    CHECK(lines(quoted_printable(std::string(76, 'd'))).size() == 1);
    CHECK(lines(quoted_printable(std::string(77, 'd'))).size() == 2);
}

TEST_CASE("mbox: the From line, and body lines that look like one quoted") {
    const MailTime t = at(2026, 11, 3, 7, 5, 9);
    CHECK(mbox_date(t) == "Tue Nov  3 07:05:09 2026");
    const std::string entry =
        mbox_entry("crm@x.example", t, "Subject: x\n\nFrom the start\n>From here\n>>From\nok\n");
    CHECK(entry ==
          "From crm@x.example Tue Nov  3 07:05:09 2026\n"
          "Subject: x\n\n>From the start\n>>From here\n>>From\nok\n\n");
    CHECK(mbox_entry("", t, "x").starts_with("From MAILER-DAEMON "));
    CHECK(mbox_entry("a b\n", t, "x").starts_with("From MAILER-DAEMON "));
    CHECK(mbox_entry("a@x.example", t, "no newline").ends_with("no newline\n\n"));
}

TEST_CASE("with an HTML part: multipart/alternative, the text first, each part whole") {
    MailMessage m;
    m.from = {"crm", "crm@x.example"};
    m.to = {"Ann", "ann@x.example"};
    m.subject = "crm: 2 things due";
    m.body = "Plain text\n--=_crm_ not a boundary\n";
    m.html = "<!DOCTYPE html>\n<p>Due: <b>2</b> &amp; more</p>\n";
    m.time = at(2026, 12, 1, 7, 0, 0);
    m.message_id = "20261201070000.abc.1.crm@x.example";
    const std::string boundary = mime_boundary(m.message_id);
    CHECK(boundary.starts_with("=_crm_"));
    CHECK(boundary.size() == 22);
    CHECK(boundary == mime_boundary(m.message_id));
    CHECK(boundary != mime_boundary("another@x.example"));

    const std::string msg = compose(m);
    CHECK(msg.find("MIME-Version: 1.0\nContent-Type: multipart/alternative;\n boundary=\"" +
                   boundary + "\"\n") != std::string::npos);
    const std::string head = msg.substr(0, msg.find("\n\n"));
    CHECK(head.find("text/plain") == std::string::npos);
    const std::string body = msg.substr(msg.find("\n\n") + 2);
    const std::string text_start = "--" + boundary +
                                   "\nContent-Type: text/plain; charset=utf-8\n"
                                   "Content-Transfer-Encoding: quoted-printable\n\n";
    const std::string html_start = "\n--" + boundary +
                                   "\nContent-Type: text/html; charset=utf-8\n"
                                   "Content-Transfer-Encoding: quoted-printable\n\n";
    REQUIRE(body.starts_with(text_start));
    const auto html_at = body.find(html_start);
    REQUIRE(html_at != std::string::npos);
    CHECK(body.ends_with("\n--" + boundary + "--\n"));
    // Each part decodes to its text, its own last line break kept: the one before a
    // boundary belongs to the boundary, so crm writes one more.
    const std::string text_part = body.substr(text_start.size(), html_at - text_start.size());
    CHECK(qp_decode(text_part) == m.body);
    const std::string end = "\n--" + boundary + "--\n";
    const std::string html_part = body.substr(
        html_at + html_start.size(), body.size() - end.size() - html_at - html_start.size());
    CHECK(qp_decode(html_part) == m.html);
    // The boundary is in no part: quoted-printable writes every '=' as =3D.
    CHECK(text_part.find(boundary) == std::string::npos);
    CHECK(html_part.find(boundary) == std::string::npos);
    CHECK(text_part.find("--=3D_crm_") != std::string::npos);
}

TEST_CASE("without an HTML part the message stays text/plain") {
    MailMessage m;
    m.from = {"crm", "crm@x.example"};
    m.to = {"Ann", "ann@x.example"};
    m.body = "x\n";
    m.time = at(2026, 12, 1, 7, 0, 0);
    m.message_id = "1.crm@x.example";
    const std::string msg = compose(m);
    CHECK(msg.find("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
                   "quoted-printable\nAuto-Submitted") != std::string::npos);
    CHECK(msg.find("multipart") == std::string::npos);
    CHECK(msg.ends_with("\n\nx\n"));
}
