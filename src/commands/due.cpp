#include <algorithm>
#include <chrono>
#include <filesystem>

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

// When what a due item shows last changed, for its calendar event's LAST-MODIFIED and
// SEQUENCE: the newest modification time of the files it comes from. Those are crm.yaml
// (cadences, windows), the client's client.yaml (its name, owner, cadence), the record
// of the item, and for a contact the client's visits/ folder, which changes when a
// visit comes or goes. A file's time only moves forward as crm and git write it, so the
// sequence grows with every change and stays put while nothing changes.
std::int64_t item_modified(const std::filesystem::path& root, const DueItem& i) {
    std::int64_t newest = 0;
    auto consider = [&](const std::filesystem::path& p) {
        std::error_code ec;
        const auto t = std::filesystem::last_write_time(p, ec);
        if (ec)
            return;
        const auto sys = std::chrono::file_clock::to_sys(t);
        newest = std::max<std::int64_t>(
            newest,
            std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count());
    };
    const std::filesystem::path client = root / "clients" / i.client;
    consider(root / "crm.yaml");
    consider(client / "client.yaml");
    if (!i.file.empty())
        consider(root / i.file);
    if (i.type == DueType::contact)
        consider(client / "visits");
    return newest;
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
    render::DueReport report{std::move(due).finish(), today, end, folder.inbox_files().size()};
    // Whose each item is (DueItem::who): the rule remind mails by, so that `due --owner X`
    // lists what `remind --to X` mails.
    const std::string person = o.mine ? ctx.user() : o.owner;
    if (!person.empty())
        std::erase_if(report.items,
                      [&](const DueItem& i) { return !same_person(i.who(), person); });

    switch (o.format) {
        case render::OutputFormat::json:
            ctx.out() << render::due_json(report);
            break;
        case render::OutputFormat::csv:
            ctx.out() << render::due_csv(report);
            break;
        case render::OutputFormat::markdown:
            ctx.out() << render::due_markdown(report);
            break;
        case render::OutputFormat::ics: {
            const std::filesystem::path root = folder.root();
            ctx.out() << render::due_ics(report,
                                         [&](const DueItem& i) { return item_modified(root, i); });
            break;
        }
        default:
            if (report.items.empty()) {
                // A sentence, as the Markdown report has: an empty screen reads as "did it
                // work?". (Cron mail of "nothing to do" is `crm remind`'s to avoid: it mails
                // only what is due.)
                ctx.out() << "Nothing due by " << end.iso() << ".\n";
            } else {
                ctx.out() << render::due_table(report, render::Styler(ctx.color()),
                                               ctx.terminal_width());
            }
    }
    // Mail nobody has given a client yet is the team's to sort out, whatever the filters.
    if (report.inbox > 0 &&
        (render::for_people(o.format) || o.format == render::OutputFormat::markdown))
        ctx.out() << '\n' << render::inbox_line(report.inbox);
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
