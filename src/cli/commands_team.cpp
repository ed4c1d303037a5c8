// The commands of the team: sharing the folder, mailing each teammate what is theirs, the
// partners' monthly page. Each one whole, from its name to what runs it (args.hpp).
#include "crm/commands/notify.hpp"
#include "crm/commands/remind.hpp"
#include "crm/commands/report.hpp"
#include "crm/commands/sync.hpp"

#include "args.hpp"

namespace crm::cli {

namespace {

void delivery(Args& a, bool& dry_run, std::string& mbox) {
    CLI::Option* dry = a.flag("-n,--dry-run", dry_run,
                              "Print the messages (an mbox on stdout); run no mail command, "
                              "remember nothing as sent");
    CLI::Option* file = a.option("--mbox", mbox,
                                 "Append the messages to this mbox file instead of sending them "
                                 "(nothing counts as sent)",
                                 Values::of(Kind::files), "FILE");
    a.excludes(dry, file);
}

const Command kCommands[] = {
    {"sync", "Pull and push through git, then tell what teammates added",
     "Commits crm's own changed files (never anything else), pulls with rebase, pushes, "
     "then lists the clients, visits and reviews teammates added since the last sync, "
     "watched clients first. On a conflict nothing is changed and the files are named.",
     [](Args&) -> commands::Runner {
         return [](commands::Context& ctx) { return commands::sync(ctx); };
     }},

    {"remind", "Mail each teammate what they have due",
     "Mails each teammate of crm.yaml's team their own `crm due` items, overdue first:\n"
     "the contacts and follow-ups of the clients they own, and the promises and actions\n"
     "they made (a visit's by:). Nobody with nothing due gets a message. The messages\n"
     "go through your mail command (CRM_MAIL_COMMAND, git config crm.mailCommand, else\n"
     "sendmail -t -oi), one per teammate, never one named in crm.yaml; what was\n"
     "sent is remembered in .crm/, so a rerun the same day for the same window sends\n"
     "nothing again, and after a failure sends only what was not sent.\n"
     "From cron:  0 7 * * 1 crm remind --within 7d   (Mondays)\n"
     "            0 7 1 * * crm remind --until eom   (the first of the month)",
     [](Args& a) {
         auto o = a.options<commands::RemindOptions>();
         a.due_window(o->within, o->until);
         a.texts("--to", o->to, "Only this teammate, as named in crm.yaml's team",
                 Values::of(Kind::team), "NAME");
         a.flag("--html", o->html,
                "Add an HTML part (multipart/alternative): the teammate's section of crm "
                "report, with last month's contacts per week");
         delivery(a, o->dry_run, o->mbox);
         return a.run(o, &commands::remind);
     }},

    {"notify", "Mail teammates the visits and reviews others added",
     "Mails each teammate of crm.yaml's team the visits and reviews that others added\n"
     "at the clients they watch (crm watch) or own, since the last crm notify from this\n"
     "clone: the files git says were added since then, or without git the records dated\n"
     "since. The first run sends nothing; it records where the folder stands. What was\n"
     "sent is remembered in .crm/, so a rerun sends only what was not. With\n"
     "notify_on_sync: true, crm sync mails what it pushed.",
     [](Args& a) {
         auto o = a.options<commands::NotifyOptions>();
         a.past_date("--since", o->since,
                     "Records dated on or after this day (YYYY-MM-DD, -2w, mon...) instead of "
                     "those added since the last notify");
         delivery(a, o->dry_run, o->mbox);
         return a.run(o, &commands::notify);
     }},

    {"report", "The partners' monthly page: HTML with charts, or Markdown",
     "The page the partners look at in their monthly meeting, as one HTML file with\n"
     "nothing to fetch (inline CSS and SVG charts, each beside the table of its numbers):\n"
     "what is due and overdue per teammate, the pipeline by month of decision and the\n"
     "deal clock, the reviews, the portfolio, the funnel, contact activity per week and\n"
     "the clients past their cadence, and what changed (from git). The period defaults\n"
     "to last month: run on the 1st, it is the month just ended. What is due counts to\n"
     "the end of this month; due, pipeline, portfolio and funnel stand as of today.\n"
     "From cron:  0 7 1 * * crm report -o /srv/partners/report.html",
     [](Args& a) {
         auto o = a.options<commands::ReportOptions>();
         CLI::Option* month =
             a.option("--month", o->month, "The month to look back on: YYYY-MM", {}, "MONTH");
         CLI::Option* since =
             a.past_date("--since", o->since, "First day of the period: a date, -3m...");
         CLI::Option* until = a.past_date("--until", o->until,
                                          "Last day of the period (with --since; default today)");
         a.excludes(month, since);
         a.excludes(month, until);
         a.format(o->format, {Format::html, Format::markdown});
         a.option("-o,--output", o->output,
                  "Write the page to this file (whole or not at all) instead of stdout",
                  Values::of(Kind::files), "FILE");
         return a.run(o, &commands::report);
     }},
};

}  // namespace

std::span<const Command> team_commands() {
    return kCommands;
}

}  // namespace crm::cli
