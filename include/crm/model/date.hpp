#pragma once
// Calendar dates as a count of days, and the date grammar of the command line.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "crm/util/format.hpp"

namespace crm {
inline namespace model {

class Date {
  public:
    Date() = default;
    static Date from_days(int days_since_epoch) { return Date(days_since_epoch); }
    static std::optional<Date> from_ymd(int year, int month, int day);
    // Strict YYYY-MM-DD: four-digit year, two-digit month and day, a real calendar day.
    static std::optional<Date> parse_iso(std::string_view text);

    int days() const { return days_; }
    int year() const;
    int month() const;
    int day() const;
    int weekday() const;  // 0 = Monday .. 6 = Sunday
    std::string iso() const;

    Date plus_days(int n) const { return Date(days_ + n); }
    // Calendar months; the day is clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    Date plus_months(int n) const;
    int days_until(Date later) const { return later.days_ - days_; }

    auto operator<=>(const Date&) const = default;

  private:
    explicit Date(int days) : days_(days) {}
    int days_ = 0;
};

// A span such as 30d, 2w, 1m, 1y.
struct Duration {
    enum class Unit { days, weeks, months, years };
    int count = 0;
    Unit unit = Unit::days;

    Date after(Date d) const;
    Date before(Date d) const;
    std::string str() const;
    bool operator==(const Duration&) const = default;
};

// Nd, Nw, Nm, Ny; nullopt when the text is anything else.
std::optional<Duration> parse_duration(std::string_view text);

// Which way a relative day name points: `log-visit --date fri` means the last Friday,
// `--next fri` the coming one.
enum class DateDirection { past, future };

// How to read 15/12 and 12/15 (crm.yaml's date_order); none: refused as ambiguous.
enum class DateOrder { none, dmy, mdy };
std::optional<DateOrder> parse_date_order(std::string_view text);  // "dmy", "mdy"

// The whole date grammar of spec section 3 (date_phrase.cpp): YYYY-MM-DD (or unpadded,
// 2026-12-5), today, yesterday, tomorrow (tmrw), +3d, -2w, +1m, +1y, +2 weeks; weekday
// names (past-facing: the latest such day on or before today; future-facing: the next
// after it), next fri (the first after today), this fri (today or the coming one), last
// fri (the latest before today), a weekday with its day (friday 28th: the 28th, refused
// when it is another weekday); a day and a month in either order, with ordinals and an
// optional year (15 dec, Dec 15th, the 15th of December 2026: the nearest such day in
// the option's direction, today included), an ordinal alone (1st: of the nearest month);
// 15/12, 12/15, 15.12. as `order` says; and, as GNU date reads them, in 3 days, 2 weeks,
// eow, eom, eoq, eoy, end of (next) week|month|quarter|year, next week (next Monday),
// next month (the first of next month), next year for future-facing options, 3 days ago
// and last fri for past-facing ones. Case, commas, "the" and "of" do not matter. Throws
// UsageError naming `option`, the value and the accepted forms (or why that day is not).
Date parse_date_arg(std::string_view text, Date today, DateDirection direction,
                    std::string_view option, DateOrder order = DateOrder::none);

// Whether text that is no date was meant as one (`--promise "Send it by fri 31st"`): it
// starts with a digit, a weekday or month name, next, this, last, end, in, eo, or +.
bool looks_like_date(std::string_view text);

// "Mon".."Sun": for saying what a date was understood as ("due Fri 2026-11-27").
std::string_view weekday_short(Date d);

Duration parse_duration_arg(std::string_view text, std::string_view option);

// "today", "tomorrow", "in 3 days", "3 days overdue" style phrases for reports.
std::string relative_days(Date day, Date today);

}  // namespace model
}  // namespace crm

// fmt::format("{}", date) writes YYYY-MM-DD; a Duration writes as it is typed (30d).
template <>
struct fmt::formatter<crm::Date> : fmt::formatter<std::string_view> {
    template <class FormatContext>
    auto format(const crm::Date& d, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(d.iso(), ctx);
    }
};

template <>
struct fmt::formatter<crm::Duration> : fmt::formatter<std::string_view> {
    template <class FormatContext>
    auto format(const crm::Duration& d, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(d.str(), ctx);
    }
};
