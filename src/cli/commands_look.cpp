// The commands that look: each one whole, from its name to what runs it (args.hpp).
#include "crm/commands/due.hpp"
#include "crm/commands/funnel.hpp"
#include "crm/commands/list.hpp"
#include "crm/commands/news.hpp"
#include "crm/commands/portfolio.hpp"
#include "crm/commands/promises.hpp"
#include "crm/commands/reviews.hpp"
#include "crm/commands/search.hpp"
#include "crm/commands/show.hpp"

#include "args.hpp"

namespace crm::cli {

namespace {

const Command kCommands[] = {
    {"due", "Who to contact and what was promised, this week (or any window)",
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
     "their open opportunities' next steps and RFPs.",
     [](Args& a) {
         auto o = a.options<commands::DueOptions>();
         a.due_window(o->within, o->until);
         a.owner_or_mine(o->owner, o->mine,
                         "Only this person's items: clients they own, opportunities they pursue",
                         "Only my items: clients I own, opportunities I pursue, and promises and "
                         "actions I made for any client (I = CRM_USER, else git's user.name)");
         a.option("--tier", o->tier, "Only clients in this tier (its own, else default_tier)",
                  Values::of(Kind::tiers), "TIER");
         a.texts("--tag", o->tags, "Only clients with this tag (all must match)",
                 Values::of(Kind::tags), "TAG");
         a.format(o->format,
                  {Format::table, Format::json, Format::csv, Format::markdown, Format::ics});
         return a.run(o, &commands::due);
     }},

    {"list", "List clients, filtered", "",
     [](Args& a) {
         auto o = a.options<commands::ListOptions>();
         a.option("--stage", o->stage, "Only clients in this stage", Values::of(Kind::stages),
                  "STAGE");
         a.option("--tier", o->tier, "Only clients in this tier", Values::of(Kind::tiers), "TIER");
         a.texts("--tag", o->tags, "Only clients with this tag (all must match)",
                 Values::of(Kind::tags), "TAG");
         a.option("--owner", o->owner, "Only clients this person owns", Values::of(Kind::team),
                  "NAME");
         a.texts("--where", o->where, "Only clients whose KEY equals VALUE, custom fields too", {},
                 "KEY=VALUE");
         a.format(o->format, {Format::table, Format::json, Format::csv, Format::markdown});
         a.flag("-q,--quiet", o->quiet, "Slugs only, one per line");
         return a.run(o, &commands::list);
     }},

    {"show", "A client's profile, contacts, open promises and timeline", "",
     [](Args& a) {
         auto o = a.options<commands::ShowOptions>();
         a.client(o->client);
         a.format(o->format, {Format::text, Format::json, Format::markdown});
         return a.run(o, &commands::show);
     }},

    {"promises", "Open promises and actions, numbered",
     "Each client's open items are numbered 1, 2, 3... in the order listed (dated ones\n"
     "soonest first, then undated ones); `crm done CLIENT NUMBER` marks that item\n"
     "delivered. --overdue and --mine hide items but never change the numbers.",
     [](Args& a) {
         auto o = a.options<commands::PromisesOptions>();
         a.client(o->client, "Only this client (slug, name, or a unique part)", "CLIENT", false);
         a.flag("--all", o->all, "Also list delivered items (not numbered)");
         a.flag("--overdue", o->overdue, "Only open items past their due date");
         a.flag("--mine", o->mine,
                "Only clients I own and items I promised (I = CRM_USER, else git's user.name)");
         a.format(o->format, {Format::table, Format::json});
         return a.run(o, &commands::promises);
     }},

    {"reviews", "The satisfaction spectrum, follow-ups, testimonials, referrals",
     "Shows the satisfaction spectrum of post-project reviews (angry .. elated), the\n"
     "follow-ups still open (an angry or unhappy review with no visit logged after it,\n"
     "due review_follow_up after the review), and the testimonials and referrals\n"
     "collected, newest first. --since and --until limit the spectrum, testimonials and\n"
     "referrals; open follow-ups are always listed.",
     [](Args& a) {
         auto o = a.options<commands::ReviewsOptions>();
         a.past_date("--since", o->since, "Only reviews on or after this date: YYYY-MM-DD, -3m...");
         a.past_date("--until", o->until, "Only reviews on or before this date");
         a.format(o->format, {Format::table, Format::json});
         return a.run(o, &commands::reviews);
     }},

    {"portfolio", "Clients by tier with ratings, score and last contact",
     "Clients by tier (action category) with their ratings of potential, compatibility\n"
     "and profitability (1-5 each), their score (the sum, 3-15), last contact, visits in\n"
     "the last 12 months, last review and open promises.\n"
     "\n"
     "The score suggests a tier by its position in crm.yaml's tiers:\n"
     "  1st tier (A) 13-15, 2nd tier (B) 9-12, 3rd and later tiers (C) 3-8.\n"
     "A client is flagged when its score is more than 1 point outside its own tier's\n"
     "band (so 12 in A or 9 in C is not flagged). Clients in inactive stages are never\n"
     "flagged; clients without all three ratings get no score.",
     [](Args& a) {
         auto o = a.options<commands::PortfolioOptions>();
         a.format(o->format, {Format::table, Format::json});
         return a.run(o, &commands::portfolio);
     }},

    {"funnel", "Clients per stage of the sales funnel",
     "Clients per stage, in the order of 'stages' in crm.yaml, and how long each has\n"
     "been in its stage: from its 'stage_since' date (kept by 'crm set CLIENT stage S'),\n"
     "else from the last git commit that changed its 'stage:' line, else from 'since'.",
     [](Args& a) {
         auto o = a.options<commands::FunnelOptions>();
         a.format(o->format, {Format::table, Format::json});
         return a.run(o, &commands::funnel);
     }},

    {"search", "Find text in every record", "",
     [](Args& a) {
         auto o = a.options<commands::SearchOptions>();
         a.positionals("TEXT", o->words, "The text to find, any case (several words: one phrase)",
                       {}, true);
         a.format(o->format, {Format::table, Format::json});
         return a.run(o, &commands::search);
     }},

    {"news", "Visits and reviews by others at the clients you watch",
     "Visits and reviews that teammates added to the clients you watch (crm watch), "
     "since you last ran crm news; the first time, the last 30 days.",
     [](Args& a) {
         auto o = a.options<commands::NewsOptions>();
         a.past_date("--since", o->since,
                     "Show visits and reviews dated on or after this day (YYYY-MM-DD, -2w, "
                     "mon...) instead of those added since you last looked");
         return a.run(o, &commands::news);
     }},
};

}  // namespace

std::span<const Command> look_commands() {
    return kCommands;
}

}  // namespace crm::cli
