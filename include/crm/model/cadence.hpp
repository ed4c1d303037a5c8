#pragma once
// When a client should next hear from us (spec section 3, `due`):
//   the latest visit's next_contact if it has one; otherwise the latest visit's date
//   plus the cadence (the client's `every`, else its tier's); a client never visited is
//   due from `since`. Inactive stages and `every: never` are never due.
// Only visits of crm.yaml's cadence_kinds count as contact (an e-mail exchanges
// information; a visit or a call keeps the relationship): a later e-mail neither resets
// the cadence nor hides the visit before it. A next_contact written on any visit is a
// person's decision, and stands whatever the visit's kind.
#include <optional>

#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace model {

// The cadence that applies: the client's own, else its tier's (nullopt: never).
std::optional<Duration> effective_cadence(const Client& c, const Settings& s);

// The visit the next contact comes from: newest first, the first that has a next_contact
// or is of a cadence kind. nullptr: none (the client is due from `since`).
const Visit* contact_visit(const ClientRecord& r, const Settings& s);

// nullopt when the client is not tracked (inactive stage, never, no date to start from).
std::optional<Date> next_contact(const ClientRecord& r, const Settings& s);

// The latest contact: the date of the latest visit of a cadence kind, if any.
std::optional<Date> last_contact(const ClientRecord& r, const Settings& s);

}  // namespace model
}  // namespace crm
