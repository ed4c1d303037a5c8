#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/reviews_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

struct Reviews {
    std::vector<ClientRecord> records;
    ReviewsSummary summary;
};

Reviews reviews() {
    Reviews r;
    r.records = {record("acme", "Acme Pty Ltd"), record("evil", "Evil\x1b]0;pwned\x07 Co")};
    Review angry = review("acme", "2026-11-10", Rating::angry, "Pump station");
    Review happy = review("evil", "2026-11-05", Rating::happy, "Bridge\x1b[2J retrofit");
    happy.testimonial = "Great\x1b]0;owned\x07 work, on time and on budget";
    happy.referrals = {"Ann Lee", "Bo\x1b[2J Chen"};
    r.records[0].reviews = {angry};
    r.records[1].reviews = {happy};
    const auto acme = std::make_shared<const Client>(r.records[0].client);
    const auto evil = std::make_shared<const Client>(r.records[1].client);
    r.summary.counts = {1, 0, 0, 1, 0};
    r.summary.total = 2;
    r.summary.follow_ups = {{{acme, std::make_shared<const Review>(angry)}, d("2026-11-17")}};
    r.summary.testimonials = {{evil, std::make_shared<const Review>(happy)}};
    r.summary.referrals = {{evil, std::make_shared<const Review>(happy)}};
    return r;
}

}  // namespace

TEST_CASE("reviews_table: spectrum, follow-ups, testimonials and referrals") {
    const Reviews r = reviews();
    CHECK(render::reviews_table(r.summary, std::nullopt, kToday, Styler(false), 0) ==
          "Satisfaction  2 reviews\n"
          "angry    ████████████████████████████████████████  1  50%\n"
          "unhappy                                            0  0%\n"
          "neutral                                            0  0%\n"
          "happy    ████████████████████████████████████████  1  50%\n"
          "elated                                             0  0%\n"
          "\n"
          "Open follow-ups  1\n"
          "DUE         WHEN        CLIENT        RATING  PROJECT\n"
          "2026-11-17  6d overdue  Acme Pty Ltd  angry   Pump station\n"
          "\n"
          "Testimonials  1\n"
          "  2026-11-05  Evil ]0;pwned  Co  Bridge [2J retrofit\n"
          "      \u201cGreat ]0;owned work, on time and on budget\u201d\n"
          "\n"
          "Referrals  2\n"
          "DATE        CLIENT             REFERRAL\n"
          "2026-11-05  Evil ]0;pwned  Co  Ann Lee\n"
          "2026-11-05  Evil ]0;pwned  Co  Bo [2J Chen\n");
}

TEST_CASE("reviews_table: --since in the heading, no follow-ups, nothing collected") {
    ReviewsSummary s;
    s.counts = {0, 0, 1, 0, 0};
    s.total = 1;
    const std::string out = render::reviews_table(s, d("2026-10-01"), kToday, Styler(false), 0);
    CHECK(out.starts_with("Satisfaction  1 review since 2026-10-01\n"));
    CHECK(out.find("neutral  ████████████████████████████████████████  1  100%\n") !=
          std::string::npos);
    CHECK(
        out.ends_with("Open follow-ups  0\n"
                      "  none: every angry or unhappy review has had a visit since\n"
                      "\n"
                      "Testimonials  0\n"
                      "\n"
                      "Referrals  0\n"));
}

TEST_CASE("reviews_table: a narrow terminal wraps names and projects and the testimonial") {
    const Reviews r = reviews();
    const std::string out =
        render::reviews_table(r.summary, std::nullopt, kToday, Styler(false), 40);
    CHECK(out.find("  2026-11-05  Evil ]0;pwned  Co  Bridge [2…\n") != std::string::npos);
    // Tables fit: one column says when (DUE goes below 100 columns), names and projects
    // wrap whole.
    CHECK(out.find("WHEN        CLIENT     RATING  PROJECT\n"
                   "6d overdue  Acme Pty   angry   Pump\n"
                   "            Ltd                station\n") != std::string::npos);
    CHECK(out.find("2026-11-05  Evil ]0;pwned    Bo [2J Chen\n"
                   "            Co\n") != std::string::npos);
    const std::string follow = out.substr(out.find("Open follow-ups"));
    CHECK(widest_line(follow.substr(0, follow.find("\n\n"))) <= 40);
    CHECK(widest_line(out.substr(out.find("Referrals"))) <= 40);
    // wrap() shows the controls as spaces, then breaks between words.
    CHECK(out.find("      \u201cGreat ]0;owned work, on time and\n"
                   "      on budget\u201d\n") != std::string::npos);
    const std::string chart = out.substr(0, out.find("\n\n") + 1);
    CHECK(widest_line(chart) <= 40);
}

TEST_CASE("reviews_table: each rating its colour; overdue follow-ups red; no control leaks") {
    const Reviews r = reviews();
    const std::string out = render::reviews_table(r.summary, std::nullopt, kToday, Styler(true), 0);
    CHECK(out.starts_with("\x1b[1mSatisfaction\x1b[0m  \x1b[2m2 reviews\x1b[0m\n"));
    CHECK(out.find("\x1b[31m████") != std::string::npos);  // angry
    CHECK(out.find("\x1b[32m████") != std::string::npos);  // happy
    CHECK(out.find("\x1b[31m6d overdue\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[1mEvil ]0;pwned  Co\x1b[0m  \x1b[2mBridge [2J retrofit\x1b[0m\n") !=
          std::string::npos);
    CHECK_FALSE(has_controls(without_styles(out)));
}

TEST_CASE("reviews_json: the spectrum in rating order, every referral its own entry") {
    const Reviews r = reviews();
    const auto j = formats::Json::parse(render::reviews_json(r.summary, d("2026-10-01"), kToday));
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"as_of", "since", "total", "spectrum", "follow_ups",
                                           "testimonials", "referrals"});
    CHECK(j["since"] == "2026-10-01");
    CHECK(j["spectrum"][0] == formats::Json{{"rating", "angry"}, {"count", 1}});
    CHECK(j["follow_ups"][0]["overdue"] == true);
    CHECK(j["follow_ups"][0]["review_date"] == "2026-11-10");
    CHECK(j["testimonials"][0]["testimonial"] ==
          "Great\x1b]0;owned\x07 work, on time and on budget");
    REQUIRE(j["referrals"].size() == 2);
    CHECK(j["referrals"][1]["referral"] == "Bo\x1b[2J Chen");
    const auto none = formats::Json::parse(render::reviews_json({}, std::nullopt, kToday));
    CHECK(none["since"].is_null());
    CHECK(none["follow_ups"].empty());
}
