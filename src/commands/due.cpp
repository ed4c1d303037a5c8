#include <CLI/CLI.hpp>

#include <algorithm>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"
#include "crm/render/due_report.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

struct DueOptions {
    std::string within;
    std::string until;
    std::string owner;
    bool mine = false;
    std::string tier;
    std::vector<std::string> tags;
    std::string format = "table";
};

bool has_tags(const Client& c, const std::vector<std::string>& tags) {
    return std::all_of(tags.begin(), tags.end(), [&](const std::string& t) {
        return std::any_of(c.tags.begin(), c.tags.end(),
                           [&](const std::string& x) { return fold_case(x) == fold_case(t); });
    });
}

// --mine: the clients I own, and the promises and actions I made anywhere (a promise is
// its maker's to keep, whoever owns the client).
bool is_mine(const DueItem& i, const std::string& user) {
    if (same_person(i.owner, user))
        return true;
    return (i.type == DueType::promise || i.type == DueType::action) && same_person(i.by, user);
}

Date window_end(const DueOptions& o, const Settings& s, Date today) {
    if (!o.until.empty()) {
        Date until = parse_date_arg(o.until, today, DateDirection::future, "--until");
        // Looking back is allowed: `--until yesterday` shows only what is overdue.
        return until;
    }
    if (!o.within.empty())
        return parse_duration_arg(o.within, "--within").after(today);
    return s.due_within.after(today);
}

int run(const DueOptions& o, Context& ctx) {
    const Date today = ctx.today();
    store::Folder& folder = ctx.folder();
    const Settings& s = folder.settings();
    const Date end = window_end(o, s, today);
    if (!o.tier.empty() && !s.find_tier(o.tier))
        require_one_of("--tier", o.tier, s.tier_names());

    store::Snapshot snap = ctx.load_all(store::Detail::summary);
    // Client filters first: fewer records to compute.
    std::erase_if(snap.clients, [&](const ClientRecord& r) {
        return (!o.tier.empty() && effective_tier(r.client, s) != o.tier) ||
               !has_tags(r.client, o.tags) ||
               (!o.owner.empty() && !same_person(r.client.owner, o.owner));
    });
    render::DueReport report{compute_due(snap.clients, s, today, end), today, end};
    if (o.mine) {
        const std::string user = ctx.user();
        std::erase_if(report.items, [&](const DueItem& i) { return !is_mine(i, user); });
    }

    if (o.format == "json") {
        ctx.out() << render::due_json(report);
    } else if (o.format == "csv") {
        ctx.out() << render::due_csv(report);
    } else if (o.format == "markdown") {
        ctx.out() << render::due_markdown(report);
    } else if (o.format == "ics") {
        ctx.out() << render::due_ics(report);
    } else if (report.items.empty()) {
        // Nothing on stdout, so that cron sends no mail when there is nothing to do.
        if (ctx.out_is_tty())
            ctx.note("nothing due by " + end.iso());
    } else {
        ctx.out() << render::due_table(report, render::Styler(ctx.color()), ctx.terminal_width());
    }
    return ctx.warn_problems(snap.problems);
}

}  // namespace

Runner register_due(CLI::App& cmd) {
    auto o = std::make_shared<DueOptions>();
    cmd.footer(
        "Lists, overdue first, then by date:\n"
        "  contact    clients whose next contact falls by the window's end: the latest\n"
        "             visit's next_contact, else its date + the cadence (the client's\n"
        "             every, else its tier's); never visited: due from since\n"
        "  promise    undelivered promises (no done: date) due by then\n"
        "  action     undelivered actions due by then\n"
        "  follow-up  angry or unhappy reviews with no visit after them, due\n"
        "             review_follow_up after the review\n"
        "Everything overdue is always listed. Clients in inactive stages or with\n"
        "every: never are not listed.");
    auto* within = cmd.add_option("--within", o->within,
                                  "Window from today: 7d, 2w, 1m... (default: due_within)");
    auto* until = cmd.add_option("--until", o->until, "Last day of the window: a date");
    within->excludes(until);
    auto* owner = cmd.add_option("--owner", o->owner, "Only clients this person owns");
    auto* mine = cmd.add_flag("--mine", o->mine,
                              "Only my items: clients I own, and promises and actions I made "
                              "for any client (I = CRM_USER, else git's user.name)");
    owner->excludes(mine);
    cmd.add_option("--tier", o->tier, "Only clients in this tier (its own, else default_tier)");
    cmd.add_option("--tag", o->tags, "Only clients with this tag (repeatable: all must match)");
    cmd.add_option("--format", o->format, "table, json, csv, markdown or ics")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown", "ics"}));
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
