#include "crm/reports/funnel.hpp"

#include <algorithm>
#include <iterator>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "kept.hpp"

namespace crm {
inline namespace reports {

std::string_view stage_source_name(StageSource s) {
    switch (s) {
        case StageSource::stage_since:
            return "stage_since";
        case StageSource::git:
            return "git";
        case StageSource::since:
            return "since";
        case StageSource::unknown:
            break;
    }
    return "unknown";
}

std::string duration_words(int days) {
    auto plural = [](int n, const char* unit) {
        return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
    };
    if (days <= 0)
        return days == 0 ? "today" : fmt::format("from {} ahead", plural(-days, "day"));
    if (days < 14)
        return plural(days, "day");
    if (days < 61)
        return plural(days / 7, "week");
    if (days < 730)
        return plural(days * 12 / 365, "month");
    return plural(days / 365, "year");
}

void FunnelCollector::add(const ClientRecord& rec) {
    undated_ = undated_ || !rec.client.stage_since;
    clients_.push_back(std::make_shared<const Client>(client_identity(rec.client)));
}

void FunnelCollector::merge(FunnelCollector&& later) {
    std::move(later.clients_.begin(), later.clients_.end(), std::back_inserter(clients_));
    undated_ = undated_ || later.undated_;
    later.clients_.clear();
}

std::vector<FunnelStage> FunnelCollector::finish(
    const std::map<std::string, Date>& stage_changes) && {
    std::vector<FunnelStage> stages;
    for (const auto& s : settings_->stages)
        stages.push_back({s, true, settings_->is_inactive(s), {}});

    for (auto& client : clients_) {
        const Client& c = *client;
        FunnelEntry e;
        if (c.stage_since) {
            e.entered = c.stage_since;
            e.source = StageSource::stage_since;
        } else if (auto it = stage_changes.find(c.file); it != stage_changes.end()) {
            e.entered = it->second;
            e.source = StageSource::git;
        } else if (c.since) {
            e.entered = c.since;
            e.source = StageSource::since;
        }
        if (e.entered)
            e.days = e.entered->days_until(today_);
        e.client = std::move(client);

        auto it = std::find_if(stages.begin(), stages.end(),
                               [&](const FunnelStage& s) { return s.stage == c.stage; });
        if (it == stages.end()) {
            stages.push_back({c.stage, false, settings_->is_inactive(c.stage), {}});
            it = std::prev(stages.end());
        }
        it->entries.push_back(std::move(e));
    }
    for (auto& s : stages) {
        std::sort(s.entries.begin(), s.entries.end(),
                  [](const FunnelEntry& a, const FunnelEntry& b) {
                      const int da = a.days.value_or(-1);
                      const int db = b.days.value_or(-1);
                      if (da != db)
                          return da > db;
                      return fold_case(a.client->name) < fold_case(b.client->name);
                  });
    }
    return stages;
}

std::vector<FunnelStage> build_funnel(const std::vector<ClientRecord>& records,
                                      const Settings& settings, Date today,
                                      const std::map<std::string, Date>& stage_changes) {
    FunnelCollector funnel(settings, today);
    for (const auto& rec : records)
        funnel.add(rec);
    return std::move(funnel).finish(stage_changes);
}

}  // namespace reports
}  // namespace crm
