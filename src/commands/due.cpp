#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/due.hpp"
#include "crm/render/due_report.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/text.hpp"

#include "fold.hpp"

namespace crm::commands {

namespace {

bool has_tags(const Client& c, const std::vector<std::string>& tags) {
    return std::all_of(tags.begin(), tags.end(), [&](const std::string& t) {
        return std::any_of(c.tags.begin(), c.tags.end(),
                           [&](const std::string& x) { return fold_case(x) == fold_case(t); });
    });
}

// --mine: the items I own (the clients' and the opportunities' I pursue), and the promises
// and actions I made anywhere (a promise is its maker's to keep, whoever owns the client).
bool is_mine(const DueItem& i, const std::string& user) {
    if (same_person(i.owner, user))
        return true;
    return (i.type == DueType::promise || i.type == DueType::action) && same_person(i.by, user);
}

}  // namespace

Date due_window_end(const std::string& within, const DateText& until, const Settings& s,
                    Date today) {
    if (until.given()) {
        // Looking back is allowed: `--until yesterday` shows only what is overdue.
        return parse_date_arg(until.text, today, until.direction, until.option, s.order());
    }
    if (!within.empty())
        return parse_duration_arg(within, "--within").after(today);
    return s.due_within.after(today);
}

int due(const DueOptions& o, Context& ctx) {
    const Date today = ctx.today();
    store::Folder& folder = ctx.folder();
    const Settings& s = folder.settings();
    const Date end = due_window_end(o.within, o.until, s, today);
    const std::string tier = o.tier.empty() ? "" : one_of("--tier", o.tier, s.tier_names());

    std::vector<DataError> problems;
    // Client filters first: fewer records to compute.
    auto due = fold_clients(
        ctx, store::Detail::summary, [&] { return DueCollector(s, end); },
        [&](DueCollector& c, const ClientRecord& r) {
            // A client whose file cannot be read has no tier or tags to filter by: its
            // items stay (under its slug) unless a filter asks for one.
            if ((tier.empty() || fold_case(effective_tier(r.client, s)) == fold_case(tier)) &&
                has_tags(r.client, o.tags) && (!r.client.unreadable || tier.empty()))
                c.add(r);
        },
        problems, store::Unreadable::keep);
    render::DueReport report{std::move(due).finish(), today, end};
    // By the item's owner: the client's, except for an opportunity's next step and RFP,
    // which are the opportunity owner's.
    if (!o.owner.empty())
        std::erase_if(report.items,
                      [&](const DueItem& i) { return !same_person(i.owner, o.owner); });
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
        // A sentence, as the Markdown report has: an empty screen reads as "did it work?".
        // (Cron mail of "nothing to do" is `crm remind`'s to avoid: it mails only what is due.)
        ctx.out() << "Nothing due by " << end.iso() << ".\n";
    } else {
        ctx.out() << render::due_table(report, render::Styler(ctx.color()), ctx.terminal_width());
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
