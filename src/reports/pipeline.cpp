#include "crm/reports/pipeline.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "crm/model/opportunity.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

namespace {

std::string month_of(Date d) {
    return fmt::format("{:04}-{:02}", d.year(), d.month());
}

// A stage's place in crm.yaml; stages it does not define come after all of them.
std::size_t stage_rank(const std::string& stage, const Settings& s) {
    for (std::size_t i = 0; i < s.opportunity_stages.size(); ++i)
        if (s.opportunity_stages[i].name == stage)
            return i;
    return s.opportunity_stages.size();
}

void count(const Opportunity& o, DealClock& clock) {
    ClockSide* side = nullptr;
    switch (engagement_of(o)) {
        case Engagement::early:
            side = &clock.early;
            break;
        case Engagement::late:
            side = &clock.late;
            break;
        case Engagement::unknown:
            return;
    }
    ++(outcome_of(o) == Outcome::won ? side->won : side->lost);
}

}  // namespace

void PipelineCollector::add(const ClientRecord& rec) {
    for (const Opportunity& o : rec.opportunities) {
        if (!owner_.empty() && !same_person(owner_of(o), owner_))
            continue;
        if (!is_open(o)) {
            count(o, clock_);
            continue;
        }
        PipelineRow row;
        row.client = rec.client.slug;
        row.name = rec.client.name;
        row.opportunity = std::make_shared<const Opportunity>(o);
        row.stage = stage_of(o, *settings_);
        row.probability = probability_of(o, *settings_);
        row.weighted = weighted_value(o, *settings_);
        row.engaged = engaged_on(o);
        row.months_before_rfp = months_before_rfp(o);
        open_.push_back(std::move(row));
    }
}

void PipelineCollector::merge(PipelineCollector&& later) {
    std::move(later.open_.begin(), later.open_.end(), std::back_inserter(open_));
    later.open_.clear();
    for (auto [to, from] : {std::pair{&clock_.early, &later.clock_.early},
                            std::pair{&clock_.late, &later.clock_.late}}) {
        to->won += from->won;
        to->lost += from->lost;
    }
}

Pipeline PipelineCollector::finish() && {
    Pipeline p;
    p.clock = clock_;
    std::map<std::string, MonthTotal> months;
    for (const PipelineRow& row : open_) {
        const Opportunity& o = *row.opportunity;
        p.value += o.value ? o.value->amount : 0;
        p.weighted += row.weighted.value_or(0);
        if (o.decision_expected) {
            MonthTotal& m = months[month_of(*o.decision_expected)];
            m.month = month_of(*o.decision_expected);
            ++m.count;
            m.weighted += row.weighted.value_or(0);
        } else {
            ++p.undated;
        }
    }
    p.open = std::move(open_);
    const Settings& settings = *settings_;
    auto key = [&](const PipelineRow& r) {
        const auto& decision = r.opportunity->decision_expected;
        return std::make_tuple(stage_rank(r.stage, settings), r.stage, !decision.has_value(),
                               decision.value_or(Date{}), r.client, r.opportunity->title,
                               r.opportunity->file);
    };
    std::sort(p.open.begin(), p.open.end(),
              [&](const PipelineRow& a, const PipelineRow& b) { return key(a) < key(b); });
    for (auto& [month, total] : months)
        p.by_month.push_back(std::move(total));
    return p;
}

Pipeline build_pipeline(const std::vector<ClientRecord>& records, const Settings& settings,
                        const std::string& owner) {
    PipelineCollector pipeline(settings, owner);
    for (const ClientRecord& rec : records)
        pipeline.add(rec);
    return std::move(pipeline).finish();
}

}  // namespace reports
}  // namespace crm
