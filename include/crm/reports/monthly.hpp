#pragma once
// The partners' monthly page (spec section 4, `crm report`): every figure of it, from the
// same collectors the terminal reports use (due, pipeline, reviews, portfolio, funnel), so
// that the page and the terminal never disagree, plus what only the page shows: due and
// contact activity per teammate, the clients past their cadence. What changed in the
// period comes from git through the store and is passed in. Pure: records, settings, today
// and the period in; figures out.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "crm/model/changes.hpp"
#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"
#include "crm/reports/due.hpp"
#include "crm/reports/funnel.hpp"
#include "crm/reports/pipeline.hpp"
#include "crm/reports/portfolio.hpp"
#include "crm/reports/reviews_summary.hpp"

namespace crm {
inline namespace reports {

// The days a report looks back on, both included.
struct ReportPeriod {
    Date since;
    Date until;
    bool operator==(const ReportPeriod&) const = default;
};

// A calendar month; nullopt for a month that does not exist.
std::optional<ReportPeriod> month_period(int year, int month);
// The month before today's: what the meeting on the first of a month looks back on.
ReportPeriod previous_month(Date today);
// The Mondays of the weeks that overlap the period, oldest first.
std::vector<Date> period_weeks(const ReportPeriod& p);

// The kinds of due item the page counts apart.
enum class DueGroup { contact, commitment, follow_up, opportunity };
inline constexpr std::size_t kDueGroups = 4;
DueGroup due_group(DueType t);

// A teammate's items in the due window, by the one rule of who an item is for
// (DueItem::who).
struct PersonDue {
    std::string person;  // the team's spelling; empty: items that name nobody
    bool in_team = false;
    int overdue = 0;
    int upcoming = 0;  // due from today to the window's end
    std::array<int, kDueGroups> by_group{};
    int clients_tracked = 0;  // clients they own that have a next contact at all
    int past_cadence = 0;     // of those, the ones whose next contact is before today
};

// Contacts a person logged (any kind: a visit, call, meeting, e-mail... file by them), per
// week of the period; only the days inside the period count.
struct PersonActivity {
    std::string person;  // as for PersonDue
    bool in_team = false;
    std::vector<int> weeks;  // one per period_weeks
    int total = 0;
};

struct MonthlyReport {
    ReportPeriod period;
    Date today;
    Date due_until;  // the due window's last day
    int clients = 0;
    std::vector<std::string> team;  // crm.yaml's team, in its order

    std::vector<DueItem> due;           // compute_due's items: overdue first
    std::vector<PersonDue> due_people;  // the team in its order, then others by name, then nobody
    std::vector<DueItem> past_cadence;  // contact items due before today, the oldest first

    Pipeline pipeline;
    ReviewsSummary reviews;  // the spectrum, testimonials and referrals of the period
    Portfolio portfolio;
    std::vector<FunnelStage> funnel;

    std::vector<Date> weeks;               // period_weeks
    std::vector<PersonActivity> activity;  // ordered as due_people
    FolderChanges changes;

    // The due items of one person (same_person), in the report's order.
    std::vector<DueItem> items_of(const std::string& person) const;
    const PersonActivity* activity_of(const std::string& person) const;
};

// The report folded one client at a time (store::fold_records), as the terminal reports
// are: add() each client in order, merge() the collector that saw the clients after this
// one's, finish(). `settings` must outlive the collector.
class MonthlyCollector {
  public:
    MonthlyCollector(const Settings& settings, Date today, ReportPeriod period, Date due_until);
    void add(const ClientRecord& rec);
    void merge(MonthlyCollector&& later);
    // Whether the funnel needs git's dates of stage changes (FunnelCollector's question).
    bool needs_stage_changes() const { return funnel_.needs_stage_changes(); }
    MonthlyReport finish(const std::map<std::string, Date>& stage_changes,
                         FolderChanges changes) &&;

  private:
    const Settings* settings_;
    Date today_;
    ReportPeriod period_;
    Date due_until_;
    std::vector<Date> weeks_;
    int clients_ = 0;
    DueCollector due_;
    PipelineCollector pipeline_;
    ReviewsCollector reviews_;
    PortfolioCollector portfolio_;
    FunnelCollector funnel_;
    // By the person as first written; joined to the team's spelling in finish().
    std::map<std::string, std::vector<int>> activity_;
    std::map<std::string, std::pair<int, int>> cadence_;  // owner: tracked, past cadence
};

}  // namespace reports
}  // namespace crm
