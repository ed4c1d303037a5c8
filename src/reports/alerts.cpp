#include "crm/reports/alerts.hpp"

#include <algorithm>
#include <map>

#include "crm/model/opportunity.hpp"
#include "crm/reports/news.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

namespace {

// What arrived at one client, before it is shared out among the team.
struct Arrived {
    const ClientRecord* record;
    std::vector<AlertItem> items;
};

AlertItem item_of(const Visit& v, const std::string& committer) {
    return {v.file,
            v.date,
            trim(v.by).empty() ? committer : v.by,
            record_kind(v),
            record_summary(v),
            v.promises,
            v.next_contact};
}

AlertItem item_of(const Review& r, const std::string& committer) {
    return {r.file, r.date,      trim(r.by).empty() ? committer : r.by, "review", record_summary(r),
            {},     std::nullopt};
}

// An opportunity has no date key: the day it was logged is its file name's.
AlertItem item_of(const Opportunity& o, const std::string& committer) {
    return {o.file,
            record_file_date(o.file).value_or(Date{}),
            trim(o.by).empty() ? committer : o.by,
            "opportunity",
            o.title,
            {},
            std::nullopt};
}

std::vector<Alert> share_out(const std::vector<TeamMember>& team, std::vector<Arrived> arrived) {
    for (auto& a : arrived) {
        std::stable_sort(a.items.begin(), a.items.end(),
                         [](const AlertItem& x, const AlertItem& y) {
                             return x.date != y.date ? x.date < y.date : x.file < y.file;
                         });
    }
    std::stable_sort(arrived.begin(), arrived.end(), [](const Arrived& x, const Arrived& y) {
        const std::string a = fold_case(x.record->client.name);
        const std::string b = fold_case(y.record->client.name);
        return a != b ? a < b : x.record->client.slug < y.record->client.slug;
    });
    std::vector<Alert> out;
    for (const TeamMember& m : team) {
        bool earlier = std::any_of(out.begin(), out.end(), [&](const Alert& a) {
            return same_person(a.member.name, m.name);
        });
        if (earlier)
            continue;  // a name listed twice (crm check says so) hears once
        Alert alert{m, {}};
        for (const Arrived& a : arrived) {
            const Client& c = a.record->client;
            AlertClient ac{c.slug,
                           c.name.empty() ? c.slug : c.name,
                           same_person(c.owner, m.name),
                           is_watcher(c, m.name),
                           {}};
            if (!ac.owned && !ac.watched)
                continue;
            for (const AlertItem& i : a.items)
                if (!same_person(i.author, m.name))  // never a teammate's own work
                    ac.items.push_back(i);
            if (!ac.items.empty())
                alert.clients.push_back(std::move(ac));
        }
        if (!alert.clients.empty())
            out.push_back(std::move(alert));
    }
    return out;
}

}  // namespace

std::size_t Alert::count() const {
    std::size_t n = 0;
    for (const auto& c : clients)
        n += c.items.size();
    return n;
}

std::vector<Alert> alerts_from_added(const std::vector<TeamMember>& team,
                                     const std::vector<AddedFile>& added,
                                     const std::vector<ClientRecord>& records) {
    std::map<std::string, Arrived> by_slug;
    for (const auto& r : records)
        by_slug.emplace(r.client.slug, Arrived{&r, {}});
    for (const AddedFile& f : added) {
        auto rp = parse_record_path(f.path);
        if (!rp || rp->kind == RecordPath::Kind::client)
            continue;
        auto found = by_slug.find(rp->slug);
        if (found == by_slug.end())
            continue;
        Arrived& a = found->second;
        auto take = [&](const auto& records) {
            for (const auto& r : records)
                if (r.file == f.path)
                    a.items.push_back(item_of(r, f.author));
        };
        switch (rp->kind) {
            case RecordPath::Kind::visit:
                take(a.record->visits);
                break;
            case RecordPath::Kind::review:
                take(a.record->reviews);
                break;
            case RecordPath::Kind::opportunity:
                take(a.record->opportunities);
                break;
            case RecordPath::Kind::client:
                break;
        }
    }
    std::vector<Arrived> arrived;
    for (auto& [slug, a] : by_slug)
        if (!a.items.empty())
            arrived.push_back(std::move(a));
    return share_out(team, std::move(arrived));
}

std::vector<Alert> alerts_since(const std::vector<TeamMember>& team,
                                const std::vector<ClientRecord>& records, Date since) {
    std::vector<Arrived> arrived;
    for (const auto& r : records) {
        Arrived a{&r, {}};
        for (const Visit& v : r.visits)
            if (v.date >= since)
                a.items.push_back(item_of(v, ""));
        for (const Review& rv : r.reviews)
            if (rv.date >= since)
                a.items.push_back(item_of(rv, ""));
        for (const Opportunity& o : r.opportunities)
            if (auto logged = record_file_date(o.file); logged && *logged >= since)
                a.items.push_back(item_of(o, ""));
        if (!a.items.empty())
            arrived.push_back(std::move(a));
    }
    return share_out(team, std::move(arrived));
}

void drop_sent(std::vector<Alert>& alerts,
               const std::function<bool(const TeamMember&, const AlertItem&)>& sent) {
    for (auto& a : alerts) {
        for (auto& c : a.clients)
            std::erase_if(c.items, [&](const AlertItem& i) { return sent(a.member, i); });
        std::erase_if(a.clients, [](const AlertClient& c) { return c.items.empty(); });
    }
    std::erase_if(alerts, [](const Alert& a) { return a.clients.empty(); });
}

}  // namespace reports
}  // namespace crm
