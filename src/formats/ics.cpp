#include "crm/formats/ics.hpp"
#include "crm/util/format.hpp"

#include <algorithm>
#include <cstdint>

namespace crm::formats {

std::string ics_escape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                if (i + 1 >= text.size() || text[i + 1] != '\n')
                    out += "\\n";
                break;
            default:
                // RFC 5545 forbids control characters other than HTAB in TEXT.
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                    break;
                out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t limit = 75;  // the first line; continuation lines start with a space
    std::size_t used = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1;
        const auto b = static_cast<unsigned char>(line[i]);
        if (b >= 0xF0)
            len = 4;
        else if (b >= 0xE0)
            len = 3;
        else if (b >= 0xC0)
            len = 2;
        len = std::min(len, line.size() - i);
        if (used + len > limit) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(i, len));
        used += len;
        i += len;
    }
    return fmt::format("{}\r\n", out);
}

std::string ics_digest(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", h);
}

namespace {

std::string basic_date(Date d) {
    std::string iso = d.iso();
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace

std::string ics_calendar(const std::vector<IcsEvent>& events, Date stamp) {
    std::string out;
    auto line = [&out](std::string_view l) { out += ics_fold(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//crm//crm due//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for (const IcsEvent& e : events) {
        line("BEGIN:VEVENT");
        line(fmt::format("UID:{}", e.uid));
        line(fmt::format("DTSTAMP:{}T000000Z", basic_date(stamp)));
        line(fmt::format("DTSTART;VALUE=DATE:{}", basic_date(e.date)));
        line(fmt::format("DTEND;VALUE=DATE:{}", basic_date(e.date.plus_days(1))));
        line(fmt::format("SUMMARY:{}", ics_escape(e.summary)));
        if (!e.description.empty())
            line(fmt::format("DESCRIPTION:{}", ics_escape(e.description)));
        if (!e.category.empty())
            line(fmt::format("CATEGORIES:{}", ics_escape(e.category)));
        // A reminder, not a meeting: it does not make anyone look busy.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    // RFC 5545 wants at least one component in a calendar. With nothing due, one that
    // every calendar program skips (an x-comp) keeps the feed valid and empty.
    if (events.empty()) {
        line("BEGIN:X-CRM-NOTHING-DUE");
        line("X-CRM-NOTE:Nothing is due in this window.");
        line("END:X-CRM-NOTHING-DUE");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace crm::formats
