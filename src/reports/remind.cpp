#include "crm/reports/remind.hpp"

#include <algorithm>

#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

namespace {

bool named_in(const std::vector<TeamMember>& team, std::string_view name) {
    return std::any_of(team.begin(), team.end(),
                       [&](const TeamMember& m) { return same_person(m.name, name); });
}

}  // namespace

std::vector<Reminder> reminders(const std::vector<TeamMember>& recipients,
                                const std::vector<DueItem>& items, Date today,
                                const std::vector<TeamMember>& team,
                                const std::vector<std::string>& unowned_to) {
    std::vector<DueItem> unowned;
    for (const DueItem& i : items)
        if (!named_in(team.empty() ? recipients : team, i.who()))
            unowned.push_back(i);
    auto gets_unowned = [&](const TeamMember& m) {
        return unowned_to.empty() ||
               std::any_of(unowned_to.begin(), unowned_to.end(),
                           [&](const std::string& u) { return same_person(u, m.name); });
    };
    std::vector<Reminder> out;
    for (const TeamMember& m : recipients) {
        // A name listed twice (crm check says so) gets one reminder, the first.
        bool earlier = std::any_of(out.begin(), out.end(), [&](const Reminder& r) {
            return same_person(r.member.name, m.name);
        });
        if (earlier)
            continue;
        Reminder r{m, {}, 0, {}};
        for (const DueItem& i : items) {
            if (!same_person(i.who(), m.name))
                continue;
            r.items.push_back(i);
            r.overdue += i.overdue(today) ? 1 : 0;
        }
        if (gets_unowned(m))
            r.unowned = unowned;
        if (!r.items.empty() || !r.unowned.empty())
            out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> people_outside_team(const std::vector<TeamMember>& team,
                                             const std::vector<DueItem>& items) {
    std::vector<std::string> out;
    for (const DueItem& i : items) {
        std::string who = trim(i.who());
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

}  // namespace reports
}  // namespace crm
