#include "crm/reports/reviews_summary.hpp"

#include <algorithm>

namespace crm {

std::optional<Date> open_follow_up_due(const ClientRecord& record, const Review& review,
                                       Duration follow_up) {
    if (!needs_follow_up(review.rating))
        return std::nullopt;
    for (const auto& v : record.visits)
        if (v.date > review.date)
            return std::nullopt;
    return follow_up.after(review.date);
}

ReviewsSummary summarize_reviews(const std::vector<ClientRecord>& records, Duration follow_up,
                                 std::optional<Date> since) {
    ReviewsSummary s;
    for (const auto& rec : records) {
        for (const auto& r : rec.reviews) {
            const ReviewRef ref{&rec.client, &r};
            if (auto due = open_follow_up_due(rec, r, follow_up))
                s.follow_ups.push_back({ref, *due});
            if (since && r.date < *since)
                continue;
            ++s.counts[static_cast<std::size_t>(r.rating)];
            ++s.total;
            if (!r.testimonial.empty())
                s.testimonials.push_back(ref);
            if (!r.referrals.empty())
                s.referrals.push_back(ref);
        }
    }
    auto by_name = [](const ReviewRef& a, const ReviewRef& b) {
        return a.client->slug < b.client->slug;
    };
    std::sort(s.follow_ups.begin(), s.follow_ups.end(), [&](const FollowUp& a, const FollowUp& b) {
        if (a.due != b.due)
            return a.due < b.due;
        return by_name(a.ref, b.ref);
    });
    auto newest_first = [&](const ReviewRef& a, const ReviewRef& b) {
        if (a.review->date != b.review->date)
            return a.review->date > b.review->date;
        return by_name(a, b);
    };
    std::stable_sort(s.testimonials.begin(), s.testimonials.end(), newest_first);
    std::stable_sort(s.referrals.begin(), s.referrals.end(), newest_first);
    return s;
}

}  // namespace crm
