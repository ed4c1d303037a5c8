#pragma once
// What the opportunity commands take from the command line, checked before anything is
// read or written: each bad value is a UsageError (exit 2) naming the option, the value
// and the forms accepted.
#include <string>

#include "crm/commands/context.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm::commands {

Money money_arg(const std::string& text, const std::string& option);
Percent percent_arg(const std::string& text, const std::string& option);
// One of the open stages of crm.yaml; won and lost have commands of their own.
std::string open_stage_arg(const std::string& text, const Settings& s, const std::string& option);
// A day that has come: today or earlier (past-facing grammar).
Date past_date_arg(const std::string& text, Date today, const std::string& option);
// Non-empty text, trimmed.
std::string text_arg(const std::string& text, const std::string& option);

// The rules between keys that a command could break (the RFP before the decision), as a
// UsageError naming the options; `rfp_option` and `decision_option` as the user typed them.
void require_rfp_before_decision(const Opportunity& o, const std::string& rfp_option,
                                 const std::string& decision_option);

}  // namespace crm::commands
