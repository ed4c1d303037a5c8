#pragma once
// How much of each record a load fills in. `summary` leaves out the free text of visits
// (where, who, what was discussed, notes: the fields the schema does not mark kSummary),
// whether a record came from the cache or from its file: reports that only need dates,
// owners and promises run several times faster for it.
namespace crm::store {

enum class Detail { full, summary };

}  // namespace crm::store
