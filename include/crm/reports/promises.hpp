#pragma once
// The promises report (`crm promises`): open promises and actions client by client,
// numbered as `crm done` reads the numbers, and with --all what was delivered.
#include <memory>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/reports/due.hpp"

namespace crm {
inline namespace reports {

struct PromiseRow {
    // A copy of the client with the visits its rows come from (not the whole record), which
    // `ref` points into: the rows outlive the records they were made from, so that a large
    // folder is read one client at a time.
    std::shared_ptr<const ClientRecord> record;
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
// delivered ones latest first.
std::vector<PromiseRow> promise_rows(const std::vector<ClientRecord>& records,
                                     const PromisesQuery& q, Date today);

// promise_rows one client at a time: add() each client in order (it keeps copies of what
// its rows show), merge() the collector that saw the clients after this one's, finish().
class PromisesCollector {
  public:
    PromisesCollector(PromisesQuery q, Date today) : query_(std::move(q)), today_(today) {}
    void add(const ClientRecord& r);
    void merge(PromisesCollector&& later);
    std::vector<PromiseRow> finish() &&;

  private:
    PromisesQuery query_;
    Date today_;
    std::vector<std::vector<PromiseRow>> groups_;  // one per client with rows, in order
};

}  // namespace reports
}  // namespace crm
