#include "crm/reports/monthly.hpp"

#include <algorithm>

#include "crm/model/cadence.hpp"
#include "crm/reports/remind.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

std::optional<ReportPeriod> month_period(int year, int month) {
    auto first = Date::from_ymd(year, month, 1);
    if (!first)
        return std::nullopt;
    return ReportPeriod{*first, first->plus_months(1).plus_days(-1)};
}

ReportPeriod previous_month(Date today) {
    const Date first = *Date::from_ymd(today.year(), today.month(), 1);
    const Date last = first.plus_days(-1);
    return *month_period(last.year(), last.month());
}

std::vector<Date> period_weeks(const ReportPeriod& p) {
    std::vector<Date> out;
    for (Date monday = p.since.plus_days(-p.since.weekday()); monday <= p.until;
         monday = monday.plus_days(7))
        out.push_back(monday);
    return out;
}

DueGroup due_group(DueType t) {
    switch (t) {
        case DueType::contact:
            return DueGroup::contact;
        case DueType::promise:
        case DueType::action:
        case DueType::report:
            return DueGroup::commitment;
        case DueType::follow_up:
            return DueGroup::follow_up;
        case DueType::next_step:
        case DueType::rfp:
            return DueGroup::opportunity;
    }
    return DueGroup::contact;
}

std::vector<DueItem> MonthlyReport::items_of(const std::string& person) const {
    std::vector<DueItem> out;
    for (const DueItem& i : due)
        if (same_person(i.who(), person) || (trim(person).empty() && trim(i.who()).empty()))
            out.push_back(i);
    return out;
}

const PersonActivity* MonthlyReport::activity_of(const std::string& person) const {
    for (const auto& a : activity)
        if (same_person(a.person, person) || (trim(a.person).empty() && trim(person).empty()))
            return &a;
    return nullptr;
}

MonthlyCollector::MonthlyCollector(const Settings& settings, Date today, ReportPeriod period,
                                   Date due_until)
    : settings_(&settings),
      today_(today),
      period_(period),
      due_until_(due_until),
      weeks_(period_weeks(period)),
      due_(settings, due_until),
      pipeline_(settings, {}),
      reviews_(settings.review_follow_up, period.since, period.until),
      portfolio_(settings, today),
      funnel_(settings, today) {}

void MonthlyCollector::add(const ClientRecord& rec) {
    ++clients_;
    due_.add(rec);
    pipeline_.add(rec);
    reviews_.add(rec);
    portfolio_.add(rec);
    funnel_.add(rec);
    for (const Visit& v : rec.visits) {
        if (v.date < period_.since || v.date > period_.until)
            continue;
        auto& weeks = activity_[trim(v.by)];
        weeks.resize(weeks_.size());
        ++weeks[static_cast<std::size_t>(weeks_.front().days_until(v.date) / 7)];
    }
    // The contact rule of `crm due`, as of today: next_contact is nullopt for a client
    // that is not tracked (inactive, every: never).
    if (!settings_->is_inactive(rec.client.stage)) {
        if (auto next = next_contact(rec, *settings_)) {
            auto& [tracked, past] = cadence_[trim(rec.client.owner)];
            ++tracked;
            past += *next < today_ ? 1 : 0;
        }
    }
}

void MonthlyCollector::merge(MonthlyCollector&& later) {
    clients_ += later.clients_;
    due_.merge(std::move(later.due_));
    pipeline_.merge(std::move(later.pipeline_));
    reviews_.merge(std::move(later.reviews_));
    portfolio_.merge(std::move(later.portfolio_));
    funnel_.merge(std::move(later.funnel_));
    for (auto& [person, weeks] : later.activity_) {
        auto& mine = activity_[person];
        mine.resize(weeks_.size());
        for (std::size_t i = 0; i < weeks.size(); ++i)
            mine[i] += weeks[i];
    }
    for (const auto& [owner, counts] : later.cadence_) {
        cadence_[owner].first += counts.first;
        cadence_[owner].second += counts.second;
    }
}

namespace {

// The people of the page: the team in crm.yaml's order, then everyone else the records
// name, by name, then nobody (an empty name) last. Names compare as people (same_person).
class People {
  public:
    explicit People(const Settings& s) {
        for (const auto& m : s.team)
            if (find(m.name) == npos)
                names_.push_back({m.name, true});
    }
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Thousands of items name a handful of people: each spelling is compared once.
    std::size_t find(std::string_view name) const {
        if (auto known = seen_.find(name); known != seen_.end())
            return known->second;
        std::size_t found = npos;
        for (std::size_t i = 0; i < names_.size() && found == npos; ++i)
            if (same_person(names_[i].first, name) ||
                (trim(name).empty() && trim(names_[i].first).empty()))
                found = i;
        if (found != npos)
            seen_.emplace(std::string(name), found);
        return found;
    }
    std::size_t add(std::string_view name) {
        if (auto i = find(name); i != npos)
            return i;
        names_.push_back({trim(name), false});
        seen_.emplace(std::string(name), names_.size() - 1);
        return names_.size() - 1;
    }
    // Index order after sort(): team, then others by name, then nobody.
    std::vector<std::size_t> order() const {
        std::vector<std::size_t> idx(names_.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = i;
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            auto rank = [&](std::size_t i) {
                return names_[i].second ? 0 : names_[i].first.empty() ? 2 : 1;
            };
            if (rank(a) != rank(b))
                return rank(a) < rank(b);
            if (rank(a) == 0)
                return a < b;
            return fold_case(names_[a].first) < fold_case(names_[b].first);
        });
        return idx;
    }
    const std::string& name(std::size_t i) const { return names_[i].first; }
    bool in_team(std::size_t i) const { return names_[i].second; }
    std::size_t size() const { return names_.size(); }

  private:
    std::vector<std::pair<std::string, bool>> names_;               // name, in the team
    mutable std::map<std::string, std::size_t, std::less<>> seen_;  // a spelling: its place
};

}  // namespace

MonthlyReport MonthlyCollector::finish(const std::map<std::string, Date>& stage_changes,
                                       FolderChanges changes) && {
    MonthlyReport r;
    r.period = period_;
    r.today = today_;
    r.due_until = due_until_;
    r.clients = clients_;
    r.team = settings_->team_names();
    r.due = std::move(due_).finish();
    r.pipeline = std::move(pipeline_).finish();
    r.reviews = std::move(reviews_).finish();
    r.portfolio = std::move(portfolio_).finish();
    r.funnel = std::move(funnel_).finish(stage_changes);
    r.weeks = weeks_;
    r.changes = std::move(changes);

    // Everyone first, so that the rows below have their places.
    People people(*settings_);
    for (const DueItem& item : r.due)
        people.add(item.who());
    for (const auto& entry : cadence_)
        people.add(entry.first);
    for (const auto& entry : activity_)
        people.add(entry.first);

    std::vector<PersonDue> due(people.size());
    std::vector<PersonActivity> activity(people.size());
    for (const DueItem& item : r.due) {
        PersonDue& d = due[people.find(item.who())];
        ++(item.overdue(today_) ? d.overdue : d.upcoming);
        ++d.by_group[static_cast<std::size_t>(due_group(item.type))];
        if (item.type == DueType::contact && item.overdue(today_))
            r.past_cadence.push_back(item);
    }
    for (const auto& [owner, counts] : cadence_) {
        PersonDue& d = due[people.find(owner)];
        d.clients_tracked += counts.first;
        d.past_cadence += counts.second;
    }
    for (const auto& [person, weeks] : activity_) {
        PersonActivity& a = activity[people.find(person)];
        a.weeks.resize(weeks_.size());
        for (std::size_t w = 0; w < weeks.size(); ++w) {
            a.weeks[w] += weeks[w];
            a.total += weeks[w];
        }
    }
    for (std::size_t i : people.order()) {
        due[i].person = activity[i].person = people.name(i);
        due[i].in_team = activity[i].in_team = people.in_team(i);
        activity[i].weeks.resize(weeks_.size());
        // The team is always on the page, with its zeros; anyone else only where they
        // have something to count.
        if (people.in_team(i) || due[i].overdue + due[i].upcoming + due[i].clients_tracked > 0)
            r.due_people.push_back(due[i]);
        if (people.in_team(i) || activity[i].total > 0)
            r.activity.push_back(activity[i]);
    }
    return r;
}

}  // namespace reports
}  // namespace crm
