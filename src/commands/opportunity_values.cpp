#include "opportunity_values.hpp"

#include "crm/commands/common.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

Money money_arg(const std::string& text, const std::string& option) {
    if (auto m = parse_money(text))
        return *m;
    throw UsageError(option + ": '" + text + "' is not a non-negative number",
                     "write the fee as a plain number, without separators or currency: "
                     "180000 or 12500.50");
}

Percent percent_arg(const std::string& text, const std::string& option) {
    if (auto p = parse_percent(text))
        return *p;
    throw UsageError(option + ": '" + text + "' is not a probability from 0 to 100",
                     "a probability is a whole number of percent, from 0 to 100, e.g. 40");
}

std::string open_stage_arg(const std::string& text, const Settings& s, const std::string& option) {
    const std::string stage = ascii_lower(trim(text));
    if (stage == kWonStage || stage == kLostStage)
        throw UsageError(option + ": '" + stage + "' ends an opportunity",
                         "record it with 'crm opportunity " + stage + " CLIENT OPP'");
    // Any case names the configured spelling, as for every stage option (common.hpp).
    return one_of(option, text, s.open_opportunity_stage_names());
}

Date past_date_arg(const std::string& text, Date today, const std::string& option) {
    const Date d = parse_date_arg(text, today, DateDirection::past, option);
    if (d > today)
        throw UsageError(option + ": " + d.iso() + " is in the future",
                         "give a day that has come: today or earlier");
    return d;
}

std::string text_arg(const std::string& text, const std::string& option) {
    std::string t = trim(text);
    if (t.empty())
        throw UsageError(option + ": the text is empty", "write the text, or leave it out");
    return t;
}

void require_rfp_before_decision(const Opportunity& o, const std::string& rfp_option,
                                 const std::string& decision_option) {
    if (o.rfp_expected && o.decision_expected && *o.rfp_expected > *o.decision_expected)
        throw UsageError(rfp_option + " " + o.rfp_expected->iso() + " is after " + decision_option +
                             " " + o.decision_expected->iso(),
                         "the RFP comes out before the award: give an RFP date on or before "
                         "the decision");
}

}  // namespace crm::commands
