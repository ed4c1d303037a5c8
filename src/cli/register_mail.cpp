// The command line of the commands that mail the team: each one's options, bound to its
// options struct, and the function that runs it.

#include <CLI/CLI.hpp>

#include "crm/commands/notify.hpp"
#include "crm/commands/remind.hpp"

#include "registrations.hpp"

namespace crm::cli {

namespace {

void add_delivery_options(CLI::App& cmd, bool& dry_run, std::string& mbox) {
    auto* dry = cmd.add_flag("-n,--dry-run", dry_run,
                             "Print the messages (an mbox on stdout); run no mail command, "
                             "remember nothing as sent");
    auto* file = cmd.add_option("--mbox", mbox,
                                "Append the messages to this mbox file instead of sending them "
                                "(nothing counts as sent)");
    dry->excludes(file);
}

}  // namespace

commands::Runner register_remind(CLI::App& cmd) {
    auto o = std::make_shared<commands::RemindOptions>();
    cmd.footer(
        "Mails each teammate of crm.yaml's team their own `crm due` items, overdue first:\n"
        "the contacts and follow-ups of the clients they own, and the promises and actions\n"
        "they made (a visit's by:). Nobody with nothing due gets a message. The messages\n"
        "go through your mail command (CRM_MAIL_COMMAND, git config crm.mailCommand, else\n"
        "sendmail -t -oi), one per teammate, never one named in crm.yaml; what was\n"
        "sent is remembered in .crm/, so a rerun the same day for the same window sends\n"
        "nothing again, and after a failure sends only what was not sent.\n"
        "From cron:  0 7 * * 1 crm remind --within 7d   (Mondays)\n"
        "            0 7 1 * * crm remind --until eom   (the first of the month)");
    auto* within = cmd.add_option("--within", o->within,
                                  "Window from today: 7d, 2w, 1m... (default: due_within)");
    auto* until = cmd.add_option("--until", o->until, "Last day of the window: a date, eom...");
    within->excludes(until);
    cmd.add_option("--to", o->to, "Only this teammate (repeatable), as named in crm.yaml's team");
    cmd.add_flag("--html", o->html,
                 "Add an HTML part (multipart/alternative): the teammate's section of crm "
                 "report, with last month's contacts per week");
    add_delivery_options(cmd, o->dry_run, o->mbox);
    // For shell completion (team names for --to and for watch), not for people.
    return [o](commands::Context& ctx) { return commands::remind(*o, ctx); };
}

commands::Runner register_notify(CLI::App& cmd) {
    auto o = std::make_shared<commands::NotifyOptions>();
    cmd.footer(
        "Mails each teammate of crm.yaml's team the visits and reviews that others added\n"
        "at the clients they watch (crm watch) or own, since the last crm notify from this\n"
        "clone: the files git says were added since then, or without git the records dated\n"
        "since. The first run sends nothing; it records where the folder stands. What was\n"
        "sent is remembered in .crm/, so a rerun sends only what was not. With\n"
        "notify_on_sync: true, crm sync mails what it pushed.");
    cmd.add_option("--since", o->since,
                   "Records dated on or after this day (YYYY-MM-DD, -2w, mon...) instead of "
                   "those added since the last notify");
    add_delivery_options(cmd, o->dry_run, o->mbox);
    return [o](commands::Context& ctx) { return commands::notify(*o, ctx); };
}

}  // namespace crm::cli
