#pragma once
// The portfolio report: clients by action category (tier) with their three ratings,
// and the tier those ratings suggest.
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace reports {

// The score bands, by the position of a tier in crm.yaml (first = the most important).
// A complete set of ratings (each 1-5) scores 3-15:
//
//   position  score   with the default tiers
//   1st       13-15   A
//   2nd        9-12   B
//   3rd+       3-8    C (and any later tier)
//
// A client is flagged only when its score is more than kTierSlack points outside the band
// of its own tier, so that a client on a boundary (12 in A, 9 in C) is not flagged back
// and forth by a one-point change of mind.
struct ScoreBand {
    int min;
    int max;
};
inline constexpr ScoreBand kTierBands[] = {{13, 15}, {9, 12}, {3, 8}};
inline constexpr int kTierSlack = 1;

// The position (0-based) in the band table a score falls into.
std::size_t band_for_score(int score);

// The tier the ratings suggest when it differs from `tier` (a name from `tiers`, in
// crm.yaml order), or nullopt when they agree, the ratings are incomplete, or `tier` is
// not a configured tier.
std::optional<std::string> suggest_tier(const Ratings& ratings, const std::string& tier,
                                        const std::vector<std::string>& tiers);

struct PortfolioRow {
    std::string slug;
    std::string name;
    std::string stage;
    std::string tier;  // the client's tier, or default_tier when it has none
    Ratings ratings;
    std::optional<int> score;               // only when all three ratings are set
    std::optional<std::string> suggestion;  // another tier the ratings suggest
    std::optional<Date> last_contact;       // latest visit of a cadence kind
    int visits_12m = 0;                     // those visits dated in (today - 1y, today]
    std::optional<Review> last_review;      // the latest, a copy
    int open_promises = 0;                  // undelivered promises (not internal actions)
    double won_12m = 0;                     // value of the opportunities won in (today - 1y, today]
};

struct PortfolioGroup {
    std::string tier;
    std::optional<Duration> every;   // the tier's cadence; nullopt for never or unknown
    bool configured = true;          // false: a tier name that crm.yaml does not define
    std::vector<PortfolioRow> rows;  // best score first, then partly rated, then unrated
};

struct Portfolio {
    std::vector<PortfolioGroup> groups;        // configured tiers in order, then unknown ones
    std::vector<const PortfolioRow*> flagged;  // suggestion set, in report order
    std::vector<const PortfolioRow*> unrated;  // no rating at all, in report order
};

// Clients in inactive stages are listed but never flagged: a former client's tier
// is history, not a plan.
Portfolio build_portfolio(const std::vector<ClientRecord>& records, const Settings& settings,
                          Date today);

// build_portfolio one client at a time: add() each client in order (its row copies what
// it shows), merge() the collector that saw the clients after this one's, finish().
// `settings` must outlive the collector.
class PortfolioCollector {
  public:
    PortfolioCollector(const Settings& settings, Date today);
    void add(const ClientRecord& rec);
    void merge(PortfolioCollector&& later);
    Portfolio finish() &&;

  private:
    const Settings* settings_;
    std::vector<std::string> tiers_;
    Date today_;
    Date year_ago_;
    std::vector<PortfolioRow> rows_;  // one per client, in order
};

}  // namespace reports
}  // namespace crm
