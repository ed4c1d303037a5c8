#pragma once
// What an opportunity's keys mean together (spec section 2, "the deal clock"): whether it
// is still open, its effective stage and probability, and how early we engaged: `engaged`
// against the RFP's date (`rfp_since` when the RFP came out, else `rfp_expected`). Early
// means strictly before that date, late on or after it. Pure: the file's values and the
// folder's settings in, answers out.
#include <optional>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace model {

// The two stages that end an opportunity; not open stages, never in opportunity_stages.
inline constexpr std::string_view kWonStage = "won";
inline constexpr std::string_view kLostStage = "lost";
// The stage in which the RFP is out: becoming it records `rfp_since`.
inline constexpr std::string_view kRfpStage = "rfp";

enum class Outcome { open, won, lost };

// Won when it has a `won` date or its stage is `won`, lost likewise, else open. `crm check`
// refuses a file that is both; read anyway, the `won` date counts first.
Outcome outcome_of(const Opportunity& o);
inline bool is_open(const Opportunity& o) {
    return outcome_of(o) == Outcome::open;
}

// Who pursues it: its owner, else whoever logged it.
const std::string& owner_of(const Opportunity& o);

// Its stage; with none, the folder's first open stage.
std::string stage_of(const Opportunity& o, const Settings& s);

// Its own probability, else its stage's default: 100 when won, 0 when lost, and 0 for a
// stage crm.yaml does not define (crm check names it).
int probability_of(const Opportunity& o, const Settings& s);

// value x probability / 100, to the cent; nullopt without a value.
std::optional<double> weighted_value(const Opportunity& o, const Settings& s);

// When we first talked with the client about it: `engaged`, else the day it was logged.
std::optional<Date> engaged_on(const Opportunity& o);

// The RFP's date on the clock: `rfp_since` when it came out, else `rfp_expected`.
std::optional<Date> rfp_date(const Opportunity& o);

// How early we engaged: days from engaged_on to rfp_date / 30.44, to one decimal, negative
// when we engaged after the RFP; nullopt without either date.
std::optional<double> months_before_rfp(const Opportunity& o);

// Early (engaged strictly before the RFP's date), late (on or after), or not on the
// clock (either date missing).
enum class Engagement { early, late, unknown };
Engagement engagement_of(const Opportunity& o);

// A value as a person types it and the file holds it: digits with an optional decimal
// part ("180000", "12500.50"). nullopt for anything else: signs, separators ("180,000",
// "1_000"), exponents, currency symbols, or 15 digits or more before the point.
std::optional<Money> parse_money(std::string_view text);
// The shortest text that reads back as the same value: 180000, 12500.5.
std::string money_text(Money m);

// A whole number from 0 to 100 ("25"; "25%" too, as people write it).
std::optional<Percent> parse_percent(std::string_view text);

}  // namespace model
}  // namespace crm
