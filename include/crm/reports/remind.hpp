#pragma once
// `crm remind`: each teammate's own `due` items. Pure: the items and the team in, one
// list per teammate out.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/settings.hpp"
#include "crm/reports/due.hpp"

namespace crm {
inline namespace reports {

struct Reminder {
    TeamMember member;
    std::vector<DueItem> items;  // in compute_due's order: by date, so overdue first
    std::size_t overdue = 0;
    // Items that belong to nobody in the team, in a section of their own: crm.yaml's
    // unowned_to gets them (everyone when it names nobody), so nothing due goes unmailed.
    std::vector<DueItem> unowned;
};

// One reminder for each of `recipients` (the team, or those --to names) with something
// due, in their order; each item of a teammate in that teammate's reminder only, each
// item of nobody in `team` in the reminders of `unowned_to` (empty: every recipient).
// Names compare as people do (same_person).
std::vector<Reminder> reminders(const std::vector<TeamMember>& recipients,
                                const std::vector<DueItem>& items, Date today,
                                const std::vector<TeamMember>& team = {},
                                const std::vector<std::string>& unowned_to = {});

// The people items are for who are not in the team (no one will hear of them), sorted.
std::vector<std::string> people_outside_team(const std::vector<TeamMember>& team,
                                             const std::vector<DueItem>& items);

}  // namespace reports
}  // namespace crm
