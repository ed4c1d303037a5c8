#pragma once
// `crm notify`: for each teammate, the visits, reviews and opportunities that others added at the
// clients the teammate watches or owns. Pure: the store says which files arrived (with
// the author of the commit that added each), the records say what they hold.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/layout.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace reports {

struct AlertItem {
    std::string file;
    Date date;
    std::string author;   // the record's `by`, else whoever committed it
    std::string what;     // the visit's kind, "review" or "opportunity"
    std::string summary;  // as the news has it (record_summary); an opportunity's title
    std::vector<Commitment> promises;
    std::optional<Date> next_contact;
};

struct AlertClient {
    std::string slug;
    std::string name;
    bool owned = false;            // the teammate is the client's owner
    bool watched = false;          // the teammate is among its watchers
    std::vector<AlertItem> items;  // oldest first
};

struct Alert {
    TeamMember member;
    std::vector<AlertClient> clients;  // by name
    std::size_t count() const;
};

// From the files that arrived. `records` holds every client an added file belongs to;
// files that are not records (visits, reviews, opportunities), or whose records are
// missing, are skipped. One
// alert per teammate with something new, in the team's order; never their own work.
std::vector<Alert> alerts_from_added(const std::vector<TeamMember>& team,
                                     const std::vector<AddedFile>& added,
                                     const std::vector<ClientRecord>& records);

// By date: visits and reviews dated, and opportunities logged, on or after `since`.
std::vector<Alert> alerts_since(const std::vector<TeamMember>& team,
                                const std::vector<ClientRecord>& records, Date since);

// Drops the items `sent` says the teammate has had already; alerts left empty go.
void drop_sent(std::vector<Alert>& alerts,
               const std::function<bool(const TeamMember&, const AlertItem&)>& sent);

}  // namespace reports
}  // namespace crm
