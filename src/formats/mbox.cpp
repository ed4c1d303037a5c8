#include "crm/formats/mbox.hpp"
#include "crm/util/format.hpp"

#include <algorithm>

namespace crm::formats {

namespace {

constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// ">From ", ">>From "...: a line a reader would take for a message's start.
bool is_from_line(std::string_view line) {
    while (!line.empty() && line.front() == '>')
        line.remove_prefix(1);
    return line.starts_with("From ");
}

}  // namespace

std::string mbox_date(const MailTime& t) {
    // asctime's layout: the day padded with a blank.
    return fmt::format("{} {} {:2} {:02}:{:02}:{:02} {}", kDays[t.date.weekday()],
                       kMonths[t.date.month() - 1], t.date.day(), t.hour, t.minute, t.second,
                       t.date.year());
}

std::string mbox_entry(std::string_view sender, const MailTime& t, std::string_view message) {
    // The sender is one word of the "From " line: anything else would break it.
    const bool one_word = !sender.empty() && std::all_of(sender.begin(), sender.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F;
    });
    std::string out =
        fmt::format("From {} {}\n", one_word ? sender : "MAILER-DAEMON", mbox_date(t));
    std::size_t start = 0;
    while (start < message.size()) {
        std::size_t end = message.find('\n', start);
        if (end == std::string_view::npos)
            end = message.size();
        std::string_view line = message.substr(start, end - start);
        if (is_from_line(line))
            out += '>';
        out += line;
        out += '\n';
        start = end + 1;
    }
    return fmt::format("{}\n", out);
}

}  // namespace crm::formats
