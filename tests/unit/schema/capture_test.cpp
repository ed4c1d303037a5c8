// Capture's settings (cadence_kinds, report_within, unowned_to, capture:) and the fields of
// a captured message or calendar meeting: read, written back, cached, checked.
#include <doctest/doctest.h>

#include "crm/schema/cache_bytes.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"

using namespace crm;
using namespace crm::schema;

namespace {

std::vector<std::string> problems(const std::string& text, FileKind kind = FileKind::settings) {
    std::vector<std::string> out;
    for (const auto& e : check_file(text, "f.yaml", kind, Settings{}))
        out.push_back(e.what());
    return out;
}

}  // namespace

TEST_CASE("capture settings: the spec's defaults, and every key read") {
    const Settings d = read_settings("", "crm.yaml");
    CHECK(d.cadence_kinds ==
          std::vector<std::string>{"visit", "call", "meeting", "lunch", "event"});
    CHECK(d.is_cadence_kind("meeting"));
    CHECK_FALSE(d.is_cadence_kind("email"));
    CHECK_FALSE(d.is_cadence_kind("other"));
    CHECK(d.report_within.str() == "2d");
    CHECK(d.unowned_to.empty());
    CHECK(d.capture.never.empty());
    CHECK(d.capture.max_recipients == 20);
    CHECK(d.capture.public_domains == std::vector<std::string>{"gmail.com", "outlook.com",
                                                               "hotmail.com", "yahoo.com",
                                                               "icloud.com", "gmx.de", "web.de"});
    CHECK(read_settings(default_settings_yaml(), "crm.yaml").capture == CaptureSettings{});

    const Settings s = read_settings(
        "team:\n  - {name: Alice Smith, email: alice@hp.example}\n"
        "cadence_kinds: [visit, email]\nreport_within: 1w\nunowned_to: [Alice Smith]\n"
        "capture:\n  never: [payroll@hp.example, newsletter.example]\n  max_recipients: 5\n"
        "  public_domains: [gmail.com]\n",
        "crm.yaml");
    CHECK(s.cadence_kinds == std::vector<std::string>{"visit", "email"});
    CHECK(s.is_cadence_kind("email"));
    CHECK(s.report_within.str() == "1w");
    CHECK(s.unowned_to == std::vector<std::string>{"Alice Smith"});
    CHECK(s.capture.never == std::vector<std::string>{"payroll@hp.example", "newsletter.example"});
    CHECK(s.capture.max_recipients == 5);
    CHECK(s.capture.public_domains == std::vector<std::string>{"gmail.com"});
    // Keys left out keep their defaults.
    CHECK(read_settings("capture: {never: [x.example]}\n", "c").capture.max_recipients == 20);
}

TEST_CASE("capture settings: reading refuses a wrong structure or count, at the value") {
    CHECK_THROWS_WITH(read_settings("capture: [a]\n", "crm.yaml"),
                      doctest::Contains("crm.yaml:1:10: capture: expected a map"));
    CHECK_THROWS_WITH(read_settings("capture: {max_recipients: 0}\n", "crm.yaml"),
                      doctest::Contains("capture.max_recipients: '0' is not a whole number"));
    CHECK_THROWS_WITH(read_settings("capture: {max_recipients: lots}\n", "crm.yaml"),
                      doctest::Contains("'lots' is not a whole number"));
    CHECK_THROWS_WITH(read_settings("report_within: soon\n", "crm.yaml"),
                      doctest::Contains("report_within: 'soon' is not a duration"));
}

TEST_CASE("crm check: capture's addresses and domains, cadence kinds, unowned_to names") {
    CHECK(problems("capture:\n  never: [payroll@hp.example, newsletter.example]\n"
                   "  public_domains: [gmail.com, web.de]\ncadence_kinds: [visit, email]\n")
              .empty());
    CHECK(problems("capture:\n"
                   "  never: [a b@x.example, 'bad domain', ok.example]\n"
                   "  public_domains: [x@gmail.com, -gmail.com]\n"
                   "  max: 3\n"
                   "cadence_kinds: [visit, chat]\n"
                   "team:\n  - {name: Alice Smith, email: alice@hp.example}\n"
                   "mail: {from: crm@hp.example}\n"
                   "unowned_to: [alice smith, Zed]\n") ==
          std::vector<std::string>{
              "f.yaml:2:11: capture.never 'a b@x.example' is not a plain e-mail address: it "
              "contains a space",
              "f.yaml:2:26: capture.never: 'bad domain' is not an address or a domain: it "
              "contains a space",
              "f.yaml:3:20: capture.public_domains: 'x@gmail.com' is not a domain: it has an @",
              "f.yaml:3:33: capture.public_domains: '-gmail.com' is not a domain: a part of its "
              "domain starts or ends with '-'",
              "f.yaml:4:3: capture: unknown key 'max'",
              "f.yaml:5:24: cadence_kinds: unknown kind 'chat'",
              "f.yaml:9:27: unowned_to: 'Zed' is not in team:",
          });
}

TEST_CASE("a captured message's visit: every field written, read back and cached") {
    Visit v;
    v.file = "clients/acme/visits/2026-11-23-alice-ab12.yaml";
    v.date = *Date::parse_iso("2026-11-23");
    v.by = "Alice Smith";
    v.kind = "email";
    v.with = {"Jane Doe"};
    v.subject = "Re: Phase 2: \"scope\" # and more";
    v.direction = "out";
    v.message_id = "CAB+x=1@mail.gmail.com";
    v.in_reply_to = "abc@acme.example";
    v.attachments = {{"scope.pdf", 123456}, {"notes: v2.docx", 5000000000ULL}};
    v.notes = "Hello Jane,\n\nthe scope is attached.\n";
    const std::string text = visit_yaml(v);
    CHECK(text.find("subject: ") != std::string::npos);
    CHECK(text.find("attachments:\n  - name: scope.pdf\n    size: 123456\n") != std::string::npos);
    CHECK(text.find("direction: out\nmessage_id: ") != std::string::npos);
    CHECK(text.find("notes: |") > text.find("attachments:"));  // the message's text goes last
    Visit back = read_visit(text, v.file);
    CHECK(back.subject == v.subject);
    CHECK(back.direction == "out");
    CHECK(back.message_id == v.message_id);
    CHECK(back.in_reply_to == v.in_reply_to);
    CHECK(back.attachments == v.attachments);
    CHECK(back.notes == v.notes);
    CHECK(problems(text, FileKind::visit).empty());

    // The cache keeps them, the message id even in the summary that `due` reads.
    std::string summary, detail;
    encode(v, summary, detail);
    Visit cached;
    REQUIRE(decode_summary(summary, cached));
    CHECK(cached.message_id == v.message_id);
    CHECK(cached.subject.empty());
    REQUIRE(decode_detail(detail, cached));
    CHECK(cached.subject == v.subject);
    CHECK(cached.attachments == v.attachments);
}

TEST_CASE("a calendar meeting's event and pending report; wrong values checked") {
    Visit v;
    v.date = *Date::parse_iso("2026-11-23");
    v.kind = "meeting";
    v.event = "040000008200E00074C5B7101A82E008@outlook;RECURRENCE-ID=20261123T090000Z";
    v.report = "pending";
    Visit back = read_visit(visit_yaml(v), "v.yaml");
    CHECK(back.event == v.event);
    CHECK(back.report == "pending");
    CHECK(problems("date: 2026-11-23\ndirection: sideways\nreport: done\n"
                   "attachments: [a.pdf]\n",
                   FileKind::visit) ==
          std::vector<std::string>{
              "f.yaml:2:12: direction: unknown direction 'sideways'",
              "f.yaml:3:9: report: unknown report 'done'",
              "f.yaml:4:15: attachments: each attachment is a map with name: and size:",
          });
    CHECK(problems("date: 2026-11-23\nattachments:\n  - {name: a.pdf, size: -1}\n",
                   FileKind::visit) ==
          std::vector<std::string>{"f.yaml:3:25: attachments.size: '-1' is not a number of bytes"});
}
