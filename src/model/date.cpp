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

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::optional<int> weekday_index(std::string_view word) {
    std::string w = ascii_lower(word);
    for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
        if (w == kWeekdays[i] || (w.size() >= 3 && kWeekdays[i].starts_with(w))) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// 1-12 for a month's name or its first three letters (and "sept").
std::optional<int> month_index(std::string_view w) {
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (w == kMonths[i] || (w.size() >= 3 && kMonths[i].starts_with(w)))
            return static_cast<int>(i) + 1;
    return std::nullopt;
}

const char* kDateForms =
    "use YYYY-MM-DD, today, yesterday, tomorrow, +3d, -2w, +1m, +1y, a weekday (fri), a day "
    "and month (15 dec, dec 15), or for a due date eow, eom, eoq, eoy, next week, next month";

// Words split at blanks, lowercase.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            if (!w.empty())
                out.push_back(std::move(w));
            w.clear();
        } else {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!w.empty())
        out.push_back(std::move(w));
    return out;
}

// "15 dec", "dec 15", "15 december", "December 15": the next such day on or after today
// (future), or the latest on or before it (past).
std::optional<Date> month_day(const std::vector<std::string>& w, Date today,
                              DateDirection direction) {
    if (w.size() != 2)
        return std::nullopt;
    const bool day_first = all_digits(w[0]);
    const std::string& day_word = day_first ? w[0] : w[1];
    const auto month = month_index(day_first ? w[1] : w[0]);
    if (!month || !all_digits(day_word) || day_word.size() > 2)
        return std::nullopt;
    const int day = to_int(day_word);
    // A day that no year has (31 nov) is no date; 29 feb waits for a leap year.
    if (!Date::from_ymd(2024, *month, day))
        return std::nullopt;
    for (int n = 0; n < 9; ++n) {  // nine years always hold a 29 feb
        const int y = direction == DateDirection::future ? today.year() + n : today.year() - n;
        auto d = Date::from_ymd(y, *month, day);
        if (d && (direction == DateDirection::future ? *d >= today : *d <= today))
            return d;
    }
    return std::nullopt;
}

// "+2 weeks", "-3 days": a duration in words.
std::optional<Duration> worded_duration(const std::vector<std::string>& w) {
    if (w.size() != 2 || w[0].size() < 2 || (w[0][0] != '+' && w[0][0] != '-'))
        return std::nullopt;
    std::string unit = w[1];
    if (unit.ends_with('s'))
        unit.pop_back();
    const char letter = unit == "day"     ? 'd'
                        : unit == "week"  ? 'w'
                        : unit == "month" ? 'm'
                        : unit == "year"  ? 'y'
                                          : '\0';
    if (!letter)
        return std::nullopt;
    return parse_duration(w[0].substr(1) + letter);
}

Date end_of_month(Date d) {
    return Date::from_ymd(d.year(), d.month(), 1)->plus_months(1).plus_days(-1);
}

// The future-facing words: eow (this week's Friday, today on a Friday), eom, eoq, eoy
// (the last day of this month, quarter, year), next week (next Monday), next month (the
// first of next month), end of month.
std::optional<Date> period_end(const std::string& phrase, Date today) {
    if (phrase == "eow" || phrase == "end of week")
        return today.plus_days((4 - today.weekday() + 7) % 7);
    if (phrase == "eom" || phrase == "end of month")
        return end_of_month(today);
    if (phrase == "eoq" || phrase == "end of quarter") {
        const int last_month = ((today.month() - 1) / 3 + 1) * 3;
        return end_of_month(*Date::from_ymd(today.year(), last_month, 1));
    }
    if (phrase == "eoy" || phrase == "end of year")
        return Date::from_ymd(today.year(), 12, 31);
    if (phrase == "next week")
        return today.plus_days(7 - today.weekday());
    if (phrase == "next month")
        return Date::from_ymd(today.year(), today.month(), 1)->plus_months(1);
    return std::nullopt;
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

Date parse_date_arg(std::string_view text, Date today, DateDirection direction,
                    std::string_view option) {
    if (auto iso = Date::parse_iso(text))
        return *iso;
    std::string word = ascii_lower(text);
    if (word == "today")
        return today;
    if (word == "yesterday")
        return today.plus_days(-1);
    if (word == "tomorrow")
        return today.plus_days(1);
    if ((word.starts_with('+') || word.starts_with('-')) && word.size() > 1) {
        if (auto d = parse_duration(std::string_view(word).substr(1))) {
            Date result = word[0] == '+' ? d->after(today) : d->before(today);
            if (result.year() >= 1 && result.year() <= 9999)
                return result;
        }
    }
    const std::vector<std::string> words = words_of(word);
    std::string phrase;
    for (const auto& w : words)
        phrase += (phrase.empty() ? "" : " ") + w;
    if (direction == DateDirection::future)
        if (auto d = period_end(phrase, today))
            return *d;
    if (auto d = month_day(words, today, direction))
        return *d;
    if (auto d = worded_duration(words)) {
        Date result = words[0][0] == '+' ? d->after(today) : d->before(today);
        if (result.year() >= 1 && result.year() <= 9999)
            return result;
    }
    if (auto wd = weekday_index(phrase)) {
        int delta = *wd - today.weekday();
        if (direction == DateDirection::future) {
            if (delta <= 0)
                delta += 7;
        } else if (delta > 0) {
            delta -= 7;
        }
        return today.plus_days(delta);
    }
    throw UsageError(fmt::format("{}: '{}' is not a date", option, text), kDateForms);
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

}  // namespace crm
