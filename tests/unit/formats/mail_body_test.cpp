// What a person wrote in a message: HTML as text, format=flowed joined, quoted replies,
// attributions, Outlook's reply header and signatures left out, control characters gone.
#include <doctest/doctest.h>

#include "crm/formats/mail_body.hpp"

using namespace crm::formats;
using namespace std::literals;

TEST_CASE("html_to_text: blocks and breaks as lines, entities decoded, blanks collapsed") {
    CHECK(strip_replies(html_to_text(
              "<html><head><title>x</title><style>p {color: red}</style></head>"
              "<body><p>Hi   Jane,</p><p>Scope &amp; cost by <b>Friday</b>&nbsp;&#8211; "
              "ok?<br>Alice</p><ul><li>one</li><li>two &lt;3&gt;</li></ul>"
              "<script>alert(1)</script><!-- a comment -->"
              "<table><tr><td>a</td><td>b</td></tr></table></body></html>")) ==
          "Hi Jane,\n\nScope & cost by Friday \u2013 ok?\nAlice\n\n- one\n- two <3>\na b\n");
    CHECK(strip_replies(html_to_text("a<pre>  keep\n    this</pre>b")) ==
          "a\n  keep\n    this\nb\n");
    CHECK(strip_replies(html_to_text("x &unknown; &#0; &#x1F600; 1 < 2")) ==
          "x &unknown; &#0; \U0001F600 1 < 2\n");
}

TEST_CASE("html_to_text: quoted replies of Gmail, Thunderbird, Apple Mail and Outlook go") {
    // Gmail: the attribution and the quote in div.gmail_quote.
    CHECK(strip_replies(html_to_text(
              "<div dir=\"ltr\">Thanks, Friday is fine.</div><br><div class=\"gmail_quote\">"
              "<div dir=\"ltr\" class=\"gmail_attr\">On Tue, 24 Nov 2026 at 13:10, Alice wrote:"
              "<br></div><blockquote class=\"gmail_quote\"><div>Old <div>nested</div> text"
              "</div></blockquote></div>")) == "Thanks, Friday is fine.\n");
    // Thunderbird: the moz-cite-prefix div, then a blockquote.
    CHECK(strip_replies(html_to_text(
              "<p>Agreed.</p><div class=\"moz-cite-prefix\">On 20/11/2026 4:02 pm, Jane Doe "
              "wrote:<br></div><blockquote type=\"cite\">Drawings attached.</blockquote>")) ==
          "Agreed.\n");
    // Apple Mail: the attribution inside the blockquote.
    CHECK(strip_replies(html_to_text("Friday works.<div><br><blockquote type=\"cite\"><div>On 25 "
                                     "Nov 2026, at 17:02, Bob wrote:</div>x</blockquote></div>")) ==
          "Friday works.\n");
    // Outlook: its reply header and everything below it.
    CHECK(strip_replies(html_to_text(
              "<div>See the estimate attached.</div><div id=\"appendonsend\"></div><hr>"
              "<div id=\"divRplyFwdMsg\"><b>From:</b> Alice Smith<br><b>Sent:</b> Monday<br>"
              "<b>To:</b> Jane Doe<br><b>Subject:</b> Re: scope</div><div>Earlier text</div>")) ==
          "See the estimate attached.\n");
}

TEST_CASE("unflow: soft line breaks joined, delsp, space-stuffing, the signature kept apart") {
    CHECK(unflow("We can have the revised scope to you by \nFriday.\n", false) ==
          "We can have the revised scope to you by Friday.\n");
    CHECK(unflow("abc\ndef \nghi\n", true) == "abc\ndefghi\n");
    CHECK(unflow(" From the start\n", false) == "From the start\n");
    CHECK(unflow("Regards \n-- \nAlice\n", false) == "Regards -- \nAlice\n");
    CHECK(unflow("Alice\n-- \nAlice Smith\n", false) == "Alice\n-- \nAlice Smith\n");
    CHECK(unflow("> quoted \n> on\nmine\n", false) == "> quoted on\nmine\n");
}

TEST_CASE("strip_replies: quotes with their attribution, signatures, Outlook headers") {
    // Bottom-posting with a Thunderbird signature.
    CHECK(
        strip_replies("On 20/11/2026 4:02 pm, Jane Doe wrote:\n> Hi Alice,\n>\n> Drawings?\n\n"
                      "Here they are.\n\nRegards,\nAlice\n\n-- \nAlice Smith | Harbour & Pike\n") ==
        "Here they are.\n\nRegards,\nAlice\n");
    // Top-posting, Gmail's attribution wrapped over two lines.
    CHECK(strip_replies("Thanks!\n\nOn Tue, 24 Nov 2026 at 13:10, Alice Smith <\n"
                        "alice@harbourpike.example> wrote:\n\n> Old text\n> more\n") ==
          "Thanks!\n");
    // Interleaved replies keep every answer.
    CHECK(strip_replies("> Can you do Friday?\nYes.\n> And the cost?\nNext week.\n") ==
          "Yes.\nNext week.\n");
    // Outlook: a line of underscores, or -----Original Message-----, and all after it.
    CHECK(strip_replies("Estimate attached.\n\n________________________________\nFrom: Alice "
                        "Smith\nSent: Monday, 23 November 2026 10:15 AM\nTo: Jane\nSubject: "
                        "Re\n\nOld\n") == "Estimate attached.\n");
    CHECK(strip_replies("Ok.\n-----Original Message-----\nFrom: x\nold\n") == "Ok.\n");
    CHECK(strip_replies("Ok.\n\nFrom: Jane Doe <jane@acme.example>\nSent: Tuesday\nTo: Alice\n"
                        "Subject: x\nold\n") == "Ok.\n");
    // German and French attributions.
    CHECK(strip_replies("Gut.\nAm 23.11.2026 um 10:15 schrieb Alice Smith:\n> alt\n") == "Gut.\n");
    CHECK(strip_replies("Bien.\nLe 23/11/2026 à 10:15, Alice a écrit :\n> vieux\n") == "Bien.\n");
    // What only looks like them stays: "On ..." not followed by a quote, a "From:" line alone.
    CHECK(strip_replies("On Friday we wrote:\nthe report.\nFrom: the depot\n") ==
          "On Friday we wrote:\nthe report.\nFrom: the depot\n");
    // Blank runs become one; ends trimmed; trailing blanks go.
    CHECK(strip_replies("\n\n  a  \n\n\n\nb\n\n") == "  a\n\nb\n");
    CHECK(strip_replies("> only a quote\n") == "");
}

TEST_CASE("clean_text and clean_line: nothing a record should not hold") {
    CHECK(clean_text("a\r\nb\rc\x00\x1b[31md\x7f\tok\xef\xbb\xbf\n"sv) == "a\nb\nc[31md\tok\n");
    CHECK(clean_text("bad \xff byte") == "bad \xef\xbf\xbd byte");
    CHECK(clean_text("line\u2028sep") == "line\nsep");
    CHECK(clean_line("  Re: a\r\nBcc: b\tc \x01 ") == "Re: a  Bcc: b c");
}
