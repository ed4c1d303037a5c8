// The message composer on GMime: headers, encoded words, the quoted-printable body, no
// CR or LF from the data in a header, the Message-ID and the date; and the mbox writer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/formats/mail_message.hpp"
#include "crm/formats/mbox.hpp"
#include "crm/formats/text_encoding.hpp"
#include "crm/util/error.hpp"

using namespace crm;
using namespace crm::formats;

namespace {

MailTime at(int y, int m, int d, int hh, int mm, int ss, int offset = 0) {
    return {Date::from_ymd(y, m, d).value(), hh, mm, ss, offset};
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

TEST_CASE("the Date header is RFC 5322's, with the offset") {
    for (auto [t, text] :
         {std::pair{at(2026, 11, 23, 7, 0, 0, 60), "Mon, 23 Nov 2026 07:00:00 +0100"},
          std::pair{at(2026, 1, 4, 23, 59, 5, 0), "Sun, 04 Jan 2026 23:59:05 +0000"},
          std::pair{at(2027, 2, 28, 12, 30, 0, -330), "Sun, 28 Feb 2027 12:30:00 -0530"},
          std::pair{at(2026, 12, 31, 0, 0, 0, 600), "Thu, 31 Dec 2026 00:00:00 +1000"}}) {
        MailMessage m = message();
        m.time = t;
        CHECK(header_of(compose(m), "Date") == text);
    }
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
                      "Subject: crm: 5 things due by 2026-11-30 (2 overdue)",
                      "To: Alice Smith <alice@harbourpike.example>",
                      "Message-Id: <20261123070000.00000000000000ff.1.crm@harbourpike.example>",
                      "Auto-Submitted: auto-generated",
                      "MIME-Version: 1.0",
                      "Content-Type: text/plain; charset=utf-8",
                      "Content-Transfer-Encoding: quoted-printable",
                  });
    CHECK(msg.substr(msg.find("\n\n")) == "\n\nHello\n");
    for (char c : msg) {
        CHECK(static_cast<unsigned char>(c) < 0x80);
        CHECK(c != '\r');
    }
}

TEST_CASE("non-ASCII header text becomes RFC 2047 encoded words in UTF-8, lines folded") {
    MailMessage m = message();
    m.to = {"Jürgen Müller", "juergen@harbourpike.example"};
    m.subject = "crm: 1 new report at Müller & Söhne GmbH and " + std::string(20, 'x') +
                " 日本語のテキストがとても長い件名 " + std::string(30, 'y');
    const std::string msg = compose(m);
    CHECK(header_of(msg, "To").starts_with("=?UTF-8?"));
    const std::string head = msg.substr(0, msg.find("\n\n"));
    CHECK(head.find("=?UTF-8?") != std::string::npos);
    for (const auto& l : lines(head)) {
        CAPTURE(l);
        CHECK(l.size() <= 78);
    }
    // The words decode to the text (mail_read_test reads crm's messages back whole).
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

TEST_CASE("the body: UTF-8 in quoted-printable, lines within 76, decoding to the text") {
    MailMessage m = message();
    m.body = std::string(200, 'a') + "\n" + std::string(50, 'b') +
             "ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü\n" + std::string(75, 'c') +
             "=\ntrailing \nbad \xff byte\r\nx\x1b[31m\n";
    const std::string msg = compose(m);
    const std::string body = msg.substr(msg.find("\n\n") + 2);
    for (const auto& l : lines(body)) {
        CAPTURE(l);
        CHECK(l.size() <= 76);
    }
    CHECK(body.find("M=C3=BC") == std::string::npos);
    CHECK(body.find("trailing=20\n") != std::string::npos);
    CHECK(body.find("=1B[31m") != std::string::npos);
    CHECK(decode_quoted_printable(body) ==
          std::string(200, 'a') + "\n" + std::string(50, 'b') +
              "ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü\n" + std::string(75, 'c') +
              "=\ntrailing \nbad \xef\xbf\xbd byte\nx\x1b[31m\n");
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
    const std::string msg = compose(m);
    CHECK(msg == compose(m));  // the same input, the same bytes
    const std::string type = header_of(msg, "Content-Type");
    REQUIRE(type.starts_with("multipart/alternative; boundary=\"=_crm_"));
    const std::string boundary = type.substr(type.find('"') + 1, 22);
    CHECK(type == "multipart/alternative; boundary=\"" + boundary + "\"");
    m.message_id = "another@x.example";
    CHECK(compose(m).find(boundary) == std::string::npos);

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
    const std::string end = "\n--" + boundary + "--\n";
    CHECK(body.ends_with(end));
    const std::string text_part = body.substr(text_start.size(), html_at - text_start.size());
    CHECK(decode_quoted_printable(text_part) == m.body);
    const std::string html_part = body.substr(
        html_at + html_start.size(), body.size() - end.size() - html_at - html_start.size());
    CHECK(decode_quoted_printable(html_part) == m.html);
    // The boundary is in no part: quoted-printable writes every '=' as =3D.
    CHECK(text_part.find(boundary) == std::string::npos);
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
                   "quoted-printable\n\n") != std::string::npos);
    CHECK(msg.find("multipart") == std::string::npos);
    CHECK(msg.ends_with("\n\nx\n"));
}
