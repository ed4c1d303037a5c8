// The command line of `crm report`: its options, bound to its options struct, and the
// function that runs it.

#include <CLI/CLI.hpp>

#include "crm/commands/report.hpp"

#include "registrations.hpp"

namespace crm::cli {

commands::Runner register_report(CLI::App& cmd) {
    auto o = std::make_shared<commands::ReportOptions>();
    cmd.footer(
        "The page the partners look at in their monthly meeting, as one HTML file with\n"
        "nothing to fetch (inline CSS and SVG charts, each beside the table of its numbers):\n"
        "what is due and overdue per teammate, the pipeline by month of decision and the\n"
        "deal clock, the reviews, the portfolio, the funnel, contact activity per week and\n"
        "the clients past their cadence, and what changed (from git). The period defaults\n"
        "to last month: run on the 1st, it is the month just ended. What is due counts to\n"
        "the end of this month; due, pipeline, portfolio and funnel stand as of today.\n"
        "From cron:  0 7 1 * * crm report -o /srv/partners/report.html");
    auto* month = cmd.add_option("--month", o->month, "The month to look back on: YYYY-MM");
    auto* since = cmd.add_option("--since", o->since, "First day of the period: a date, -3m...");
    auto* until =
        cmd.add_option("--until", o->until, "Last day of the period (with --since; default today)");
    month->excludes(since);
    month->excludes(until);
    cmd.add_option("--format", o->format, "html or markdown")
        ->check(CLI::IsMember({"html", "markdown"}));
    cmd.add_option("-o,--output", o->output,
                   "Write the page to this file (whole or not at all) instead of stdout");
    return [o](commands::Context& ctx) { return commands::report(*o, ctx); };
}

}  // namespace crm::cli
