#pragma once
// How much of each record a load fills in. `summary` leaves out the free text of visits
// (where, who, what was discussed, notes: the fields the schema does not mark kSummary),
// whether a record came from the cache or from its file: reports that only need dates,
// owners and promises run several times faster for it.
namespace crm::store {

enum class Detail { full, summary };

// Whether a walk of the folder hands on a client whose client.yaml cannot be read (with
// Client::unreadable set, its slug for a name, and its readable records), for the reports
// that must not lose its promises (due, remind), or leaves it out (the rest, which
// need its profile). Its file is among the problems either way.
enum class Unreadable { skip, keep };

}  // namespace crm::store
