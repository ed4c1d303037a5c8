#include "crm/commands/notify.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "crm/commands/common.hpp"
#include "crm/git/changes.hpp"
#include "crm/render/mail_text.hpp"
#include "crm/reports/alerts.hpp"
#include "crm/store/local_state.hpp"
#include "crm/util/format.hpp"

#include "mailing.hpp"

namespace crm::commands {

namespace {

// The state file in .crm/ that remembers where the last notify from this clone stood.
constexpr const char* kNotifyState = "notify";

// The message key of one record for one teammate: each record is news to each teammate
// once, however the runs that find it overlap (a retry after a failure, --since).
std::string item_key(const TeamMember& m, const AlertItem& i) {
    return fmt::format("notify {} {}", m.email, i.file);
}

// The clients the added files belong to, each with all its records.
std::vector<ClientRecord> clients_of(Context& ctx, const std::vector<AddedFile>& added,
                                     std::vector<DataError>& problems) {
    std::set<std::string> slugs;
    for (const auto& f : added)
        if (auto rp = parse_record_path(f.path))
            slugs.insert(rp->slug);
    std::vector<ClientRecord> out;
    auto& folder = ctx.folder();
    for (const auto& slug : slugs) {
        if (!folder.has_client(slug))
            continue;
        try {
            out.push_back(folder.load_record(slug, problems));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    return out;
}

// Records dated on or after `since`, one client at a time: only clients with something
// new are kept, so memory stays small on a large folder.
std::vector<Alert> alerts_dated(Context& ctx, const Settings& s, Date since,
                                std::vector<DataError>& problems) {
    std::vector<ClientRecord> recent;
    auto found = ctx.for_each_record(store::Detail::full, [&](const ClientRecord& r) {
        auto is_new = [&](const auto& rec) { return rec.date >= since; };
        if (std::any_of(r.visits.begin(), r.visits.end(), is_new) ||
            std::any_of(r.reviews.begin(), r.reviews.end(), is_new))
            recent.push_back(r);
    });
    problems.insert(problems.end(), found.begin(), found.end());
    return alerts_since(s.team, recent, since);
}

// Mails each alert, less what a real run mailed before.
void mail_alerts(Mailer& mailer, std::vector<Alert> alerts, const std::string& since) {
    if (mailer.recording()) {
        drop_sent(alerts, [&](const TeamMember& m, const AlertItem& i) {
            return mailer.already_sent(item_key(m, i));
        });
    }
    for (const Alert& a : alerts) {
        std::vector<std::string> keys;
        for (const auto& c : a.clients)
            for (const auto& i : c.items)
                keys.push_back(item_key(a.member, i));
        mailer.send(a.member, render::notify_subject(a), render::notify_body(a, since), keys);
    }
}

}  // namespace

int notify(const NotifyOptions& o, Context& ctx) {
    const Date today = ctx.today();
    auto& folder = ctx.folder();
    const Settings& s = folder.settings();
    Mailer mailer(ctx, MailOptions{o.dry_run, o.mbox});
    std::vector<DataError> problems;

    if (o.since.given()) {
        const Date since = read_date(ctx, o.since);
        auto alerts = alerts_dated(ctx, s, since, problems);
        if (alerts.empty())
            mailer.tell(
                fmt::format("nothing new by others dated on or after {}; no mail sent", since));
        mail_alerts(mailer, std::move(alerts), fmt::format("dated on or after {}", since));
        mailer.finish();
        return ctx.warn_problems(problems);
    }

    // Since the last notify: what was committed since then (a visit a teammate logged late
    // with an earlier date too); without git, by the records' dates.
    const auto& git = ctx.git();
    const std::string head = git ? git::resolve_commit(*git, "HEAD") : std::string{};
    auto state = store::read_local_state(folder.root(), kNotifyState);
    const auto last_date = Date::parse_iso(state["date"]);
    std::map<std::string, std::string> now{{"date", today.iso()}};
    if (!head.empty())
        now["commit"] = head;
    if (!last_date) {
        if (mailer.recording())
            store::write_local_state(folder.root(), kNotifyState, now);
        ctx.note(
            fmt::format("{}the first crm notify from this clone sends nothing; it {} where the "
                        "folder stands, and the next one mails what is added after this (crm "
                        "notify --since DATE mails older records)",
                        mailer.recording() ? "" : "dry run: ",
                        mailer.recording() ? "records" : "would record"));
        mailer.finish();
        return 0;
    }
    const std::string seen = git ? git::resolve_commit(*git, state["commit"]) : "";
    std::vector<Alert> alerts;
    if (!seen.empty() && !head.empty()) {
        const auto added = git::added_files(*git, seen, head);
        alerts = alerts_from_added(s.team, added, clients_of(ctx, added, problems));
    } else {
        alerts = alerts_dated(ctx, s, *last_date, problems);
    }
    if (alerts.empty())
        mailer.tell(fmt::format(
            "nothing new by others since the last crm notify ({}); no mail sent", *last_date));
    mail_alerts(mailer, std::move(alerts),
                fmt::format("added since the last notice ({})", *last_date));
    mailer.finish();  // throws when a message was not sent: the next run tries again
    if (mailer.recording())
        store::write_local_state(folder.root(), kNotifyState, now);
    return ctx.warn_problems(problems);
}

int notify_pushed(Context& ctx, const std::string& from, const std::string& to) {
    const auto& git = ctx.git();
    if (!git || from.empty() || to.empty() || from == to)
        return 0;
    const Settings& s = ctx.folder().settings();
    Mailer mailer(ctx, MailOptions{});
    std::vector<DataError> problems;
    const auto added = git::added_files(*git, from, to);
    auto alerts = alerts_from_added(s.team, added, clients_of(ctx, added, problems));
    if (alerts.empty())
        mailer.tell("notify_on_sync: nothing pushed that a teammate watches or owns; no mail sent");
    std::optional<Date> oldest;
    for (const auto& a : alerts)
        for (const auto& c : a.clients)
            for (const auto& i : c.items)
                oldest = oldest ? std::min(*oldest, i.date) : i.date;
    mail_alerts(mailer, std::move(alerts), fmt::format("just shared by {} (crm sync)", ctx.user()));
    try {
        mailer.finish();
    } catch (const RuntimeError& e) {
        // Another sync pushes nothing new, so it would not try again: say what does.
        throw RuntimeError(
            e.what(),
            fmt::format("the push went through; crm notify --since {} mails what was not sent",
                        oldest.value_or(ctx.today())));
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
