#pragma once
// RFC 4180 CSV: fields quoted when they hold a comma, quote, CR or LF; CRLF line ends.
// A field that a spreadsheet would take for a formula (it starts with = + - @, a tab or
// a CR, and is not a plain negative number such as -3 or -1.5) is written with a leading
// ' (OWASP's advice against CSV injection); the spreadsheet shows the text, and crm
// import reads it back without the '. A text that starts with ' before such a start
// ("'=1") gets one more, so that taking one off gives it back exactly.
#include <string>
#include <string_view>
#include <vector>

namespace crm::formats {

std::string csv_row(const std::vector<std::string>& fields);

// Whether `cell` starts like a formula.
bool formula_like(std::string_view cell);
// Whether csv_row writes `cell` with a leading ': it starts like a formula, or it is ' and
// such a cell ("'=1", "''=1").
bool guarded(std::string_view cell);

// The cell as it was before csv_row guarded it: "'=1+1" -> "=1+1"; anything else as is.
std::string unguard_cell(std::string_view cell);

}  // namespace crm::formats
