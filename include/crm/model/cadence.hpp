#pragma once
// When a client should next hear from us (spec section 3, `due`):
//   the latest visit's next_contact if it has one; otherwise the latest visit's date
//   plus the cadence (the client's `every`, else its tier's); a client never visited is
//   due from `since`. Inactive stages and `every: never` are never due.
#include <optional>

#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {

// The cadence that applies: the client's own, else its tier's (nullopt: never).
std::optional<Duration> effective_cadence(const Client& c, const Settings& s);

// nullopt when the client is not tracked (inactive stage, never, no date to start from).
std::optional<Date> next_contact(const ClientRecord& r, const Settings& s);

// The latest visit's date, if any.
std::optional<Date> last_contact(const ClientRecord& r);

}  // namespace crm
