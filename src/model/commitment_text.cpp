#include "crm/model/commitment_text.hpp"

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

Commitment parse_commitment(std::string_view text, Date today, std::string_view option,
                            DateOrder order) {
    Commitment c;
    c.what = trim(text);
    // The leading space lets "by fri" alone be seen as a date without its text.
    const std::string padded = fmt::format(" {}", c.what);
    const std::size_t at = ascii_lower(padded).rfind(" by ");
    if (at != std::string::npos) {
        const std::string date = trim(padded.substr(at + 4));
        try {
            c.due = parse_date_arg(date, today, DateDirection::future, option, order);
            c.what = trim(padded.substr(0, at));
        } catch (const UsageError& e) {
            // "checked by Bob": no date was meant, and the text stays whole.
            if (looks_like_date(date))
                throw UsageError(
                    e.what(), fmt::format("the due date goes after the last \"by\", as in \"Send "
                                          "the report by fri\"; {}",
                                          e.hint()));
        }
    }
    if (c.what.empty())
        throw UsageError(fmt::format("{}: the text is empty", option),
                         "write what, then optionally 'by DATE'");
    return c;
}

}  // namespace model
}  // namespace crm
