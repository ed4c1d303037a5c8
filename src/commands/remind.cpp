#include "crm/commands/remind.hpp"

#include "crm/commands/common.hpp"
#include "crm/commands/due.hpp"
#include "crm/commands/report.hpp"
#include "crm/render/mail_text.hpp"
#include "crm/render/report_html.hpp"
#include "crm/reports/remind.hpp"
#include "crm/util/format.hpp"

#include "fold.hpp"
#include "mailing.hpp"

namespace crm::commands {

namespace {

// The teammates --to names, in the team's order; all of them without --to.
std::vector<TeamMember> recipients(const std::vector<std::string>& to, const Settings& s) {
    if (to.empty())
        return s.team;
    std::vector<TeamMember> out;
    for (const auto& name : to) {
        const TeamMember* m = s.find_member(name);
        if (!m) {
            throw UsageError(fmt::format("--to: '{}' is not in crm.yaml's team", name),
                             s.team.empty()
                                 ? "crm.yaml has no team: yet"
                                 : fmt::format("the team: {}", join(s.team_names(), ", ")));
        }
        out.push_back(*m);
    }
    return out;
}

}  // namespace

int remind(const RemindOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const Settings& s = ctx.folder().settings();
    const Date end = due_window_end(o.within, o.until, s, today);
    const std::vector<TeamMember> team = recipients(o.to, s);
    Mailer mailer(ctx, MailOptions{o.dry_run, o.mbox});

    std::vector<DataError> problems;
    // The items of every client, those whose client.yaml cannot be read too (under the
    // slug): nothing due is left unmailed. With --html, each person's section of the
    // partners' page goes beside them.
    std::optional<MonthlyReport> report;
    if (o.html)
        report = build_report(ctx, previous_month(today), end, false, problems);
    const auto items = fold_clients(
                           ctx, store::Detail::summary, [&] { return DueCollector(s, end); },
                           problems, store::Unreadable::keep)
                           .finish();
    if (auto nobody = people_outside_team(s.team, items); !nobody.empty())
        ctx.note(
            fmt::format("items of people not in the team ({}) go to {}", join(nobody, ", "),
                        s.unowned_to.empty() ? std::string("everyone") : join(s.unowned_to, ", ")));
    const auto list = reminders(team, items, today, s.team, s.unowned_to);
    if (list.empty())
        mailer.tell(fmt::format("nothing due by {} for anyone mailed; no mail sent", end));
    for (const Reminder& r : list) {
        // One reminder per teammate, day and window: a rerun today sends nothing again,
        // tomorrow's run or another window is a new reminder.
        const std::string key = fmt::format("remind {} {} {}", today, end, r.member.email);
        if (mailer.recording() && mailer.already_sent(key)) {
            mailer.skipped(r.member);
            continue;
        }
        const std::string html =
            report ? render::report_html(render::person_page(*report, r.member.name), false)
                   : std::string();
        mailer.send(r.member, render::remind_subject(r, end), render::remind_body(r, today, end),
                    {key}, html);
    }
    mailer.finish();
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
