#include "crm/model/opportunity.hpp"

#include <charconv>
#include <cmath>

#include "crm/model/layout.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

namespace {

// The spec's month for "months engaged before the RFP": a year's mean month.
constexpr double kDaysPerMonth = 30.44;
// 15 digits before the point still read back exactly from a double.
constexpr std::size_t kMaxMoneyDigits = 14;

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

Outcome outcome_of(const Opportunity& o) {
    if (o.won)
        return Outcome::won;
    if (o.lost)
        return Outcome::lost;
    if (o.stage == kWonStage)
        return Outcome::won;
    if (o.stage == kLostStage)
        return Outcome::lost;
    return Outcome::open;
}

const std::string& owner_of(const Opportunity& o) {
    return o.owner.empty() ? o.by : o.owner;
}

std::string stage_of(const Opportunity& o, const Settings& s) {
    switch (outcome_of(o)) {
        case Outcome::won:
            return std::string(kWonStage);
        case Outcome::lost:
            return std::string(kLostStage);
        case Outcome::open:
            break;
    }
    if (!o.stage.empty() || s.opportunity_stages.empty())
        return o.stage;
    return s.opportunity_stages.front().name;
}

int probability_of(const Opportunity& o, const Settings& s) {
    if (o.probability)
        return o.probability->points;
    const std::string stage = stage_of(o, s);
    if (stage == kWonStage)
        return 100;
    if (const OpportunityStage* st = s.find_opportunity_stage(stage))
        return st->probability;
    return 0;
}

std::optional<double> weighted_value(const Opportunity& o, const Settings& s) {
    if (!o.value)
        return std::nullopt;
    const double weighted = o.value->amount * probability_of(o, s) / 100.0;
    return std::round(weighted * 100.0) / 100.0;
}

std::optional<Date> engaged_on(const Opportunity& o) {
    return o.engaged ? o.engaged : record_file_date(o.file);
}

std::optional<Date> rfp_date(const Opportunity& o) {
    return o.rfp_since ? o.rfp_since : o.rfp_expected;
}

std::optional<double> months_before_rfp(const Opportunity& o) {
    const auto engaged = engaged_on(o);
    const auto rfp = rfp_date(o);
    if (!engaged || !rfp)
        return std::nullopt;
    const double months = engaged->days_until(*rfp) / kDaysPerMonth;
    return std::round(months * 10.0) / 10.0 + 0.0;  // + 0.0: never -0.0
}

Engagement engagement_of(const Opportunity& o) {
    const auto engaged = engaged_on(o);
    const auto rfp = rfp_date(o);
    if (!engaged || !rfp)
        return Engagement::unknown;
    return *engaged < *rfp ? Engagement::early : Engagement::late;
}

std::optional<Money> parse_money(std::string_view text) {
    const std::string t = trim(text);
    const std::size_t point = t.find('.');
    const std::string_view whole = std::string_view(t).substr(0, point);
    if (!all_digits(whole) || whole.size() > kMaxMoneyDigits)
        return std::nullopt;
    if (point != std::string::npos && !all_digits(std::string_view(t).substr(point + 1)))
        return std::nullopt;
    double amount = 0;
    const char* end = t.data() + t.size();
    auto [at, ec] = std::from_chars(t.data(), end, amount, std::chars_format::fixed);
    if (ec != std::errc() || at != end)
        return std::nullopt;
    return Money{amount};
}

std::string money_text(Money m) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, m.amount, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buf, end) : "0";
}

std::optional<Percent> parse_percent(std::string_view text) {
    std::string t = trim(text);
    if (t.ends_with('%'))
        t = trim(std::string_view(t).substr(0, t.size() - 1));
    if (!all_digits(t) || t.size() > 3)
        return std::nullopt;
    const int points = std::stoi(t);
    if (points > 100)
        return std::nullopt;
    return Percent{points};
}

}  // namespace model
}  // namespace crm
