#pragma once
// crm.yaml: the folder's shared settings, with the spec's defaults.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"

namespace crm {

struct Tier {
    std::string name;
    std::optional<Duration> every;  // nullopt: clients of this tier are never due
};

struct Settings {
    std::vector<std::string> stages{"lead", "prospect", "proposal", "client", "former", "lost"};
    std::vector<std::string> inactive_stages{"former", "lost"};
    std::vector<Tier> tiers{{"A", Duration{30, Duration::Unit::days}},
                            {"B", Duration{60, Duration::Unit::days}},
                            {"C", Duration{120, Duration::Unit::days}}};
    std::string default_tier = "B";
    Duration due_within{7, Duration::Unit::days};
    Duration review_follow_up{7, Duration::Unit::days};
    bool autocommit = true;

    const Tier* find_tier(const std::string& name) const;
    bool has_stage(const std::string& stage) const;
    bool is_inactive(const std::string& stage) const;
    std::vector<std::string> tier_names() const;
};

}  // namespace crm
