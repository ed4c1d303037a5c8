#include "crm/model/settings.hpp"

#include <algorithm>

#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

const Tier* Settings::find_tier(const std::string& name) const {
    for (const auto& t : tiers)
        if (t.name == name)
            return &t;
    return nullptr;
}

bool Settings::is_cadence_kind(std::string_view kind) const {
    return std::find(cadence_kinds.begin(), cadence_kinds.end(), kind) != cadence_kinds.end();
}

bool Settings::has_stage(const std::string& stage) const {
    return std::find(stages.begin(), stages.end(), stage) != stages.end();
}

bool Settings::is_inactive(const std::string& stage) const {
    return std::find(inactive_stages.begin(), inactive_stages.end(), stage) !=
           inactive_stages.end();
}

std::vector<std::string> Settings::tier_names() const {
    std::vector<std::string> names;
    for (const auto& t : tiers)
        names.push_back(t.name);
    return names;
}

const TeamMember* Settings::find_member(std::string_view name) const {
    for (const auto& m : team)
        if (same_person(m.name, name))
            return &m;
    return nullptr;
}

std::vector<std::string> Settings::team_names() const {
    std::vector<std::string> names;
    for (const auto& m : team)
        names.push_back(m.name);
    return names;
}

const OpportunityStage* Settings::find_opportunity_stage(const std::string& name) const {
    for (const auto& st : opportunity_stages)
        if (st.name == name)
            return &st;
    return nullptr;
}

std::vector<std::string> Settings::open_opportunity_stage_names() const {
    std::vector<std::string> names;
    for (const auto& st : opportunity_stages)
        names.push_back(st.name);
    return names;
}

std::vector<std::string> Settings::opportunity_stage_names() const {
    std::vector<std::string> names = open_opportunity_stage_names();
    names.emplace_back("won");
    names.emplace_back("lost");
    return names;
}

}  // namespace model
}  // namespace crm
