#pragma once
// The reviews report: the satisfaction spectrum (angry .. elated), the follow-ups still
// open, and the testimonials and referrals the reviews collected.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"

namespace crm {
inline namespace reports {

// A review seen from the report: copies of it and of its client's identity (kept.hpp),
// shared by the lists it is in.
struct ReviewRef {
    std::shared_ptr<const Client> client;
    std::shared_ptr<const Review> review;
};

struct FollowUp {
    ReviewRef ref;
    Date due;
};

struct ReviewsSummary {
    std::array<int, 5> counts{};  // by Rating, angry first
    int total = 0;
    std::vector<FollowUp> follow_ups;     // open ones, the earliest due first (overdue first)
    std::vector<ReviewRef> testimonials;  // newest first
    std::vector<ReviewRef> referrals;     // reviews with referrals, newest first
};

// An angry or unhappy review is followed up by any visit dated after it; until then a
// follow-up is due `follow_up` after the review date. Nullopt when none is needed.
std::optional<Date> open_follow_up_due(const ClientRecord& record, const Review& review,
                                       Duration follow_up);

// `since` and `until` limit the spectrum, testimonials and referrals to reviews dated on or
// after the one and on or before the other; open follow-ups are listed whatever their
// date, since they still need doing.
ReviewsSummary summarize_reviews(const std::vector<ClientRecord>& records, Duration follow_up,
                                 std::optional<Date> since, std::optional<Date> until = {});

// summarize_reviews one client at a time: add() each client in order (it keeps copies of
// the reviews the lists show), merge() the collector that saw the clients after this
// one's, finish().
class ReviewsCollector {
  public:
    ReviewsCollector(Duration follow_up, std::optional<Date> since, std::optional<Date> until = {})
        : follow_up_(follow_up), since_(since), until_(until) {}
    void add(const ClientRecord& rec);
    void merge(ReviewsCollector&& later);
    ReviewsSummary finish() &&;

  private:
    Duration follow_up_;
    std::optional<Date> since_;
    std::optional<Date> until_;
    ReviewsSummary summary_;  // its lists in client order, not yet sorted
};

}  // namespace reports
}  // namespace crm
