#include "crm/commands/report.hpp"

#include <algorithm>
#include <future>

#include "crm/git/changes.hpp"
#include "crm/os/output_file.hpp"
#include "crm/render/report_html.hpp"
#include "crm/render/report_markdown.hpp"
#include "crm/store/period_changes.hpp"
#include "crm/util/format.hpp"

#include "fold.hpp"

namespace crm::commands {

namespace {

std::optional<ReportPeriod> parse_month(const std::string& text) {
    const bool shape = text.size() == 7 && text[4] == '-' &&
                       std::all_of(text.begin(), text.end(),
                                   [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (!shape)
        return std::nullopt;
    return month_period(std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)));
}

// What changed in the period, from git: started on a thread of its own before the walk of
// the folder, since the two wait on different things (git's objects, the record cache).
std::future<FolderChanges> history(Context& ctx, ReportPeriod period) {
    if (!ctx.git()) {
        std::promise<FolderChanges> none;
        FolderChanges changes;
        changes.why_not = "The folder is not in a git repository";
        none.set_value(std::move(changes));
        return none.get_future();
    }
    return std::async(std::launch::async, [&git = *ctx.git(), period] {
        return store::period_changes(git, period.since, period.until);
    });
}

}  // namespace

Date end_of_month(Date today) {
    return Date::from_ymd(today.year(), today.month(), 1)->plus_months(1).plus_days(-1);
}

ReportPeriod report_period(const ReportOptions& o, Date today, DateOrder order) {
    ReportPeriod p = previous_month(today);
    if (!o.month.empty()) {
        auto month = parse_month(o.month);
        if (!month)
            throw UsageError(
                fmt::format("--month: '{}' is not a month", o.month),
                fmt::format("write it YYYY-MM, e.g. --month {}", p.since.iso().substr(0, 7)));
        p = *month;
    } else if (o.since.given()) {
        auto read = [&](const DateText& d) {
            return parse_date_arg(d.text, today, d.direction, d.option, order);
        };
        p.since = read(o.since);
        p.until = o.until.given() ? read(o.until) : today;
    } else if (o.until.given()) {
        throw UsageError("--until needs --since", "e.g. --since 2026-09-01 --until 2026-09-30");
    }
    if (p.since > today)
        throw UsageError(fmt::format("the period starts after today ({})", today),
                         "crm report looks back: name a month or days that have begun");
    p.until = std::min(p.until, today);
    if (p.until < p.since)
        throw UsageError(
            fmt::format("the period ends ({}) before it starts ({})", p.until, p.since));
    return p;
}

MonthlyReport build_report(Context& ctx, ReportPeriod period, Date due_until, bool with_history,
                           std::vector<DataError>& problems) {
    const Settings& s = ctx.folder().settings();
    const Date today = ctx.today();
    std::optional<std::future<FolderChanges>> asked;
    if (with_history)
        asked = history(ctx, period);
    // The summary holds every key the figures need (as for due, pipeline and the others).
    auto collector = fold_clients(
        ctx, store::Detail::summary, [&] { return MonthlyCollector(s, today, period, due_until); },
        problems);
    std::map<std::string, Date> stage_changes;
    FolderChanges changes;
    if (with_history) {
        if (collector.needs_stage_changes() && ctx.git())
            stage_changes = git::stage_change_dates(*ctx.git());
        try {
            changes = asked->get();
        } catch (const RuntimeError& e) {
            // The rest of the page stands; the exit code tells cron the page is not whole.
            problems.emplace_back(SourceLocation{}, e.what(), e.hint());
            changes.why_not = "git could not read the history";
        }
    }
    return std::move(collector).finish(stage_changes, std::move(changes));
}

int report(const ReportOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const ReportPeriod period = report_period(o, today, ctx.folder().settings().order());
    std::vector<DataError> problems;
    const MonthlyReport r = build_report(ctx, period, end_of_month(today), true, problems);
    const render::ReportPage page = render::report_page(r);
    const std::string text = o.format == render::OutputFormat::markdown
                                 ? render::report_markdown(page)
                                 : render::report_html(page);
    if (o.output.empty())
        ctx.out() << text;
    else
        os::write_output_file(o.output, text);
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
