#pragma once
// The funnel report: clients per stage, in the order of `stages` in crm.yaml, and how
// long each has been in its stage.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {

// Where the date a client entered its stage came from, best first.
enum class StageSource { stage_since, git, since, unknown };
std::string_view stage_source_name(StageSource s);

struct FunnelEntry {
    const Client* client = nullptr;
    std::optional<Date> entered;  // when it entered the stage, as far as we know
    StageSource source = StageSource::unknown;
    std::optional<int> days;  // today - entered
};

struct FunnelStage {
    std::string stage;
    bool configured = true;  // false: a stage crm.yaml does not list
    bool inactive = false;
    std::vector<FunnelEntry> entries;  // longest in the stage first, then by name
};

// `stage_changes` maps a client file (clients/<slug>/client.yaml) to the date of the last
// commit that changed its `stage:` line; it is consulted only for clients without a
// `stage_since`. Clients without either fall back to `since`.
std::vector<FunnelStage> build_funnel(const std::vector<ClientRecord>& records,
                                      const Settings& settings, Date today,
                                      const std::map<std::string, Date>& stage_changes);

// "today", "5 days", "3 weeks", "4 months", "2 years": how long, for people.
std::string duration_words(int days);

}  // namespace crm
