#pragma once
// The reviews report: the satisfaction spectrum (angry .. elated), the follow-ups still
// open, and the testimonials and referrals the reviews collected.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"

namespace crm {

// A review seen from the report, pointing into the ClientRecord it came from.
struct ReviewRef {
    const Client* client = nullptr;
    const Review* review = nullptr;
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

// `since` limits the spectrum, testimonials and referrals to reviews dated on or after
// it; open follow-ups are listed whatever their date, since they still need doing.
// The result points into `records`; keep them alive.
ReviewsSummary summarize_reviews(const std::vector<ClientRecord>& records, Duration follow_up,
                                 std::optional<Date> since);

}  // namespace crm
