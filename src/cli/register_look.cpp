// The command line of the commands that look: each one's options, bound to its
// options struct, and the function that runs it.

#include <CLI/CLI.hpp>

#include "crm/commands/due.hpp"
#include "crm/commands/funnel.hpp"
#include "crm/commands/list.hpp"
#include "crm/commands/news.hpp"
#include "crm/commands/portfolio.hpp"
#include "crm/commands/promises.hpp"
#include "crm/commands/reviews.hpp"
#include "crm/commands/search.hpp"
#include "crm/commands/show.hpp"

#include "registrations.hpp"

namespace crm::cli {

commands::Runner register_due(CLI::App& cmd) {
    auto o = std::make_shared<commands::DueOptions>();
    cmd.footer(
        "Lists, overdue first, then by date:\n"
        "  contact    clients whose next contact falls by the window's end: the latest\n"
        "             visit's next_contact, else its date + the cadence (the client's\n"
        "             every, else its tier's); only kinds in cadence_kinds count\n"
        "             (by default not email); never visited: due from since\n"
        "  promise    undelivered promises (no done: date) due by then\n"
        "  action     undelivered actions due by then\n"
        "  follow-up  angry or unhappy reviews with no visit after them, due\n"
        "             review_follow_up after the review\n"
        "  next-step  open opportunities whose next_step_due falls by then\n"
        "  rfp        open opportunities whose rfp_expected - rfp_lead falls by then,\n"
        "             until the RFP is out (rfp_since)\n"
        "Everything overdue is always listed. Clients in inactive stages or with\n"
        "every: never are not due for contact; inactive ones have nothing due but\n"
        "their open opportunities' next steps and RFPs.");
    auto* within = cmd.add_option("--within", o->within,
                                  "Window from today: 7d, 2w, 1m... (default: due_within)");
    auto* until = cmd.add_option("--until", o->until, "Last day of the window: a date");
    within->excludes(until);
    auto* owner =
        cmd.add_option("--owner", o->owner,
                       "Only this person's items: clients they own, opportunities they pursue");
    auto* mine = cmd.add_flag("--mine", o->mine,
                              "Only my items: clients I own, opportunities I pursue, and "
                              "promises and actions I made for any client (I = CRM_USER, else "
                              "git's user.name)");
    owner->excludes(mine);
    cmd.add_option("--tier", o->tier, "Only clients in this tier (its own, else default_tier)");
    cmd.add_option("--tag", o->tags, "Only clients with this tag (repeatable: all must match)");
    cmd.add_option("--format", o->format, "table, json, csv, markdown or ics")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown", "ics"}));
    return [o](commands::Context& ctx) { return commands::due(*o, ctx); };
}

commands::Runner register_promises(CLI::App& cmd) {
    auto o = std::make_shared<commands::PromisesOptions>();
    cmd.footer(
        "Each client's open items are numbered 1, 2, 3... in the order listed (dated ones\n"
        "soonest first, then undated ones); `crm done CLIENT NUMBER` marks that item\n"
        "delivered. --overdue and --mine hide items but never change the numbers.");
    cmd.add_option("CLIENT", o->client, "Only this client (slug, name, or a unique part)");
    cmd.add_flag("--all", o->all, "Also list delivered items (not numbered)");
    cmd.add_flag("--overdue", o->overdue, "Only open items past their due date");
    cmd.add_flag("--mine", o->mine,
                 "Only clients I own and items I promised (I = CRM_USER, else git's user.name)");
    cmd.add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    return [o](commands::Context& ctx) { return commands::promises(*o, ctx); };
}

commands::Runner register_show(CLI::App& cmd) {
    auto o = std::make_shared<commands::ShowOptions>();
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    return [o](commands::Context& ctx) { return commands::show(*o, ctx); };
}

commands::Runner register_list(CLI::App& cmd) {
    auto o = std::make_shared<commands::ListOptions>();
    cmd.add_option("--stage", o->stage, "Only clients in this stage");
    cmd.add_option("--tier", o->tier, "Only clients in this tier");
    cmd.add_option("--tag", o->tags, "Only clients with this tag (repeatable: all must match)");
    cmd.add_option("--owner", o->owner, "Only clients this person owns");
    cmd.add_option("--where", o->where,
                   "Only clients whose KEY equals VALUE, custom fields too (repeatable)");
    cmd.add_option("--format", o->format, "table, json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    cmd.add_flag("-q,--quiet", o->quiet, "Slugs only, one per line");
    return [o](commands::Context& ctx) { return commands::list(*o, ctx); };
}

commands::Runner register_search(CLI::App& cmd) {
    auto o = std::make_shared<commands::SearchOptions>();
    cmd.add_option("TEXT", o->words, "The text to find, any case (several words: one phrase)")
        ->required();
    cmd.add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    return [o](commands::Context& ctx) { return commands::search(*o, ctx); };
}

commands::Runner register_reviews(CLI::App& cmd) {
    auto o = std::make_shared<commands::ReviewsOptions>();
    cmd.footer(
        "Shows the satisfaction spectrum of post-project reviews (angry .. elated), the\n"
        "follow-ups still open (an angry or unhappy review with no visit logged after it,\n"
        "due review_follow_up after the review), and the testimonials and referrals\n"
        "collected, newest first. --since and --until limit the spectrum, testimonials and\n"
        "referrals; open follow-ups are always listed.");
    cmd.add_option("--since", o->since, "Only reviews on or after this date: YYYY-MM-DD, -3m...");
    cmd.add_option("--until", o->until, "Only reviews on or before this date");
    cmd.add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    return [o](commands::Context& ctx) { return commands::reviews(*o, ctx); };
}

commands::Runner register_portfolio(CLI::App& cmd) {
    auto o = std::make_shared<commands::PortfolioOptions>();
    cmd.footer(
        "Clients by tier (action category) with their ratings of potential, compatibility\n"
        "and profitability (1-5 each), their score (the sum, 3-15), last contact, visits in\n"
        "the last 12 months, last review and open promises.\n"
        "\n"
        "The score suggests a tier by its position in crm.yaml's tiers:\n"
        "  1st tier (A) 13-15, 2nd tier (B) 9-12, 3rd and later tiers (C) 3-8.\n"
        "A client is flagged when its score is more than 1 point outside its own tier's\n"
        "band (so 12 in A or 9 in C is not flagged). Clients in inactive stages are never\n"
        "flagged; clients without all three ratings get no score.");
    cmd.add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    return [o](commands::Context& ctx) { return commands::portfolio(*o, ctx); };
}

commands::Runner register_funnel(CLI::App& cmd) {
    auto o = std::make_shared<commands::FunnelOptions>();
    cmd.footer(
        "Clients per stage, in the order of 'stages' in crm.yaml, and how long each has\n"
        "been in its stage: from its 'stage_since' date (kept by 'crm set CLIENT stage S'),\n"
        "else from the last git commit that changed its 'stage:' line, else from 'since'.");
    cmd.add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    return [o](commands::Context& ctx) { return commands::funnel(*o, ctx); };
}

commands::Runner register_news(CLI::App& cmd) {
    auto o = std::make_shared<commands::NewsOptions>();
    cmd.add_option("--since", o->since,
                   "Show visits and reviews dated on or after this day (YYYY-MM-DD, -2w, "
                   "mon...) instead of those added since you last looked");
    cmd.footer(
        "Visits and reviews that teammates added to the clients you watch (crm watch), "
        "since you last ran crm news; the first time, the last 30 days.");
    return [o](commands::Context& ctx) { return commands::news(*o, ctx); };
}

}  // namespace crm::cli
