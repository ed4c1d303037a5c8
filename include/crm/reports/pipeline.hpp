#pragma once
// The pipeline of prospective projects (spec section 3, `crm pipeline`): the open
// opportunities by stage with their weighted value, the weighted totals by month of the
// expected decision, and the deal clock: how the opportunities we engaged early (before
// the RFP) ended, against those we engaged late, over the folder's whole history. Pure:
// records and settings in, figures out.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace reports {

struct PipelineRow {
    std::string client;                              // slug
    std::string name;                                // the client's name
    std::shared_ptr<const Opportunity> opportunity;  // a copy
    std::string stage;                               // its stage, the first when it has none
    int probability = 0;                             // its own, else the stage's default
    std::optional<double> weighted;  // value x probability / 100; none without a value
    std::optional<Date> engaged;
    std::optional<double> months_before_rfp;  // negative when engaged after the RFP
};

// The open opportunities whose decision is expected in one month.
struct MonthTotal {
    std::string month;  // YYYY-MM
    int count = 0;
    double weighted = 0;
};

struct ClockSide {
    int won = 0;
    int lost = 0;
    int closed() const { return won + lost; }
};

// Won and lost opportunities by how early we engaged; those with no RFP date or no
// engaged date are not on the clock.
struct DealClock {
    ClockSide early;  // engaged strictly before the RFP's date
    ClockSide late;   // on or after it
};

struct Pipeline {
    // By stage in crm.yaml's order (stages it does not define after them, by name), then
    // by expected decision (undated last), client and title.
    std::vector<PipelineRow> open;
    std::vector<MonthTotal> by_month;  // oldest month first
    int undated = 0;                   // open opportunities without decision_expected
    double value = 0;                  // of the open ones
    double weighted = 0;
    DealClock clock;
};

// `owner`, when not empty, keeps only the opportunities that person pursues (owner_of),
// open and closed alike.
Pipeline build_pipeline(const std::vector<ClientRecord>& records, const Settings& settings,
                        const std::string& owner = {});

// build_pipeline one client at a time: add() each client in order (its rows copy their
// opportunities), merge() the collector that saw the clients after this one's, finish().
// `settings` must outlive the collector.
class PipelineCollector {
  public:
    PipelineCollector(const Settings& settings, std::string owner)
        : settings_(&settings), owner_(std::move(owner)) {}
    void add(const ClientRecord& rec);
    void merge(PipelineCollector&& later);
    Pipeline finish() &&;

  private:
    const Settings* settings_;
    std::string owner_;
    std::vector<PipelineRow> open_;  // in client order: the totals add up in that order
    DealClock clock_;
};

}  // namespace reports
}  // namespace crm
