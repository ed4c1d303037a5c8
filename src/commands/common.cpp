#include "crm/commands/common.hpp"

#include <algorithm>
#include <cctype>

#include "crm/model/match.hpp"
#include "crm/model/slug.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

Date read_date(Context& ctx, const DateText& d) {
    return parse_date_arg(d.text, ctx.today(), d.direction, d.option,
                          ctx.folder().settings().order());
}

schema::Typing typing(Context& ctx, bool force, std::vector<std::string>* warnings) {
    schema::Typing t;
    t.today = ctx.today();
    t.settings = &ctx.folder().settings();
    t.force = force;
    if (warnings)
        t.warn = [warnings](const std::string& message) { warnings->push_back(message); };
    else
        t.warn = [&ctx](const std::string& message) { ctx.warn(message); };
    return t;
}

std::string said_value(const std::string& value) {
    if (auto d = Date::parse_iso(value))
        return fmt::format("{} {}", weekday_short(*d), *d);
    return value;
}

std::string commit_subject(const std::string& value) {
    std::string shown = value.substr(0, value.find_first_of("\r\n"));
    if (shown.size() <= 60 && shown.size() == value.size())
        return shown;
    // 57 columns and "...": truncate_to_width's own "…" would make it "…...".
    std::string cut = truncate_to_width(shown, 58);
    if (cut.size() < shown.size() && cut.ends_with("…"))
        cut.resize(cut.size() - std::string_view("…").size());
    return fmt::format("{}...", cut);
}

bool is_key_name(const std::string& s) {
    if (s.empty() || s.size() > 64 ||
        !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

Client client_or_slug(Context& ctx, const std::string& slug) {
    try {
        return ctx.folder().load_client(slug);
    } catch (const DataError& e) {
        ctx.warn(fmt::format("{} (fix it: crm edit {})", e.what(), slug));
        Client c;
        c.slug = c.name = slug;
        c.file = ctx.folder().client_file(slug);
        c.unreadable = true;
        return c;
    }
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
    // A client whose client.yaml cannot be read is still a client: its folder's name is
    // all there is to match (spec: "a broken file never hides a client").
    for (const auto& slug : folder.client_slugs())
        if (std::none_of(clients.begin(), clients.end(),
                         [&](const Client& c) { return c.slug == slug; }))
            keys.push_back({slug, slug});
    auto m = match_client(query, keys);
    auto describe = [&](std::size_t i) {
        return fmt::format("{} ({})", keys[i].slug, keys[i].name);
    };
    switch (m.kind) {
        case MatchResult::Kind::found:
            return keys[m.index].slug;
        case MatchResult::Kind::ambiguous: {
            std::vector<std::string> names;
            for (auto i : m.candidates)
                names.push_back(describe(i));
            throw RuntimeError(
                fmt::format("'{}' matches {} clients: {}", query, names.size(), join(names, ", ")),
                "use more of the name, or the slug");
        }
        case MatchResult::Kind::none:
            break;
    }
    std::vector<std::string> names;
    for (auto i : m.candidates)
        names.push_back(describe(i));
    throw RuntimeError(fmt::format("no client matches '{}'", query),
                       names.empty() ? "see 'crm list' for your clients"
                                     : fmt::format("did you mean {}?", join(names, ", or ")));
}

std::string one_of(const std::string& option, const std::string& value,
                   const std::vector<std::string>& allowed) {
    return schema::choose(option, value, allowed);
}

}  // namespace crm::commands
