#pragma once
// What a report keeps of a client once its records are gone. Reports are folded one
// client at a time (store::fold_records), so that memory does not grow with the folder:
// a row keeps copies of what it shows, never pointers into the records.
#include "crm/model/records.hpp"

namespace crm {
inline namespace reports {

// The client's identity and the fields reports sort and group by: no contacts, tags,
// watchers, notes or custom fields, which no report row shows.
Client client_identity(const Client& c);

}  // namespace reports
}  // namespace crm
