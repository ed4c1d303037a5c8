#include "crm/commands/common.hpp"

#include "crm/model/match.hpp"
#include "crm/model/slug.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? sep : "") + items[i];
    return out;
}

std::string resolve_client(Context& ctx, const std::string& query) {
    auto& folder = ctx.folder();
    // The common case, an exact slug, needs no other file read.
    if (is_valid_slug(query) && folder.has_client(query))
        return query;
    std::vector<DataError> problems;
    auto clients = folder.load_clients(problems);
    std::vector<ClientKey> keys;
    for (const auto& c : clients)
        keys.push_back({c.slug, c.name});
    auto m = match_client(query, keys);
    auto describe = [&](std::size_t i) { return keys[i].slug + " (" + keys[i].name + ")"; };
    switch (m.kind) {
        case MatchResult::Kind::found:
            return keys[m.index].slug;
        case MatchResult::Kind::ambiguous: {
            std::vector<std::string> names;
            for (auto i : m.candidates)
                names.push_back(describe(i));
            throw RuntimeError("'" + query + "' matches " + std::to_string(names.size()) +
                                   " clients: " + join(names, ", "),
                               "use more of the name, or the slug");
        }
        case MatchResult::Kind::none:
            break;
    }
    std::vector<std::string> names;
    for (auto i : m.candidates)
        names.push_back(describe(i));
    throw RuntimeError("no client matches '" + query + "'",
                       names.empty() ? "see 'crm list' for your clients"
                                     : "did you mean " + join(names, ", or ") + "?");
}

void require_one_of(const std::string& option, const std::string& value,
                    const std::vector<std::string>& allowed) {
    for (const auto& a : allowed)
        if (a == value)
            return;
    throw UsageError(option + ": '" + value + "' is not one of " + join(allowed, ", "),
                     "use one of: " + join(allowed, ", "));
}

Commitment parse_commitment(const std::string& text, Date today, const std::string& option) {
    Commitment c;
    c.what = trim(text);
    // The last " by " splits off the date, so "Drop by the site by fri" works; the leading
    // space lets "by fri" alone be seen as a date without its text.
    const std::string padded = " " + c.what;
    std::size_t at = padded.rfind(" by ");
    if (at != std::string::npos) {
        std::string date = trim(padded.substr(at + 4));
        if (!date.empty() && date.find(' ') == std::string::npos) {
            c.due = parse_date_arg(date, today, DateDirection::future, option);
            c.what = trim(padded.substr(0, at));
        }
    }
    if (c.what.empty())
        throw UsageError(option + ": the text is empty", "write what, then optionally 'by DATE'");
    return c;
}

}  // namespace crm::commands
