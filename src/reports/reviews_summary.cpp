#include "crm/reports/reviews_summary.hpp"

#include <algorithm>
#include <iterator>

#include "kept.hpp"

namespace crm {
inline namespace reports {

std::optional<Date> open_follow_up_due(const ClientRecord& record, const Review& review,
                                       Duration follow_up) {
    if (!needs_follow_up(review.rating))
        return std::nullopt;
    for (const auto& v : record.visits)
        if (v.date > review.date)
            return std::nullopt;
    return follow_up.after(review.date);
}

void ReviewsCollector::add(const ClientRecord& rec) {
    std::shared_ptr<const Client> client;  // copied once, for its first review listed
    for (const auto& r : rec.reviews) {
        const auto due = open_follow_up_due(rec, r, follow_up_);
        const bool counted = (!since_ || r.date >= *since_) && (!until_ || r.date <= *until_);
        const bool listed = due || (counted && (!r.testimonial.empty() || !r.referrals.empty()));
        if (counted) {
            ++summary_.counts[static_cast<std::size_t>(r.rating)];
            ++summary_.total;
        }
        if (!listed)
            continue;
        if (!client)
            client = std::make_shared<const Client>(client_identity(rec.client));
        const ReviewRef ref{client, std::make_shared<const Review>(r)};
        if (due)
            summary_.follow_ups.push_back({ref, *due});
        if (!counted)
            continue;
        if (!r.testimonial.empty())
            summary_.testimonials.push_back(ref);
        if (!r.referrals.empty())
            summary_.referrals.push_back(ref);
    }
}

void ReviewsCollector::merge(ReviewsCollector&& later) {
    ReviewsSummary& s = summary_;
    ReviewsSummary& l = later.summary_;
    for (std::size_t i = 0; i < s.counts.size(); ++i)
        s.counts[i] += l.counts[i];
    s.total += l.total;
    auto append = [](auto& to, auto& from) {
        std::move(from.begin(), from.end(), std::back_inserter(to));
        from.clear();
    };
    append(s.follow_ups, l.follow_ups);
    append(s.testimonials, l.testimonials);
    append(s.referrals, l.referrals);
}

ReviewsSummary ReviewsCollector::finish() && {
    ReviewsSummary s = std::move(summary_);
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

ReviewsSummary summarize_reviews(const std::vector<ClientRecord>& records, Duration follow_up,
                                 std::optional<Date> since, std::optional<Date> until) {
    ReviewsCollector reviews(follow_up, since, until);
    for (const auto& rec : records)
        reviews.add(rec);
    return std::move(reviews).finish();
}

}  // namespace reports
}  // namespace crm
