// The date grammar of the command line and the editor's template (date.hpp): the forms of
// spec section 3, and the phrases people type as GNU `date -d` reads them.
#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

namespace {

constexpr std::string_view kDateForms =
    "use YYYY-MM-DD, today, yesterday, tomorrow, +3d, -2w, +1m, +1y, a weekday (fri, next fri, "
    "last fri), a day and month (15 dec, Dec 15th), in 2 weeks, 3 days ago, or for a due date "
    "eow, eom, eoq, eoy, end of next month, next week, next month";

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kWeekdayShort = {"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> number(std::string_view s) {
    int v = 0;
    if (!all_digits(s) || s.size() > 6)
        return std::nullopt;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// 0 = Monday for a weekday's name or its first three letters or more ("thurs").
std::optional<int> weekday_index(std::string_view w) {
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (w.size() >= 3 && kWeekdays[i].starts_with(w))
            return static_cast<int>(i);
    return std::nullopt;
}

// 1-12 for a month's name or its first three letters or more ("sept").
std::optional<int> month_index(std::string_view w) {
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (w.size() >= 3 && kMonths[i].starts_with(w))
            return static_cast<int>(i) + 1;
    return std::nullopt;
}

// A day of the month as people write it: 15, 15th, 1st, 2nd, 3rd.
std::optional<int> day_of_month(std::string_view w) {
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (w.size() > 2 && w.ends_with(suffix))
            w.remove_suffix(2);
    auto d = number(w);
    if (!d || w.size() > 2 || *d < 1 || *d > 31)
        return std::nullopt;
    return d;
}

// Lowercase words, split at blanks and commas; "the" and "of" carry no meaning here
// ("the 15th of December", "end of the month").
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
        if (!w.empty() && w != "the" && w != "of")
            out.push_back(w);
        w.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == ',')
            flush();
        else
            w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    flush();
    return out;
}

Date end_of_month(Date d) {
    return Date::from_ymd(d.year(), d.month(), 1)->plus_months(1).plus_days(-1);
}

// What the phrase needs to be read, and its answer.
class Reader {
  public:
    Reader(std::string_view text, Date today, DateDirection direction, std::string_view option,
           DateOrder order)
        : text_(text), today_(today), direction_(direction), option_(option), order_(order) {}

    Date read() const;

  private:
    [[noreturn]] void refuse() const {
        throw UsageError(fmt::format("{}: '{}' is not a date", option_, text_),
                         std::string(kDateForms));
    }
    [[noreturn]] void refuse(const std::string& why, const std::string& hint) const {
        throw UsageError(fmt::format("{}: '{}' {}", option_, text_, why), hint);
    }
    // A phrase that points one way, given to an option that looks the other.
    void require(DateDirection d) const {
        if (direction_ == d)
            return;
        refuse(d == DateDirection::future ? "is a date ahead, and this option looks back"
                                          : "is a date gone by, and this option looks ahead",
               std::string(kDateForms));
    }
    Date checked(Date d) const {
        if (d.year() < 1 || d.year() > 9999)
            refuse("is outside the calendar crm keeps (years 1 to 9999)", std::string(kDateForms));
        return d;
    }

    std::optional<Date> numeric(const std::string& w) const;
    std::optional<Date> offset(const std::vector<std::string>& w) const;
    std::optional<Date> period(const std::vector<std::string>& w) const;
    std::optional<Date> weekday(const std::vector<std::string>& w) const;
    std::optional<Date> calendar_day(const std::vector<std::string>& w) const;
    // The next (future) or latest (past) day with this month and day, today included.
    std::optional<Date> nearest(int month, int day) const;
    // The same for a day of any month.
    std::optional<Date> nearest_day(int day) const;

    std::string_view text_;
    Date today_;
    DateDirection direction_;
    std::string_view option_;
    DateOrder order_;
};

std::optional<Date> Reader::nearest(int month, int day) const {
    if (!Date::from_ymd(2024, month, day))  // no year has it (31 nov); 29 feb waits
        refuse("is not a day of the calendar", std::string(kDateForms));
    for (int n = 0; n < 9; ++n) {  // nine years always hold a 29 feb
        const int y = direction_ == DateDirection::future ? today_.year() + n : today_.year() - n;
        auto d = Date::from_ymd(y, month, day);
        if (d && (direction_ == DateDirection::future ? *d >= today_ : *d <= today_))
            return d;
    }
    return std::nullopt;
}

std::optional<Date> Reader::nearest_day(int day) const {
    Date first = *Date::from_ymd(today_.year(), today_.month(), 1);
    for (int n = 0; n < 24; ++n) {
        const Date month = first.plus_months(direction_ == DateDirection::future ? n : -n);
        auto d = Date::from_ymd(month.year(), month.month(), day);
        if (d && (direction_ == DateDirection::future ? *d >= today_ : *d <= today_))
            return d;
    }
    return std::nullopt;
}

// 2026-12-5, 15/12, 12/15, 15.12., 15.12.2026, 15/12/26.
std::optional<Date> Reader::numeric(const std::string& w) const {
    std::vector<std::string> parts;
    std::string cur;
    char sep = 0;
    for (char c : w) {
        if (c == '-' || c == '/' || c == '.') {
            if (sep && c != sep)
                return std::nullopt;
            sep = c;
            parts.push_back(cur);
            cur.clear();
        } else if (c >= '0' && c <= '9') {
            cur += c;
        } else {
            return std::nullopt;
        }
    }
    parts.push_back(cur);
    if (sep == '.' && parts.back().empty())  // 15.12. as Germans write it
        parts.pop_back();
    if (!sep || parts.size() < 2 || parts.size() > 3 ||
        std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }))
        return std::nullopt;
    if (sep == '-') {  // ISO order only, padded or not
        if (parts.size() != 3 || parts[0].size() != 4 || parts[1].size() > 2 || parts[2].size() > 2)
            return std::nullopt;
        if (auto d = Date::from_ymd(*number(parts[0]), *number(parts[1]), *number(parts[2])))
            return d;
        refuse("is not a day of the calendar", "write dates as YYYY-MM-DD, such as 2026-12-05");
    }
    if (parts[0].size() > 2 || parts[1].size() > 2)
        return std::nullopt;
    const int a = *number(parts[0]), b = *number(parts[1]);
    std::optional<int> year;
    if (parts.size() == 3) {
        if (parts[2].size() != 2 && parts[2].size() != 4)
            return std::nullopt;
        year = *number(parts[2]) + (parts[2].size() == 2 ? 2000 : 0);
    }
    auto make = [&](int day, int month) -> std::optional<Date> {
        if (year)
            return Date::from_ymd(*year, month, day);
        if (month < 1 || month > 12 || !Date::from_ymd(2024, month, day))
            return std::nullopt;
        return nearest(month, day);
    };
    if (order_ == DateOrder::none) {
        auto reading = [&](int day, int month) {
            auto d = make(day, month);
            return d ? fmt::format("{} {}", kWeekdayShort[d->weekday()], *d)
                     : std::string("no date");
        };
        refuse(fmt::format("is ambiguous: as day/month {}, as month/day {}", reading(a, b),
                           reading(b, a)),
               "write it as YYYY-MM-DD or 15 dec, or set date_order: dmy (or mdy) in crm.yaml");
    }
    const bool dmy = order_ == DateOrder::dmy;
    if (auto d = make(dmy ? a : b, dmy ? b : a))
        return d;
    refuse(fmt::format("is not a date read as {}", dmy ? "day/month" : "month/day"),
           "write it as YYYY-MM-DD");
}

// +3d, -2w, +2 weeks, in 3 days, 2 weeks, 3 days ago, in a week.
std::optional<Date> Reader::offset(const std::vector<std::string>& w) const {
    auto unit_of = [](std::string u) -> char {
        if (u.size() > 1 && u.ends_with('s'))
            u.pop_back();
        return u == "day" || u == "d"     ? 'd'
               : u == "week" || u == "w"  ? 'w'
               : u == "month" || u == "m" ? 'm'
               : u == "year" || u == "y"  ? 'y'
               : u == "fortnight"         ? 'f'
                                          : '\0';
    };
    auto duration = [&](const std::string& count,
                        const std::string& unit) -> std::optional<Duration> {
        const char letter = unit_of(unit);
        std::optional<int> n = count == "a" || count == "an" || count == "one" ? 1 : number(count);
        if (!letter || !n)
            return std::nullopt;
        if (letter == 'f')
            return Duration{*n * 2, Duration::Unit::weeks};
        return parse_duration(fmt::format("{}{}", *n, letter));
    };
    // +3d, -2w: a sign and a duration in one word
    if (w.size() == 1 && w[0].size() > 2 && (w[0][0] == '+' || w[0][0] == '-')) {
        auto d = parse_duration(std::string_view(w[0]).substr(1));
        if (!d)
            return std::nullopt;
        return checked(w[0][0] == '+' ? d->after(today_) : d->before(today_));
    }
    // +2 weeks, -3 days
    if (w.size() == 2 && w[0].size() > 1 && (w[0][0] == '+' || w[0][0] == '-')) {
        auto d = duration(w[0].substr(1), w[1]);
        if (!d)
            return std::nullopt;
        return checked(w[0][0] == '+' ? d->after(today_) : d->before(today_));
    }
    // in 3 days / in a week
    if (w.size() == 3 && w[0] == "in") {
        auto d = duration(w[1], w[2]);
        if (!d)
            return std::nullopt;
        require(DateDirection::future);
        return checked(d->after(today_));
    }
    // 3 days ago
    if (w.size() == 3 && w[2] == "ago") {
        auto d = duration(w[0], w[1]);
        if (!d)
            return std::nullopt;
        require(DateDirection::past);
        return checked(d->before(today_));
    }
    // 2 weeks: a span ahead, for a due date
    if (w.size() == 2 && all_digits(w[0])) {
        auto d = duration(w[0], w[1]);
        if (!d)
            return std::nullopt;
        require(DateDirection::future);
        return checked(d->after(today_));
    }
    return std::nullopt;
}

// eow, eom, eoq, eoy, end of (next) week|month|quarter|year, next week|month|year.
std::optional<Date> Reader::period(const std::vector<std::string>& w) const {
    std::string phrase = join(w, " ");
    static constexpr std::pair<std::string_view, std::string_view> kShort[] = {
        {"eow", "end week"}, {"eom", "end month"}, {"eoq", "end quarter"}, {"eoy", "end year"}};
    for (auto [abbrev, full] : kShort)
        if (phrase == abbrev)
            phrase = full;
    const Date t = today_;
    std::optional<Date> d;
    if (phrase == "end week")
        d = t.plus_days((4 - t.weekday() + 7) % 7);  // this Friday; today on a Friday
    else if (phrase == "end next week")
        d = t.plus_days(7 - t.weekday() + 4);  // Friday of next week
    else if (phrase == "end month")
        d = end_of_month(t);
    else if (phrase == "end next month")
        d = end_of_month(Date::from_ymd(t.year(), t.month(), 1)->plus_months(1));
    else if (phrase == "end quarter" || phrase == "end next quarter") {
        const int last_month = ((t.month() - 1) / 3 + 1) * 3 + (phrase == "end quarter" ? 0 : 3);
        d = end_of_month(Date::from_ymd(t.year(), 1, 1)->plus_months(last_month - 1));
    } else if (phrase == "end year" || phrase == "end next year")
        d = Date::from_ymd(t.year() + (phrase == "end year" ? 0 : 1), 12, 31);
    else if (phrase == "next week")
        d = t.plus_days(7 - t.weekday());  // next Monday
    else if (phrase == "next month")
        d = Date::from_ymd(t.year(), t.month(), 1)->plus_months(1);
    else if (phrase == "next year")
        d = Date::from_ymd(t.year() + 1, 1, 1);
    if (d)
        require(DateDirection::future);
    return d;
}

// fri, next fri, this fri, last fri, friday 28th, fri 27 nov.
std::optional<Date> Reader::weekday(const std::vector<std::string>& w) const {
    std::size_t at = 0;
    std::string which;
    if (w.size() >= 2 && (w[0] == "next" || w[0] == "this" || w[0] == "last")) {
        which = w[0];
        at = 1;
    }
    const auto wd = weekday_index(w[at]);
    if (!wd || w[at].size() > kWeekdays[*wd].size())
        return std::nullopt;
    const std::vector<std::string> rest(w.begin() + static_cast<long>(at) + 1, w.end());
    if (!rest.empty()) {  // a weekday with its day: the day decides, the weekday checks
        if (!which.empty())
            return std::nullopt;
        auto d = calendar_day(rest);
        if (!d)
            return std::nullopt;
        if (d->weekday() != *wd)
            refuse(fmt::format("does not exist: {} is a {}", *d,
                               std::string(kWeekdayShort[d->weekday()])),
                   fmt::format("check the day, or write {} {}", kWeekdayShort[d->weekday()], *d));
        return d;
    }
    const int ahead = (*wd - today_.weekday() + 7) % 7;  // 0 when today is that day
    if (which == "next") {                               // the first such day after today
        require(DateDirection::future);
        return today_.plus_days(ahead == 0 ? 7 : ahead);
    }
    if (which == "this") {  // today, or the coming one
        require(DateDirection::future);
        return today_.plus_days(ahead);
    }
    if (which == "last") {  // the latest such day before today
        require(DateDirection::past);
        const int back = (today_.weekday() - *wd + 7) % 7;
        return today_.plus_days(back == 0 ? -7 : -back);
    }
    if (direction_ == DateDirection::future)
        return today_.plus_days(ahead == 0 ? 7 : ahead);
    return today_.plus_days(-((today_.weekday() - *wd + 7) % 7));
}

// 15 dec, Dec 15th, 15th of December 2026, dec 15 2026, 1st.
std::optional<Date> Reader::calendar_day(const std::vector<std::string>& w) const {
    if (w.size() == 1) {
        const auto day = day_of_month(w[0]);
        if (!day || all_digits(w[0]))  // a bare number is no date; "15th" is
            return std::nullopt;
        return nearest_day(*day);
    }
    if (w.size() != 2 && w.size() != 3)
        return std::nullopt;
    const bool day_first = day_of_month(w[0]).has_value();
    const auto day = day_of_month(day_first ? w[0] : w[1]);
    const auto month = month_index(day_first ? w[1] : w[0]);
    const std::string& month_word = day_first ? w[1] : w[0];
    if (!day || !month || month_word.size() > kMonths[*month - 1].size())
        return std::nullopt;
    if (w.size() == 3) {
        const auto year = number(w[2]);
        if (!year || w[2].size() != 4)
            return std::nullopt;
        if (auto d = Date::from_ymd(*year, *month, *day))
            return d;
        refuse("is not a day of the calendar", std::string(kDateForms));
    }
    return nearest(*month, *day);
}

Date Reader::read() const {
    const std::vector<std::string> w = words_of(text_);
    if (w.empty())
        refuse();
    if (w.size() == 1) {
        const std::string& word = w[0];
        if (word == "today")
            return today_;
        if (word == "yesterday")
            return today_.plus_days(-1);
        if (word == "tomorrow" || word == "tmrw" || word == "tmr" || word == "tomorow")
            return today_.plus_days(1);
        if (auto d = numeric(word))
            return *d;
    }
    if (auto d = offset(w))
        return *d;
    if (auto d = period(w))
        return *d;
    if (auto d = weekday(w))
        return *d;
    if (auto d = calendar_day(w))
        return *d;
    refuse();
}

}  // namespace

Date parse_date_arg(std::string_view text, Date today, DateDirection direction,
                    std::string_view option, DateOrder order) {
    if (auto iso = Date::parse_iso(text))
        return *iso;
    return Reader(text, today, direction, option, order).read();
}

bool looks_like_date(std::string_view text) {
    const std::vector<std::string> w = words_of(text);
    if (w.empty())
        return false;
    const std::string& first = w[0];
    if ((first[0] >= '0' && first[0] <= '9') || first[0] == '+' || first.starts_with("eo"))
        return true;
    for (std::string_view word :
         {"next", "this", "last", "end", "in", "today", "tomorrow", "tmrw", "yesterday"})
        if (first == word)
            return true;
    return weekday_index(first).has_value() || month_index(first).has_value();
}

std::string_view weekday_short(Date d) {
    return kWeekdayShort[d.weekday()];
}

std::optional<DateOrder> parse_date_order(std::string_view text) {
    if (text == "dmy")
        return DateOrder::dmy;
    if (text == "mdy")
        return DateOrder::mdy;
    return std::nullopt;
}

}  // namespace model
}  // namespace crm
