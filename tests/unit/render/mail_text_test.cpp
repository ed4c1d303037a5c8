// The subject and body of a reminder and of an alert.
#include <doctest/doctest.h>

#include "crm/render/mail_text.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

DueItem due_item(DueType type, const char* due, const char* what, const char* name) {
    DueItem i;
    i.type = type;
    i.client = "acme";
    i.name = name;
    i.due = crm::test::day(due);
    i.what = what;
    i.reason = "promised at the 2026-11-02 visit by Bob Jones";
    return i;
}

const Date kToday = crm::test::day("2026-11-23");

}  // namespace

TEST_CASE("a reminder: how many, by when, overdue first under their own heading") {
    Reminder r{{"Bob Jones", "bob@x.example"},
               {due_item(DueType::promise, "2026-11-20", "Send capability statement", "Acme"),
                due_item(DueType::action, "2026-11-27", "Ask for the estimate", "Acme")},
               1};
    CHECK(render::remind_subject(r, crm::test::day("2026-11-30")) ==
          "crm: 2 things due by 2026-11-30 (1 overdue)");
    const std::string body = render::remind_body(r, kToday, crm::test::day("2026-11-30"));
    CHECK(
        body.starts_with("Hello Bob Jones,\n\n2 things are yours to do by 2026-11-30 (as of "
                         "2026-11-23), 1 of them overdue.\n"));
    CHECK(body.find(
              "Overdue:\n\n  2026-11-20  promise    Acme\n"
              "              Send capability statement\n"
              "              3 days overdue; promised at the 2026-11-02 visit by Bob Jones\n") !=
          std::string::npos);
    CHECK(body.find("Overdue:") < body.find("Due by 2026-11-30:"));
    CHECK(body.find("Due by 2026-11-30:") < body.find("Ask for the estimate"));
    CHECK(body.find("in 4 days") != std::string::npos);

    Reminder one{{"Bob Jones", "bob@x.example"},
                 {due_item(DueType::contact, "2026-11-25", "get in touch", "Acme")},
                 0};
    CHECK(render::remind_subject(one, crm::test::day("2026-11-30")) ==
          "crm: 1 thing due by 2026-11-30");
    const std::string b = render::remind_body(one, kToday, crm::test::day("2026-11-30"));
    CHECK(b.find("1 thing is yours to do by 2026-11-30 (as of 2026-11-23).\n") !=
          std::string::npos);
    CHECK(b.find("Overdue") == std::string::npos);
}

TEST_CASE("an alert: by client, each record with its author, summary, promises, next contact") {
    AlertItem v{"clients/acme/visits/v.yaml",
                crm::test::day("2026-11-22"),
                "Carol White",
                "visit",
                "Phase 2 scope",
                {{"Send capability statement", crm::test::day("2026-11-30"), std::nullopt},
                 {"Site photos", std::nullopt, crm::test::day("2026-11-22")}},
                crm::test::day("2026-12-15")};
    AlertItem rv{"clients/acme/reviews/r.yaml",
                 crm::test::day("2026-11-23"),
                 "",
                 "review",
                 "happy: Bridge",
                 {},
                 std::nullopt};
    Alert a{{"Alice Smith", "alice@x.example"},
            {{"acme", "Acme Engineering", true, false, {v, rv}}}};
    CHECK(render::notify_subject(a) == "crm: 2 new reports at Acme Engineering");
    const std::string body = render::notify_body(a, "added since the last notice (2026-11-20)");
    CHECK(body.find("2 new reports at the clients you watch or own, added since the last notice "
                    "(2026-11-20):\n\nAcme Engineering (acme), you own it\n"
                    "  2026-11-22  visit by Carol White\n"
                    "    Phase 2 scope\n"
                    "    Promised: Send capability statement, due 2026-11-30\n"
                    "    Promised: Site photos (done 2026-11-22)\n"
                    "    Next contact: 2026-12-15\n"
                    "  2026-11-23  review by someone\n"
                    "    happy: Bridge\n") != std::string::npos);

    a.clients.push_back({"beta", "Beta", false, true, {rv}});
    CHECK(render::notify_subject(a) == "crm: 3 new reports at 2 clients");
    CHECK(render::notify_body(a, "x").find("Beta (beta), you watch it") != std::string::npos);
}

TEST_CASE("text from the files reaches the mail without control characters") {
    Reminder r{{"Bob\nJones", "bob@x.example"},
               {due_item(DueType::promise, "2026-11-25", "Send\x1b[2J it\r\nnow", "Ev\til")},
               0};
    const std::string body = render::remind_body(r, kToday, crm::test::day("2026-11-30"));
    CHECK(body.find('\x1b') == std::string::npos);
    CHECK(body.find('\r') == std::string::npos);
    CHECK(body.find('\t') == std::string::npos);
    CHECK(body.find("Hello Bob Jones,") != std::string::npos);
    CHECK(body.find("Send [2J it  now") != std::string::npos);
}
