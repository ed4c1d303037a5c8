#include "crm/reports/remind.hpp"

#include <algorithm>

#include "crm/util/text.hpp"

namespace crm {

std::string_view responsible_person(const DueItem& item) {
    switch (item.type) {
        case DueType::promise:
        case DueType::action:
        case DueType::report:  // a meeting's report is for whoever was there
            // A promise is its maker's to keep, whoever owns the client.
            return trim(item.by).empty() ? std::string_view(item.owner) : item.by;
        case DueType::contact:
        case DueType::follow_up:
        case DueType::next_step:  // an opportunity's items: owner is the opportunity's
        case DueType::rfp:
            return item.owner;
    }
    return item.owner;
}

std::vector<Reminder> reminders(const std::vector<TeamMember>& team,
                                const std::vector<DueItem>& items, Date today) {
    std::vector<Reminder> out;
    for (const TeamMember& m : team) {
        // A name listed twice (crm check says so) gets one reminder, the first.
        bool earlier = std::any_of(out.begin(), out.end(), [&](const Reminder& r) {
            return same_person(r.member.name, m.name);
        });
        if (earlier)
            continue;
        Reminder r{m, {}, 0};
        for (const DueItem& i : items) {
            if (!same_person(responsible_person(i), m.name))
                continue;
            r.items.push_back(i);
            r.overdue += i.overdue(today) ? 1 : 0;
        }
        if (!r.items.empty())
            out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> people_outside_team(const std::vector<TeamMember>& team,
                                             const std::vector<DueItem>& items) {
    std::vector<std::string> out;
    for (const DueItem& i : items) {
        std::string who = trim(responsible_person(i));
        const bool in_team = std::any_of(team.begin(), team.end(), [&](const TeamMember& m) {
            return same_person(m.name, who);
        });
        if (who.empty())
            who = "(nobody)";
        const bool listed = std::any_of(out.begin(), out.end(),
                                        [&](const std::string& o) { return same_person(o, who); });
        if (!in_team && !listed)
            out.push_back(who);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace crm
