#pragma once
// What needs doing by the end of a window (spec section 3, `crm due`), and the open
// promises and actions of a client in the one order that `crm promises` numbers them
// and `crm done` resolves those numbers. Pure: records and today in, items out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace reports {

enum class DueType { contact, promise, action, follow_up, next_step, rfp, report };

// contact | promise | action | follow-up | next-step | rfp | report
std::string_view due_type_name(DueType t);

struct DueItem {
    DueType type = DueType::contact;
    std::string client;  // slug
    std::string name;    // the client's name
    std::string owner;   // the client's owner; an opportunity's items, the opportunity's
    std::string tier;    // the client's tier, else the default tier
    std::string by;      // who made the promise or action, wrote the review, or met (report)
    Date due;
    std::string what;    // the promise, action or next step; for the others, a short phrase
    std::string reason;  // why it is due on that day, for people
    std::optional<Date> last_contact;
    std::string file;  // the record it comes from (empty for a cadence contact)
    int index = -1;    // the item's place in the visit's promises or actions

    bool overdue(Date today) const { return due < today; }
    // Whose item it is, the one rule of `due`'s WHO column, --owner, --mine and `remind`:
    // a promise or action is its maker's (the visit's `by`; the client's owner when the
    // visit names nobody), a contact or follow-up the client's owner's, an opportunity's
    // next step and RFP the opportunity owner's (already in `owner`). `remind --to X`
    // mails exactly the items `due --owner X` lists.
    std::string_view who() const;
};

// Everything due on or before `window_end`, overdue items included however old: sorted
// by date (so overdue first), then client, then type, then file and index. A client in an
// inactive stage is not due for contact; its promises, actions, follow-ups and open
// opportunities' next steps and RFPs still are.
std::vector<DueItem> compute_due(const std::vector<ClientRecord>& records, const Settings& s,
                                 Date today, Date window_end);

// compute_due one client at a time, for a folder too large to hold: add() each client
// (the items copy what they show, so the record may go), merge() the collector that saw
// the clients after this one's (a walk split between threads), then finish(). The same
// items as compute_due over the same clients. `s` must outlive the collector.
class DueCollector {
  public:
    DueCollector(const Settings& s, Date window_end) : settings_(&s), end_(window_end) {}
    void add(const ClientRecord& r);
    void merge(DueCollector&& later);
    std::vector<DueItem> finish() &&;

  private:
    const Settings* settings_;
    Date end_;
    std::vector<DueItem> items_;
};

// The tier a client is counted in: its own, else the folder's default.
std::string effective_tier(const Client& c, const Settings& s);

// One promise or action of a visit, where it lives, and whether it is still open.
struct CommitmentRef {
    DueType type = DueType::promise;  // promise or action
    const Visit* visit = nullptr;
    const Commitment* item = nullptr;
    int index = 0;  // place in visit->promises or visit->actions
    std::string_view list_key() const { return type == DueType::action ? "actions" : "promises"; }
};

// A client's open promises and actions in their numbering order (number = position + 1):
// dated ones first, soonest first, then undated; ties by visit date, visit file,
// promises before actions, and place in the list. `crm promises` and `crm done` both
// use this, so a number means the same item to both; `crm show` lists them so too.
std::vector<CommitmentRef> open_commitments(const ClientRecord& r);

// The client's delivered promises and actions (for `crm promises --all`), latest first.
std::vector<CommitmentRef> delivered_commitments(const ClientRecord& r);

}  // namespace reports
}  // namespace crm
