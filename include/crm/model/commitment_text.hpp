#pragma once
// What a person types for a promise or an action: "Send the statement by fri". The last
// " by " splits off the due date, so "Drop by the site by fri" works. A trailing " by X"
// whose X looks like a date crm cannot read ("by fri 31st", "by next fryday") is refused
// rather than kept as text; any other X ("Get drawings checked by Bob") is part of the
// text. A promise without a date is kept, and the command warns that it will not be in
// `crm due` (kNoDueDate).
#include <string>
#include <string_view>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"

namespace crm {
inline namespace model {

// Throws UsageError naming `option` when the text is empty or ends in " by X" where X
// looks like a date (looks_like_date) and is none (future-facing date grammar, date.hpp).
Commitment parse_commitment(std::string_view text, Date today, std::string_view option,
                            DateOrder order = DateOrder::none);

// The warning for a promise or action written without a due date.
inline constexpr std::string_view kNoDueDate = "no due date: it will not be in crm due";

}  // namespace model
}  // namespace crm
