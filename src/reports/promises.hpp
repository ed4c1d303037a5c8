#pragma once
// The promises report (`crm promises`): open promises and actions client by client,
// numbered as `crm done` reads the numbers, and with --all what was delivered.
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/reports/due.hpp"

namespace crm {

struct PromiseRow {
    const ClientRecord* record = nullptr;
    CommitmentRef ref;
    int number = 0;  // its number in open_commitments (from 1); 0 for delivered items
};

struct PromisesQuery {
    bool all = false;      // delivered items too, after a client's open ones
    bool overdue = false;  // only open items whose date has passed
    bool mine = false;     // only clients `user` owns and items `user` made
    std::string user;
};

// The rows of every client with any left after the filters. Filters hide rows; they never
// renumber. Clients whose first row is dated soonest come first, undated ones after, in
// the order of `records` otherwise; inside a client, open items in number order, then
// delivered ones latest first. The result points into `records`; keep them alive.
std::vector<PromiseRow> promise_rows(const std::vector<ClientRecord>& records,
                                     const PromisesQuery& q, Date today);

}  // namespace crm
