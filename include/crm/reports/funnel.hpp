#pragma once
// The funnel report: clients per stage, in the order of `stages` in crm.yaml, and how
// long each has been in its stage.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace reports {

// Where the date a client entered its stage came from, best first.
enum class StageSource { stage_since, git, since, unknown };
std::string_view stage_source_name(StageSource s);

struct FunnelEntry {
    std::shared_ptr<const Client> client;  // a copy of its identity (kept.hpp)
    std::optional<Date> entered;           // when it entered the stage, as far as we know
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

// build_funnel one client at a time: add() each client in order, merge() the collector
// that saw the clients after this one's, then finish() with the stage changes, which git
// is asked for only when needs_stage_changes(). `settings` must outlive the collector.
class FunnelCollector {
  public:
    FunnelCollector(const Settings& settings, Date today) : settings_(&settings), today_(today) {}
    void add(const ClientRecord& rec);
    void merge(FunnelCollector&& later);
    // Whether a client has no `stage_since`, so that git's dates would count.
    bool needs_stage_changes() const { return undated_; }
    std::vector<FunnelStage> finish(const std::map<std::string, Date>& stage_changes) &&;

  private:
    const Settings* settings_;
    Date today_;
    std::vector<std::shared_ptr<const Client>> clients_;  // in order
    bool undated_ = false;
};

// "today", "5 days", "3 weeks", "4 months", "2 years": how long, for people.
std::string duration_words(int days);

}  // namespace reports
}  // namespace crm
