#pragma once
// What a person types for a promise or an action: "Send the statement by fri". The last
// " by " splits off the due date, so "Drop by the site by fri" works. A trailing " by X"
// whose X is not a date is refused rather than kept as text: a promise stored without its
// due date would never show in `crm due`, and would be forgotten.
#include <string>
#include <string_view>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"

namespace crm {

// Throws UsageError naming `option` when the text is empty or ends in " by X" that is no
// date (future-facing date grammar, date.hpp).
Commitment parse_commitment(std::string_view text, Date today, std::string_view option);

}  // namespace crm
