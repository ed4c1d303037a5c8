#pragma once
// RFC 4180 CSV: fields quoted when they hold a comma, quote, CR or LF; CRLF line ends.
#include <string>
#include <vector>

namespace crm::formats {

std::string csv_row(const std::vector<std::string>& fields);

}  // namespace crm::formats
