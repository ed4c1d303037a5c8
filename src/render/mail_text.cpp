#include "crm/render/mail_text.hpp"

#include "crm/render/terminal_text.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

std::string count(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
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
    std::string out = "  " + i.due.iso() + "  " +
                      pad_right(std::string(due_type_name(i.type)), 10) + " " + client + "\n";
    out += indent + one_line(i.what) + "\n";
    const std::string reason = trim(one_line(i.reason));
    out += indent + relative_days(i.due, today) + (reason.empty() ? "" : "; " + reason) + "\n";
    return out;
}

std::string commitment_text(const Commitment& c) {
    std::string s = one_line(c.what);
    if (c.done)
        return s + " (done " + c.done->iso() + ")";
    return c.due ? s + ", due " + c.due->iso() : s;
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
    std::string s =
        "crm: " + count(r.items.size(), "thing", "things") + " due by " + window_end.iso();
    if (r.overdue > 0)
        s += " (" + std::to_string(r.overdue) + " overdue)";
    return s;
}

std::string remind_body(const Reminder& r, Date today, Date window_end) {
    std::string out = "Hello " + one_line(r.member.name) + ",\n\n";
    out += count(r.items.size(), "thing is", "things are") + " yours to do by " + window_end.iso() +
           " (as of " + today.iso() + ")";
    out += r.overdue > 0 ? ", " + std::to_string(r.overdue) + " of them overdue.\n" : ".\n";
    bool overdue_heading = false, due_heading = false;
    for (const DueItem& i : r.items) {
        if (i.overdue(today) && !overdue_heading) {
            out += "\nOverdue:\n\n";
            overdue_heading = true;
        } else if (!i.overdue(today) && !due_heading) {
            out += "\nDue by " + window_end.iso() + ":\n\n";
            due_heading = true;
        }
        out += item_text(i, today);
    }
    return out + "\n" + kRemindFooter;
}

std::string notify_subject(const Alert& a) {
    std::string s = "crm: " + count(a.count(), "new report", "new reports") + " at ";
    if (a.clients.size() == 1)
        return s + one_line(a.clients.front().name);
    return s + count(a.clients.size(), "client", "clients");
}

std::string notify_body(const Alert& a, const std::string& since) {
    std::string out = "Hello " + one_line(a.member.name) + ",\n\n";
    out += count(a.count(), "new report", "new reports") + " at the clients you watch or own, " +
           since + ":\n";
    for (const AlertClient& c : a.clients) {
        std::string whose = c.owned && c.watched ? "you own and watch it"
                            : c.owned            ? "you own it"
                                                 : "you watch it";
        out += "\n" + one_line(c.name) + " (" + one_line(c.slug) + "), " + whose + "\n";
        for (const AlertItem& i : c.items) {
            out += "  " + i.date.iso() + "  " + one_line(i.what) + " by " +
                   (trim(i.author).empty() ? std::string("someone") : one_line(i.author)) + "\n";
            if (!trim(i.summary).empty())
                out += "    " + one_line(i.summary) + "\n";
            for (const Commitment& p : i.promises)
                out += "    Promised: " + commitment_text(p) + "\n";
            if (i.next_contact)
                out += "    Next contact: " + i.next_contact->iso() + "\n";
        }
    }
    return out + "\n" + kNotifyFooter;
}

}  // namespace crm::render
