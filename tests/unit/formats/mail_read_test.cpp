// Reading mail through GMime: headers, MIME structures, charsets, attachments, automatic
// messages, an mbox's separators, and what is no message; and crm's own messages read back.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "crm/formats/mail_message.hpp"
#include "crm/formats/mail_read.hpp"

using namespace crm;
using namespace crm::formats;
using namespace std::literals;

namespace {

Mail read_ok(std::string_view bytes) {
    MailRead r = read_mail(bytes);
    INFO(r.problem);
    REQUIRE(r.mail);
    return *r.mail;
}

// A file in the test's own folder, open for reading.
class TempFile {
  public:
    explicit TempFile(std::string_view content) {
        std::filesystem::create_directories(CRM_TEST_TMPDIR);
        path_ = std::filesystem::path(CRM_TEST_TMPDIR) / "mail.tmp";
        std::ofstream(path_, std::ios::binary) << content;
        fd_ = ::open(path_.c_str(), O_RDONLY);
    }
    ~TempFile() {
        ::close(fd_);
        std::filesystem::remove(path_);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    int fd() const { return fd_; }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

std::vector<MailRead> mbox(std::string_view content) {
    TempFile f(content);
    std::vector<MailRead> out;
    const std::size_t n = read_mbox(f.fd(), {}, [&](std::size_t number, MailRead&& r) {
        CHECK(number == out.size() + 1);
        out.push_back(std::move(r));
    });
    CHECK(n == out.size());
    return out;
}

constexpr std::string_view kAlternative =
    "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Mueller.example>\n"
    "To: Alice Smith <alice@harbourpike.example>, \"Lee, Tom\" <tom@acme.example>\n"
    "Cc: undisclosed-recipients:;, Team: bob@harbourpike.example, carol@x.example;\n"
    "Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?= and\n =?UTF-8?B?5pel5pys?=\n"
    "Date: Mon, 23 Nov 2026 23:30:00 -0800\n"
    "Message-ID: <abc.123@mueller.example>\n"
    "In-Reply-To: <first@harbourpike.example> <second@x.example>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/alternative; boundary=\"b1\"\n"
    "\n"
    "--b1\n"
    "Content-Type: text/plain; charset=iso-8859-1\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "Gr=FC=DFe, Alice!=0A=\n"
    "Zweite Zeile.\n"
    "--b1\n"
    "Content-Type: text/html; charset=utf-8\n"
    "\n"
    "<p>HTML version</p>\n"
    "--b1--\n";

}  // namespace

TEST_CASE("headers: RFC 2047 in any charset, groups, the date in its own zone, references") {
    const Mail m = read_ok(kAlternative);
    REQUIRE(m.from.size() == 1);
    CHECK(m.from[0].name == "Jürgen Müller");
    CHECK(m.from[0].address == "Juergen@Mueller.example");
    REQUIRE(m.to.size() == 2);
    CHECK(m.to[1].name == "Lee, Tom");
    CHECK(m.to[1].address == "tom@acme.example");
    REQUIRE(m.cc.size() == 2);  // the members of the group; the empty group names nobody
    CHECK(m.cc[0].address == "bob@harbourpike.example");
    CHECK(m.subject == "Grüße aus München and 日本");
    CHECK(m.date == Date::from_ymd(2026, 11, 23));  // the sender's day, not UTC's
    CHECK(m.message_id == "abc.123@mueller.example");
    CHECK(m.in_reply_to == "first@harbourpike.example");
    CHECK(m.automatic.empty());
    // multipart/alternative: the plain part, from its charset, not the HTML one.
    CHECK(m.text == "Grüße, Alice!\nZweite Zeile.\n");
    CHECK(m.attachments.empty());
}

TEST_CASE("HTML only, base64: the HTML as text; format=flowed joined") {
    const Mail html = read_ok(
        "From: jane@acme.example\nSubject: Form\nMessage-ID: <h@x>\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
        "PGh0bWw+PGJvZHk+PHA+SGVsbG8sPC9wPjxwPndvcmxkICZhbXA7IG1vcmU8L3A+PC9ib2R5PjwvaHRt\n"
        "bD4K\n");
    CHECK(html.text == "Hello,\n\nworld & more\n");
    CHECK(html.from[0].name.empty());
    const Mail flowed = read_ok(
        "From: a@b.example\nMessage-ID: <f@x>\nContent-Type: text/plain; charset=UTF-8; "
        "format=flowed\n\nOne long line that was \nwrapped by the mailer.\n\n-- \nSig\n");
    CHECK(flowed.text == "One long line that was wrapped by the mailer.\n");
}

TEST_CASE("attachments: names and decoded sizes, bytes only when asked; inline logos not") {
    const std::string message =
        "From: a@acme.example\nMessage-ID: <m@x>\nMIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
        "preamble\n--outer\nContent-Type: multipart/related; boundary=\"rel\"\n\n"
        "--rel\nContent-Type: text/html; charset=utf-8\n\n<p>See <img src=\"cid:logo\"></p>\n"
        "--rel\nContent-Type: image/png; name=\"logo.png\"\nContent-ID: <logo>\n"
        "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--rel--\n"
        "--outer\nContent-Type: application/pdf; name=\"=?UTF-8?Q?Scope_v2_=C3=BC.pdf?=\"\n"
        "Content-Disposition: attachment; filename*=UTF-8''Scope%20v2%20%C3%BC.pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcOkw7zDtsOfCg==\n"
        "--outer\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: inline; "
        "filename=notes.txt\n\nnot the body\n"
        "--outer\nContent-Type: message/rfc822\n\nFrom: x@y.example\nSubject: Old thread\n\nold\n"
        "--outer--\n";
    const Mail m = read_ok(message);
    CHECK(m.text == "See\n");
    REQUIRE(m.attachments.size() == 3);
    CHECK(m.attachments[0].name == "Scope v2 ü.pdf");
    CHECK(m.attachments[0].content_type == "application/pdf");
    CHECK(m.attachments[0].size == 19);
    CHECK(m.attachments[0].bytes.empty());
    CHECK(m.attachments[1].name == "notes.txt");
    CHECK(m.attachments[1].size == 12);  // the last line break is the boundary's
    CHECK(m.attachments[2].name == "Old thread.eml");
    CHECK(m.attachments[2].size > 20);
    MailReadOptions keep;
    keep.keep_attachments = true;
    const Mail kept = *read_mail(message, keep).mail;
    CHECK(kept.attachments[0].bytes == "%PDF-1.4\n%\xc3\xa4\xc3\xbc\xc3\xb6\xc3\x9f\n");
    CHECK(kept.attachments[0].size == 19);
}

TEST_CASE("automatic messages: Auto-Submitted but no, List-Id, Precedence bulk, list, junk") {
    auto why = [](const std::string& header) {
        return read_ok("From: a@b.example\nMessage-ID: <x@y>\n" + header + "\n\nx\n").automatic;
    };
    CHECK(why("Auto-Submitted: auto-replied; owner-email=a@b") == "Auto-Submitted: auto-replied");
    CHECK(why("Auto-Submitted: No") == "");
    CHECK(why("List-Id: Announcements <news.acme.example>") == "List-Id");
    CHECK(why("Precedence: Bulk") == "Precedence: bulk");
    CHECK(why("Precedence: junk") == "Precedence: junk");
    CHECK(why("Precedence: first-class") == "");
}

TEST_CASE("charsets: one nobody knows, bytes not in their charset, 8-bit headers") {
    const Mail unknown = read_ok(
        "From: a@b.example\nMessage-ID: <x@y>\nContent-Type: text/plain; charset=x-klingon\n\n"
        "M\xfcller and caf\xe9 \x80\n");
    CHECK(unknown.text == "Müller and café \u20ac\n");  // not valid UTF-8: windows-1252
    REQUIRE(unknown.notes.size() == 1);
    CHECK(unknown.notes[0].find("charset 'x-klingon' unknown") != std::string::npos);
    const Mail valid = read_ok(
        "From: a@b.example\nMessage-ID: <x@y>\nContent-Type: text/plain; charset=x-klingon\n\n"
        "caf\xc3\xa9\n");
    CHECK(valid.text == "café\n");
    const Mail latin = read_ok(
        "From: M\xfcller <m@b.example>\nSubject: Gr\xfc\xdf"
        "e\n"
        "Message-ID: <x@y>\n\nx\n");
    CHECK(latin.from[0].name == "Müller");
    CHECK(latin.subject == "Grüße");
    const Mail japanese = read_ok(
        "From: a@b.example\nMessage-ID: <x@y>\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
        "\x1b$BF|K\\8l\x1b(B\n");
    CHECK(japanese.text == "日本語\n");
}

TEST_CASE("hostile headers: CR and control characters as spaces, NUL refused by name") {
    const Mail cr = read_ok(
        "From: a@b.example\nSubject: one\rBcc: x@evil.example\x1b[2J\n"
        "Message-ID: <x@y>\n\nbody\n");
    CHECK(cr.subject == "oneBcc: x@evil.example [2J");  // one line, whatever GMime made of CR
    MailRead nul = read_mail("From: a@b.example\nSubject: a\0b\nMessage-ID: <x@y>\n\nbody\n"sv);
    CHECK_FALSE(nul.mail);
    CHECK(nul.problem == "not read: a header holds a NUL byte");
    // A NUL in the body is no header's: the text just loses it.
    CHECK(read_ok("From: a@b.example\nMessage-ID: <x@y>\n\nbo\0dy\n"sv).text == "body\n");
}

TEST_CASE("what is no message, or half of one, is named, never read as one") {
    CHECK(read_mail("hello world\nthis is just text\n").problem ==
          "not a mail message (no headers)");
    CHECK(read_mail("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"sv).problem.starts_with("not "));
    CHECK(read_mail("").problem.starts_with("not a mail message"));
    CHECK(read_mail("Subject: no sender\n\nx\n").problem ==
          "not a mail message (no From: address)");
    const MailRead cut = read_mail(
        "From: a@b.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XX\"\n\n"
        "--XX\nContent-Type: text/plain\n\nhello\n--XX\nContent-Type: application/pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\nJVBER");
    CHECK_FALSE(cut.mail);
    CHECK(cut.problem == "cut short: a MIME part has no end (a truncated message)");
}

TEST_CASE("a message without a Message-ID gets one made from its content, the same each time") {
    const std::string message = "From: a@b.example\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n\nhi\n";
    const Mail a = read_ok(message);
    CHECK(a.message_id.ends_with("@no-message-id.crm.invalid"));
    CHECK(a.message_id == read_ok(message).message_id);
    CHECK(a.message_id != read_ok(message + "more\n").message_id);
    CHECK(a.notes.size() == 1);
}

TEST_CASE("a file read through its descriptor, as the bytes would be") {
    TempFile f(kAlternative);
    const MailRead r = read_mail_file(f.fd());
    REQUIRE(r.mail);
    CHECK(r.mail->subject == "Grüße aus München and 日本");
    CHECK(r.mail->text == "Grüße, Alice!\nZweite Zeile.\n");
}

TEST_CASE("mbox separators: a sender and asctime's date, after a blank line") {
    CHECK(is_mbox_separator("From alice@x.example Mon Nov 23 07:00:00 2026"));
    CHECK(is_mbox_separator("From MAILER-DAEMON Tue Nov  3 07:05:09 2026"));
    CHECK(is_mbox_separator("From a@b Thu Jan  1 00:00 1970"));
    CHECK(is_mbox_separator("From a@b Sat Dec 26 10:11:12 +0100 2026"));
    CHECK_FALSE(is_mbox_separator("From here on it is fine"));
    CHECK_FALSE(is_mbox_separator("From Mon to Fri we work 9:00 to 5:00 in 2026"));
    CHECK_FALSE(is_mbox_separator("From: a@b.example"));
    CHECK_FALSE(is_mbox_separator(">From a@b Mon Nov 23 07:00:00 2026"));
}

TEST_CASE("an mbox: messages one at a time, From lines in bodies kept, >From unquoted") {
    const auto reads = mbox(
        "From a@b Mon Nov 23 07:00:00 2026\n"
        "From: A <a@b.example>\nSubject: one\nMessage-ID: <1@x>\n\n"
        "body one\nFrom here on it is fine\n\nFrom me to you\n>From quoted\n>>From twice\n\n"
        "From b@c Mon Nov 23 08:00:00 2026\n"
        "From: B <b@c.example>\nSubject: two\nMessage-ID: <2@x>\n\nbody two\n\n"
        "From c@d Mon Nov 23 09:00:00 2026\nSubject: no sender\n\nx\n");
    REQUIRE(reads.size() == 3);
    REQUIRE(reads[0].mail);
    CHECK(reads[0].mail->subject == "one");
    CHECK(reads[0].mail->text ==
          "body one\nFrom here on it is fine\n\nFrom me to you\nFrom quoted\n");  // >From: a quote
    REQUIRE(reads[1].mail);
    CHECK(reads[1].mail->text == "body two\n");
    CHECK_FALSE(reads[2].mail);
    CHECK(reads[2].problem == "not a mail message (no From: address)");
    CHECK(mbox("").empty());
    CHECK_THROWS_WITH(mbox("Subject: not an mbox\n\nx\n"), doctest::Contains("not an mbox"));
    // A NUL in one message's header names that message only.
    const auto nul = mbox(
        "From a@b Mon Nov 23 07:00:00 2026\nFrom: a@b.example\nSubject: a\0b\n\n"
        "x\n\nFrom a@b Mon Nov 23 07:00:00 2026\nFrom: a@b.example\n\ny\n"sv);
    REQUIRE(nul.size() == 2);
    CHECK(nul[0].problem == "not read: a header holds a NUL byte");
    CHECK(nul[1].mail);
}

TEST_CASE("crm's own messages read back: names, subject and body as composed") {
    MailMessage m;
    m.from = {"crm", "crm@harbourpike.example"};
    m.to = {"Jürgen Müller, Jr", "juergen@harbourpike.example"};
    m.subject = "crm: 1 new report at Müller & Söhne GmbH, 日本の顧客 😀 " + std::string(60, 'x');
    m.body = "Hello\nFrom here\n.\ntrailing \nMüller " + std::string(100, 'y') + "\n";
    m.html = "<p>Hello</p>\n";
    m.time = {Date::from_ymd(2026, 11, 23).value(), 7, 0, 0, 60};
    m.message_id = "20261123070000.00000000000000ff.1.crm@harbourpike.example";
    const Mail back = read_ok(compose(m));
    CHECK(back.from[0].name == "crm");
    CHECK(back.to[0].name == "Jürgen Müller, Jr");
    CHECK(back.to[0].address == "juergen@harbourpike.example");
    CHECK(back.subject == m.subject);
    CHECK(back.message_id == m.message_id);
    CHECK(back.date == m.time.date);
    CHECK(back.text == "Hello\nFrom here\n.\ntrailing\nMüller " + std::string(100, 'y') + "\n");
    CHECK(back.automatic == "Auto-Submitted: auto-generated");
}

TEST_CASE("multipart/alternative: files in the branch not read for text are still listed") {
    // As Apple Mail sends a PDF placed in the text: the plain part, and an HTML branch
    // holding the file between two HTML parts.
    const Mail m = read_ok(
        "From: tom@acme.example\nMessage-ID: <a@x>\nMIME-Version: 1.0\n"
        "Content-Type: multipart/alternative; boundary=\"A\"\n\n"
        "--A\nContent-Type: text/plain; charset=utf-8\n\nPhotos attached.\n"
        "--A\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
        "--B\nContent-Type: text/html; charset=utf-8\n\n<p>Photos attached.</p>\n"
        "--B\nContent-Type: application/pdf; name=\"Site photos.pdf\"\n"
        "Content-Disposition: inline; filename=\"Site photos.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"
        "--B\nContent-Type: text/html; charset=utf-8\n\n<p>Tom</p>\n--B--\n--A--\n");
    CHECK(m.text == "Photos attached.\n");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].name == "Site photos.pdf");
    CHECK(m.attachments[0].size == 9);
    // Without a plain part: the HTML branch's text, its file once.
    const Mail html = read_ok(
        "From: tom@acme.example\nMessage-ID: <b@x>\nMIME-Version: 1.0\n"
        "Content-Type: multipart/alternative; boundary=\"A\"\n\n"
        "--A\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
        "--B\nContent-Type: text/html; charset=utf-8\n\n<p>Photos</p>\n"
        "--B\nContent-Type: application/pdf; name=\"p.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--B--\n"
        "--A\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\n--A--\n");
    CHECK(html.text == "Photos\n");
    CHECK(html.attachments.size() == 1);
}
