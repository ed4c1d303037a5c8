#include "crm/model/date.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <vector>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

namespace chr = std::chrono;

namespace {

chr::year_month_day ymd_of(int days) {
    return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
    chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                            chr::day{static_cast<unsigned>(day)}};
    if (year < 1 || year > 9999 || !ymd.ok())
        return std::nullopt;
    return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

std::optional<Date> Date::parse_iso(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d))
        return std::nullopt;
    return from_ymd(to_int(y), to_int(m), to_int(d));
}

int Date::year() const {
    return static_cast<int>(ymd_of(days_).year());
}
int Date::month() const {
    return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month()));
}
int Date::day() const {
    return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day()));
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (index 3 when Monday is 0).
    return ((days_ % 7) + 7 + 3) % 7;
}

std::string Date::iso() const {
    return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}

Date Date::plus_months(int n) const {
    auto ymd = ymd_of(days_);
    // In 64 bits and clamped to what chrono::year holds: `+99999y` must not wrap around.
    long long total = static_cast<long long>(static_cast<int>(ymd.year())) * 12 +
                      static_cast<unsigned>(ymd.month()) - 1 + n;
    long long y = total >= 0 ? total / 12 : (total - 11) / 12;
    int m = static_cast<int>(total - y * 12) + 1;
    y = std::clamp(y, -32767LL, 32767LL);
    chr::year_month_day target =
        chr::year{static_cast<int>(y)} / chr::month{static_cast<unsigned>(m)} / chr::day{1};
    auto last = chr::year_month_day_last{target.year() / target.month() / chr::last}.day();
    auto day = ymd.day() > last ? last : ymd.day();
    return Date(chr::sys_days{target.year() / target.month() / day}.time_since_epoch().count());
}

Date Duration::after(Date d) const {
    switch (unit) {
        case Unit::days:
            return d.plus_days(count);
        case Unit::weeks:
            return d.plus_days(7 * count);
        case Unit::months:
            return d.plus_months(count);
        case Unit::years:
            return d.plus_months(12 * count);
    }
    return d;
}

Date Duration::before(Date d) const {
    return Duration{-count, unit}.after(d);
}

std::string Duration::str() const {
    static constexpr char kSuffix[] = {'d', 'w', 'm', 'y'};
    return std::to_string(count) + kSuffix[static_cast<int>(unit)];
}

std::optional<Duration> parse_duration(std::string_view t) {
    if (t.size() < 2 || t.size() > 6)
        return std::nullopt;
    auto digits = t.substr(0, t.size() - 1);
    if (!all_digits(digits))
        return std::nullopt;
    Duration d{to_int(digits), Duration::Unit::days};
    switch (t.back()) {
        case 'd':
            d.unit = Duration::Unit::days;
            break;
        case 'w':
            d.unit = Duration::Unit::weeks;
            break;
        case 'm':
            d.unit = Duration::Unit::months;
            break;
        case 'y':
            d.unit = Duration::Unit::years;
            break;
        default:
            return std::nullopt;
    }
    return d;
}

Duration parse_duration_arg(std::string_view text, std::string_view option) {
    if (auto d = parse_duration(text))
        return *d;
    throw UsageError(fmt::format("{}: '{}' is not a duration", option, text),
                     "use a number followed by d, w, m or y, such as 7d, 2w, 1m, 1y");
}

std::string relative_days(Date day, Date today) {
    int n = today.days_until(day);
    if (n == 0)
        return "today";
    if (n == 1)
        return "tomorrow";
    if (n == -1)
        return "1 day overdue";
    if (n < 0)
        return fmt::format("{} days overdue", -n);
    return fmt::format("in {} days", n);
}

}  // namespace model
}  // namespace crm
