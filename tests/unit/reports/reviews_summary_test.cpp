#include <doctest/doctest.h>

#include "crm/reports/reviews_summary.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

Review review(const char* date, Rating r, std::string testimonial = "",
              std::vector<std::string> referrals = {}) {
    Review rv;
    rv.date = crm::test::day(date);
    rv.rating = r;
    rv.testimonial = std::move(testimonial);
    rv.referrals = std::move(referrals);
    return rv;
}

Visit visit(const char* date) {
    Visit v;
    v.date = crm::test::day(date);
    return v;
}

const Duration kWeek{7, Duration::Unit::days};

}  // namespace

TEST_CASE("an angry or unhappy review needs a follow-up until a visit is dated after it") {
    ClientRecord rec;
    rec.visits = {visit("2026-11-12")};  // the review meeting itself does not count
    Review r = review("2026-11-12", Rating::unhappy);
    CHECK(open_follow_up_due(rec, r, kWeek) == crm::test::day("2026-11-19"));
    rec.visits.push_back(visit("2026-11-13"));
    CHECK_FALSE(open_follow_up_due(rec, r, kWeek));
    ClientRecord none;
    CHECK(open_follow_up_due(none, review("2026-11-18", Rating::angry), kWeek) ==
          crm::test::day("2026-11-25"));
    CHECK_FALSE(open_follow_up_due(none, review("2026-11-18", Rating::neutral), kWeek));
    CHECK_FALSE(open_follow_up_due(none, review("2026-11-18", Rating::elated), kWeek));
}

TEST_CASE("the summary counts the spectrum and lists follow-ups, testimonials, referrals") {
    std::vector<ClientRecord> records(2);
    records[0].client.slug = "acme";
    records[0].reviews = {review("2026-01-10", Rating::happy, "Great", {"Tom"}),
                          review("2026-06-01", Rating::elated, "Superb", {"Ann", "Bo"}),
                          review("2026-11-18", Rating::angry)};
    records[1].client.slug = "bolt";
    records[1].reviews = {review("2026-03-01", Rating::unhappy),
                          review("2026-11-01", Rating::happy, "Fine")};
    records[1].visits = {visit("2026-02-01")};

    const auto s = summarize_reviews(records, kWeek, std::nullopt);
    CHECK(s.total == 5);
    CHECK(s.counts == std::array<int, 5>{1, 1, 0, 2, 1});
    REQUIRE(s.follow_ups.size() == 2);
    CHECK(s.follow_ups[0].ref.client->slug == "bolt");  // the earliest due first
    CHECK(s.follow_ups[0].due == crm::test::day("2026-03-08"));
    CHECK(s.follow_ups[1].due == crm::test::day("2026-11-25"));
    REQUIRE(s.testimonials.size() == 3);
    CHECK(s.testimonials[0].review->testimonial == "Fine");  // newest first
    CHECK(s.testimonials[2].review->testimonial == "Great");
    REQUIRE(s.referrals.size() == 2);
    CHECK(s.referrals[0].review->referrals.size() == 2);

    SUBCASE("since limits everything but the open follow-ups") {
        const auto later = summarize_reviews(records, kWeek, crm::test::day("2026-06-01"));
        CHECK(later.total == 3);
        CHECK(later.counts == std::array<int, 5>{1, 0, 0, 1, 1});
        CHECK(later.follow_ups.size() == 2);
        CHECK(later.testimonials.size() == 2);
        CHECK(later.referrals.size() == 1);
    }
}

TEST_CASE("no reviews: an empty summary") {
    const auto s = summarize_reviews({}, kWeek, std::nullopt);
    CHECK(s.total == 0);
    CHECK(s.follow_ups.empty());
}
