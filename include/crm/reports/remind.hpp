#pragma once
// `crm remind`: each teammate's own `due` items. Pure: the items and the team in, one
// list per teammate out.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/settings.hpp"
#include "crm/reports/due.hpp"

namespace crm {

struct Reminder {
    TeamMember member;
    std::vector<DueItem> items;  // in compute_due's order: by date, so overdue first
    std::size_t overdue = 0;
};

// One reminder for each teammate with something due, in the team's order; each item in
// at most one reminder. Names compare as people do (same_person).
std::vector<Reminder> reminders(const std::vector<TeamMember>& team,
                                const std::vector<DueItem>& items, Date today);

// The people items are for who are not in the team (no one will hear of them), sorted.
std::vector<std::string> people_outside_team(const std::vector<TeamMember>& team,
                                             const std::vector<DueItem>& items);

}  // namespace crm
