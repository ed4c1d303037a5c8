#include "crm/reports/promises.hpp"

#include <algorithm>

#include "crm/util/text.hpp"

namespace crm {

namespace {

std::vector<PromiseRow> client_rows(const ClientRecord& r, const PromisesQuery& q, Date today) {
    std::vector<PromiseRow> rows;
    const auto open = open_commitments(r);
    for (std::size_t i = 0; i < open.size(); ++i)
        rows.push_back({&r, open[i], static_cast<int>(i + 1)});
    if (q.all)
        for (const auto& ref : delivered_commitments(r))
            rows.push_back({&r, ref, 0});
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

}  // namespace

std::vector<PromiseRow> promise_rows(const std::vector<ClientRecord>& records,
                                     const PromisesQuery& q, Date today) {
    std::vector<std::vector<PromiseRow>> groups;
    for (const auto& r : records)
        if (auto rows = client_rows(r, q, today); !rows.empty())
            groups.push_back(std::move(rows));
    auto first_due = [](const std::vector<PromiseRow>& g) { return g.front().ref.item->due; };
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
        auto da = first_due(a), db = first_due(b);
        if (da.has_value() != db.has_value())
            return da.has_value();
        return da && *da < *db;
    });
    std::vector<PromiseRow> rows;
    for (auto& g : groups)
        rows.insert(rows.end(), g.begin(), g.end());
    return rows;
}

}  // namespace crm
