// The command line of the commands that record: each one's options, bound to its
// options struct, and the function that runs it.

#include <CLI/CLI.hpp>

#include "crm/commands/add_client.hpp"
#include "crm/commands/done.hpp"
#include "crm/commands/edit.hpp"
#include "crm/commands/init.hpp"
#include "crm/commands/log_visit.hpp"
#include "crm/commands/review.hpp"
#include "crm/commands/set.hpp"
#include "crm/commands/watching.hpp"

#include "registrations.hpp"

namespace crm::cli {

commands::Runner register_init(CLI::App& cmd) {
    auto o = std::make_shared<commands::InitOptions>();
    cmd.add_option("DIR", o->dir, "The folder to create (default: --dir, $CRM_DIR, or ~/crm)");
    return [o](commands::Context& ctx) { return commands::init(*o, ctx); };
}

commands::Runner register_add_client(CLI::App& cmd) {
    auto o = std::make_shared<commands::AddClientOptions>();
    cmd.add_option("NAME", o->name, "The client's name, e.g. \"Acme Engineering Pty Ltd\"")
        ->required();
    cmd.add_option("--stage", o->stage, "Funnel stage (default: the first in crm.yaml)");
    cmd.add_option("--tier", o->tier, "Portfolio tier (default: default_tier)");
    cmd.add_option("--every", o->every, "How often to get in touch, e.g. 21d, 2m, or never");
    cmd.add_option("--owner", o->owner, "The teammate who owns the relationship");
    cmd.add_option("--contact", o->contacts,
                   "A person: \"Jane Doe <jane@example.com>\" (repeatable)");
    cmd.add_option("--phone", o->phone, "Phone number of the first contact");
    cmd.add_option("--tag", o->tags, "A tag (repeatable)");
    cmd.add_option("--note", o->note, "Free-text notes");
    return [o](commands::Context& ctx) { return commands::add_client(*o, ctx); };
}

commands::Runner register_log_visit(CLI::App& cmd) {
    auto o = std::make_shared<commands::LogVisitOptions>();
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option(
        "SUMMARY", o->summary,
        "What happened, in a sentence (goes to notes); - reads a visit as YAML from stdin");
    cmd.add_option("--date", o->date, "When (default today): YYYY-MM-DD, yesterday, -2d, mon...");
    cmd.add_option("--kind", o->kind, "visit, call, meeting, email, lunch, event or other")
        ->check(CLI::IsMember(visit_kinds()));
    cmd.add_option("--where", o->where, "Where it took place");
    cmd.add_option("--initiated-by", o->initiated_by, "Who started it: us or client")
        ->check(CLI::IsMember({"us", "client"}));
    cmd.add_option("--with", o->with, "A person present (repeatable)");
    cmd.add_option("--discussed", o->discussed, "A topic discussed (repeatable)");
    cmd.add_option("--new-topic", o->new_topics, "A new topic raised (repeatable)");
    cmd.add_option("--promise", o->promises, "What we promised: \"TEXT [by DATE]\" (repeatable)");
    cmd.add_option("--action", o->actions, "Other follow-up work: \"TEXT [by DATE]\" (repeatable)");
    cmd.add_option("--next", o->next, "When to get in touch next: a date, +2w, fri...");
    cmd.add_option("--note", o->note, "Free-text notes");
    cmd.add_flag("--edit", o->edit, "Write the visit in your editor");
    cmd.add_option("--meeting", o->meeting,
                   "Write up this meeting taken from the calendar: its date or file name");
    return [o](commands::Context& ctx) { return commands::log_visit(*o, ctx); };
}

commands::Runner register_review(CLI::App& cmd) {
    auto o = std::make_shared<commands::ReviewOptions>();
    cmd.footer(
        "A post-project review places the client on the spectrum angry, unhappy, neutral,\n"
        "happy, elated. An angry or unhappy review makes a follow-up due (review_follow_up\n"
        "in crm.yaml, 7d by default) until a visit or call is logged after it; 'crm due'\n"
        "and 'crm reviews' list it.");
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("--project", o->project, "The project reviewed")->required();
    cmd.add_option("--rating", o->rating, "angry, unhappy, neutral, happy or elated")->required();
    cmd.add_option("--why", o->why, "Why the client feels that way");
    cmd.add_option("--went-well", o->went_well, "Something that went well (repeatable)");
    cmd.add_option("--improve", o->improve, "Something to improve (repeatable)");
    cmd.add_option("--testimonial", o->testimonial, "A quote the client allows us to use");
    cmd.add_option("--referral", o->referrals, "Someone the client referred us to (repeatable)");
    cmd.add_option("--date", o->date, "When (default today): YYYY-MM-DD, yesterday, -2d, mon...");
    return [o](commands::Context& ctx) { return commands::review(*o, ctx); };
}

commands::Runner register_done(CLI::App& cmd) {
    auto o = std::make_shared<commands::DoneOptions>();
    cmd.footer(
        "ITEM is the item's number in `crm promises` (each client's open items are\n"
        "numbered from 1), its text, or a piece of its text that only it contains. Without\n"
        "ITEM, the client's only open item. Adds one line `done: DATE` to the visit file\n"
        "and changes nothing else in it.");
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("ITEM", o->item, "Number as listed by crm promises, or a unique piece of text");
    cmd.add_option("--date", o->date, "The day it was delivered (default: today)");
    return [o](commands::Context& ctx) { return commands::done(*o, ctx); };
}

commands::Runner register_set(CLI::App& cmd) {
    auto o = std::make_shared<commands::SetOptions>();
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("FIELD", o->field,
                   "stage, tier, every, owner, name, ratings.potential, ratings.compatibility, "
                   "ratings.profitability, or a custom field")
        ->required();
    cmd.add_option("VALUE", o->value, "The new value")->required();
    return [o](commands::Context& ctx) { return commands::set(*o, ctx); };
}

commands::Runner register_edit(CLI::App& cmd) {
    auto o = std::make_shared<commands::EditOptions>();
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("--visit", o->visit,
                   "Edit a visit, review or opportunity instead: latest (visit), or its file "
                   "name");
    return [o](commands::Context& ctx) { return commands::edit(*o, ctx); };
}

namespace {

commands::Runner register_watching(CLI::App& cmd, bool watch) {
    auto client = std::make_shared<std::string>();
    auto names = std::make_shared<std::vector<std::string>>();
    cmd.add_option("CLIENT", *client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("NAME", *names,
                   "Teammates (from crm.yaml's team) instead of you: a lead can subscribe a "
                   "colleague");
    return [client, names, watch](commands::Context& ctx) {
        return commands::change_watching(ctx, *client, *names, watch);
    };
}

}  // namespace

commands::Runner register_watch(CLI::App& cmd) {
    return register_watching(cmd, true);
}

commands::Runner register_unwatch(CLI::App& cmd) {
    return register_watching(cmd, false);
}

}  // namespace crm::cli
