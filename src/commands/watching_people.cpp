#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/watching.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

std::vector<std::string> watching_people(Context& ctx, const std::vector<std::string>& names) {
    if (names.empty())
        return {ctx.user()};
    const Settings& s = ctx.folder().settings();
    std::vector<std::string> out;
    for (const auto& name : names) {
        const TeamMember* m = s.find_member(name);
        if (!m && !s.team.empty()) {
            throw UsageError(fmt::format("'{}' is not in crm.yaml's team", name),
                             fmt::format("the team: {}", join(s.team_names(), ", ")));
        }
        std::string who = m ? m->name : trim(name);
        if (who.empty() || who.find_first_of("\r\n") != std::string::npos)
            throw UsageError(fmt::format("'{}' is not a name", name),
                             "give a person's name, on one line");
        auto same = [&](const std::string& o) { return same_person(o, who); };
        if (std::none_of(out.begin(), out.end(), same))
            out.push_back(who);
    }
    return out;
}

}  // namespace crm::commands
