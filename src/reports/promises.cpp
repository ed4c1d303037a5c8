#include "crm/reports/promises.hpp"

#include <algorithm>
#include <iterator>

#include "crm/util/text.hpp"

#include "kept.hpp"

namespace crm {
inline namespace reports {

namespace {

// The rows of `r` with `owner` as their record: `r` itself or a copy of it.
std::vector<PromiseRow> client_rows(const ClientRecord& r,
                                    const std::shared_ptr<const ClientRecord>& owner,
                                    const PromisesQuery& q, Date today) {
    std::vector<PromiseRow> rows;
    const auto open = open_commitments(r);
    for (std::size_t i = 0; i < open.size(); ++i)
        rows.push_back({owner, open[i], static_cast<int>(i + 1)});
    if (q.all)
        for (const auto& ref : delivered_commitments(r))
            rows.push_back({owner, ref, 0});
    std::erase_if(rows, [&](const PromiseRow& row) {
        const Commitment& c = *row.ref.item;
        if (q.overdue && !(c.open() && c.due && *c.due < today))
            return true;
        // A promise is its maker's to keep, whoever owns the client.
        return q.mine && !same_person(r.client.owner, q.user) &&
               !same_person(row.ref.visit->by, q.user);
    });
    return rows;
}

// What the rows of `r` point into: the client, and only the visits that hold a commitment
// a row could show. Visits without an open one add nothing to the numbering (nor, without
// --all, anything else), so the copy numbers its items as the whole record does.
std::shared_ptr<const ClientRecord> kept_copy(const ClientRecord& r, bool all) {
    auto copy = std::make_shared<ClientRecord>();
    copy->client = client_identity(r.client);
    for (const Visit& v : r.visits) {
        auto shown = [&](const Commitment& c) { return all || c.open(); };
        if (std::any_of(v.promises.begin(), v.promises.end(), shown) ||
            std::any_of(v.actions.begin(), v.actions.end(), shown))
            copy->visits.push_back(v);
    }
    return copy;
}

}  // namespace

void PromisesCollector::add(const ClientRecord& r) {
    // Most clients have no row: look before copying anything.
    if (client_rows(r, nullptr, query_, today_).empty())
        return;
    auto copy = kept_copy(r, query_.all);
    groups_.push_back(client_rows(*copy, copy, query_, today_));
}

void PromisesCollector::merge(PromisesCollector&& later) {
    std::move(later.groups_.begin(), later.groups_.end(), std::back_inserter(groups_));
    later.groups_.clear();
}

std::vector<PromiseRow> PromisesCollector::finish() && {
    auto first_due = [](const std::vector<PromiseRow>& g) { return g.front().ref.item->due; };
    std::stable_sort(groups_.begin(), groups_.end(), [&](const auto& a, const auto& b) {
        auto da = first_due(a), db = first_due(b);
        if (da.has_value() != db.has_value())
            return da.has_value();
        return da && *da < *db;
    });
    std::vector<PromiseRow> rows;
    for (auto& g : groups_)
        std::move(g.begin(), g.end(), std::back_inserter(rows));
    return rows;
}

std::vector<PromiseRow> promise_rows(const std::vector<ClientRecord>& records,
                                     const PromisesQuery& q, Date today) {
    PromisesCollector promises(q, today);
    for (const auto& r : records)
        promises.add(r);
    return std::move(promises).finish();
}

}  // namespace reports
}  // namespace crm
