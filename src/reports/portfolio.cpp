#include "crm/reports/portfolio.hpp"

#include <algorithm>
#include <iterator>

#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

namespace {

constexpr std::size_t kBandCount = std::size(kTierBands);

std::size_t tier_position(const std::string& tier, const std::vector<std::string>& tiers) {
    auto it = std::find(tiers.begin(), tiers.end(), tier);
    return static_cast<std::size_t>(it - tiers.begin());
}

// A tier's band: tiers past the table share its last band.
ScoreBand band_of_position(std::size_t position) {
    return kTierBands[std::min(position, kBandCount - 1)];
}

}  // namespace

std::size_t band_for_score(int score) {
    for (std::size_t i = 0; i < kBandCount; ++i)
        if (score >= kTierBands[i].min)
            return i;
    return kBandCount - 1;
}

std::optional<std::string> suggest_tier(const Ratings& ratings, const std::string& tier,
                                        const std::vector<std::string>& tiers) {
    if (!ratings.complete() || tiers.empty())
        return std::nullopt;
    const std::size_t position = tier_position(tier, tiers);
    if (position >= tiers.size())
        return std::nullopt;
    const int score = ratings.score();
    const ScoreBand band = band_of_position(position);
    if (score >= band.min - kTierSlack && score <= band.max + kTierSlack)
        return std::nullopt;
    const std::size_t suggested = std::min(band_for_score(score), tiers.size() - 1);
    // Tiers past the table share its last band: a low score in tier D is no reason to
    // move it to C.
    if (suggested == position || (suggested == kBandCount - 1 && position >= kBandCount - 1))
        return std::nullopt;
    return tiers[suggested];
}

PortfolioCollector::PortfolioCollector(const Settings& settings, Date today)
    : settings_(&settings),
      tiers_(settings.tier_names()),
      today_(today),
      year_ago_(Duration{1, Duration::Unit::years}.before(today)) {}

void PortfolioCollector::add(const ClientRecord& rec) {
    const Client& c = rec.client;
    PortfolioRow row;
    row.slug = c.slug;
    row.name = c.name;
    row.stage = c.stage;
    row.tier = c.tier.empty() ? settings_->default_tier : c.tier;
    row.ratings = c.ratings;
    if (c.ratings.complete())
        row.score = c.ratings.score();
    if (!settings_->is_inactive(c.stage))
        row.suggestion = suggest_tier(c.ratings, row.tier, tiers_);
    for (const auto& v : rec.visits) {
        // Contact as `due` counts it: visits of the cadence kinds, not every e-mail.
        const bool contact = settings_->is_cadence_kind(v.kind);
        if (contact && (!row.last_contact || v.date > *row.last_contact))
            row.last_contact = v.date;
        if (contact && v.date > year_ago_ && v.date <= today_)
            ++row.visits_12m;
        for (const auto& pr : v.promises)
            if (pr.open())
                ++row.open_promises;
    }
    const Review* last_review = nullptr;
    for (const auto& r : rec.reviews)
        if (!last_review || r.date >= last_review->date)
            last_review = &r;
    if (last_review)
        row.last_review = *last_review;
    for (const auto& o : rec.opportunities)
        if (o.won && *o.won > year_ago_ && *o.won <= today_ && o.value)
            row.won_12m += o.value->amount;
    rows_.push_back(std::move(row));
}

void PortfolioCollector::merge(PortfolioCollector&& later) {
    std::move(later.rows_.begin(), later.rows_.end(), std::back_inserter(rows_));
    later.rows_.clear();
}

Portfolio PortfolioCollector::finish() && {
    Portfolio p;
    for (const auto& t : settings_->tiers)
        p.groups.push_back({t.name, t.every, true, {}});
    for (auto& row : rows_) {
        auto group = std::find_if(p.groups.begin(), p.groups.end(),
                                  [&](const PortfolioGroup& g) { return g.tier == row.tier; });
        if (group == p.groups.end()) {
            p.groups.push_back({row.tier, std::nullopt, false, {}});
            group = std::prev(p.groups.end());
        }
        group->rows.push_back(std::move(row));
    }
    // Unknown tiers after the configured ones, by name.
    auto first_unknown = std::find_if(p.groups.begin(), p.groups.end(),
                                      [](const PortfolioGroup& g) { return !g.configured; });
    std::sort(first_unknown, p.groups.end(),
              [](const PortfolioGroup& a, const PortfolioGroup& b) { return a.tier < b.tier; });

    for (auto& g : p.groups) {
        std::sort(g.rows.begin(), g.rows.end(), [](const PortfolioRow& a, const PortfolioRow& b) {
            // Scored first, then partly rated, then unrated.
            auto rank = [](const PortfolioRow& r) {
                return r.score ? *r.score : r.ratings.any() ? -1 : -2;
            };
            const int sa = rank(a);
            const int sb = rank(b);
            if (sa != sb)
                return sa > sb;
            return fold_case(a.name) < fold_case(b.name);
        });
    }
    for (const auto& g : p.groups) {
        for (const auto& r : g.rows) {
            if (r.suggestion)
                p.flagged.push_back(&r);
            if (!r.ratings.any())
                p.unrated.push_back(&r);
        }
    }
    return p;
}

Portfolio build_portfolio(const std::vector<ClientRecord>& records, const Settings& settings,
                          Date today) {
    PortfolioCollector portfolio(settings, today);
    for (const auto& rec : records)
        portfolio.add(rec);
    return std::move(portfolio).finish();
}

}  // namespace reports
}  // namespace crm
