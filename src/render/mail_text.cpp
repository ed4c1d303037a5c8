#include "crm/render/mail_text.hpp"

#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

std::string count(std::size_t n, const std::string& one, const std::string& many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string pad_right(std::string s, int width) {
    const int w = display_width(s);
    if (w < width)
        s += std::string(static_cast<std::size_t>(width - w), ' ');
    return s;
}

// One item: its date, type and client on the first line; what and why under it.
std::string item_text(const DueItem& i, Date today) {
    const std::string indent(14, ' ');
    const std::string client = one_line(i.name.empty() ? i.client : i.name);
    std::string out = fmt::format("  {}  {} {}\n", i.due,
                                  pad_right(std::string(due_type_name(i.type)), 10), client);
    out += fmt::format("{}{}\n", indent, one_line(i.what));
    const std::string reason = trim(one_line(i.reason));
    out += fmt::format("{}{}{}\n", indent, relative_days(i.due, today),
                       reason.empty() ? "" : fmt::format("; {}", reason));
    return out;
}

std::string commitment_text(const Commitment& c) {
    std::string s = one_line(c.what);
    if (c.done)
        return fmt::format("{} (done {})", s, *c.done);
    return c.due ? fmt::format("{}, due {}", s, *c.due) : s;
}

// "-- " and a line break: the signature separator mail readers know.
constexpr const char* kRemindFooter =
    "-- \n"
    "Sent by crm remind to each teammate of crm.yaml's team: the contacts\n"
    "and follow-ups of the clients you own, the next steps and RFPs of the\n"
    "opportunities you pursue, and the promises and actions you made.\n";
constexpr const char* kNotifyFooter =
    "-- \n"
    "Sent by crm notify: what others added at the clients you own or\n"
    "watch (crm watch CLIENT).\n";

}  // namespace

std::string remind_subject(const Reminder& r, Date window_end) {
    if (r.items.empty())
        return fmt::format("crm: {} of nobody in the team due by {}",
                           count(r.unowned.size(), "thing", "things"), window_end);
    std::string s =
        fmt::format("crm: {} due by {}", count(r.items.size(), "thing", "things"), window_end);
    if (r.overdue > 0)
        s += fmt::format(" ({} overdue)", r.overdue);
    return s;
}

std::string remind_body(const Reminder& r, Date today, Date window_end) {
    std::string out = fmt::format("Hello {},\n\n", one_line(r.member.name));
    if (r.items.empty())
        out += fmt::format("Nothing of yours is due by {} (as of {}).\n", window_end, today);
    else
        out += fmt::format("{} yours to do by {} (as of {})",
                           count(r.items.size(), "thing is", "things are"), window_end, today);
    if (!r.items.empty())
        out += r.overdue > 0 ? fmt::format(", {} of them overdue.\n", r.overdue) : ".\n";
    bool overdue_heading = false, due_heading = false;
    for (const DueItem& i : r.items) {
        if (i.overdue(today) && !overdue_heading) {
            out += "\nOverdue:\n\n";
            overdue_heading = true;
        } else if (!i.overdue(today) && !due_heading) {
            out += fmt::format("\nDue by {}:\n\n", window_end);
            due_heading = true;
        }
        out += item_text(i, today);
    }
    if (!r.unowned.empty()) {
        // crm.yaml's unowned_to (or, naming nobody, everyone) hears of these.
        out += fmt::format("\n{} nobody in the team:\n\n",
                           r.unowned.size() == 1
                               ? "One thing belongs to"
                               : fmt::format("{} things belong to", r.unowned.size()));
        for (const DueItem& i : r.unowned)
            out += item_text(i, today);
    }
    return fmt::format("{}\n{}", out, kRemindFooter);
}

std::string notify_subject(const Alert& a) {
    std::string s = fmt::format("crm: {} at ", count(a.count(), "new report", "new reports"));
    if (a.clients.size() == 1)
        return s + one_line(a.clients.front().name);
    return s + count(a.clients.size(), "client", "clients");
}

std::string notify_body(const Alert& a, const std::string& since) {
    std::string out = fmt::format("Hello {},\n\n", one_line(a.member.name));
    out += fmt::format("{} at the clients you watch or own, {}:\n",
                       count(a.count(), "new report", "new reports"), since);
    for (const AlertClient& c : a.clients) {
        std::string whose = c.owned && c.watched ? "you own and watch it"
                            : c.owned            ? "you own it"
                                                 : "you watch it";
        out += fmt::format("\n{} ({}), {}\n", one_line(c.name), one_line(c.slug), whose);
        for (const AlertItem& i : c.items) {
            out +=
                fmt::format("  {}  {} by {}\n", i.date, one_line(i.what),
                            trim(i.author).empty() ? std::string("someone") : one_line(i.author));
            if (!trim(i.summary).empty())
                out += fmt::format("    {}\n", one_line(i.summary));
            for (const Commitment& p : i.promises)
                out += fmt::format("    Promised: {}\n", commitment_text(p));
            if (i.next_contact)
                out += fmt::format("    Next contact: {}\n", *i.next_contact);
        }
    }
    return fmt::format("{}\n{}", out, kNotifyFooter);
}

}  // namespace crm::render
