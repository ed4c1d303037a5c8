#include "crm/formats/csv.hpp"
#include "crm/util/format.hpp"

namespace crm::formats {

namespace {

// -3 or -1.5: a negative number (due's days, pipeline's months before the RFP) is a
// number to a spreadsheet, never a formula, and must stay one.
bool negative_number(std::string_view cell) {
    if (cell.size() < 2 || cell.front() != '-')
        return false;
    cell.remove_prefix(1);
    const std::size_t point = cell.find('.');
    auto digits = [](std::string_view s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    return digits(cell.substr(0, point)) &&
           (point == std::string_view::npos || digits(cell.substr(point + 1)));
}

}  // namespace

bool guarded(std::string_view cell) {
    // A text that starts with ' and would lose it on import ("'=1") gets one more: the
    // import takes one off, as it does from a formula's guard.
    return formula_like(cell) ||
           (cell.size() > 1 && cell.front() == '\'' && guarded(cell.substr(1)));
}

bool formula_like(std::string_view cell) {
    return !cell.empty() &&
           std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos &&
           !negative_number(cell);
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        // A cell a spreadsheet would run as a formula (=HYPERLINK(...), +SUM(...), @...)
        // gets a leading ' as OWASP advises: shown as text, never executed. crm import
        // takes the ' off again.
        const std::string f = guarded(fields[i]) ? fmt::format("'{}", fields[i]) : fields[i];
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    }
    return fmt::format("{}\r\n", out);
}

std::string unguard_cell(std::string_view cell) {
    if (cell.size() > 1 && cell.front() == '\'' && guarded(cell.substr(1)))
        return std::string(cell.substr(1));
    return std::string(cell);
}

}  // namespace crm::formats
