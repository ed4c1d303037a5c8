#include "crm/reports/client_filter.hpp"

#include <algorithm>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

FieldFilter parse_field_filter(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        throw UsageError(fmt::format("--where: '{}' is not KEY=VALUE", text),
                         "for example --where industry=water");
    }
    return {trim(text.substr(0, eq)), trim(text.substr(eq + 1))};
}

std::optional<std::string> field_value(const Client& c, const std::string& key) {
    if (key == "name")
        return c.name;
    if (key == "stage")
        return c.stage;
    if (key == "tier")
        return c.tier;
    if (key == "owner")
        return c.owner;
    if (key == "slug")
        return c.slug;
    if (key == "every")
        return c.every ? c.every->str() : "";
    if (key == "since")
        return c.since ? c.since->iso() : "";
    if (key == "tags")
        return join(c.tags, ", ");
    if (key == "watchers")
        return join(c.watchers, ", ");
    for (const auto& [k, v] : c.custom)
        if (k == key)
            return v;
    return std::nullopt;
}

namespace {

bool value_matches(const std::string& value, const std::string& wanted) {
    if (fold_case(value) == fold_case(wanted))
        return true;
    // A list field is its items joined with ", " (see CustomFields): any item may match.
    if (value.find(", ") == std::string::npos)
        return false;
    const std::string rest = fmt::format("{}, ", value);
    for (std::size_t pos = 0, next; (next = rest.find(", ", pos)) != std::string::npos;
         pos = next + 2)
        if (fold_case(rest.substr(pos, next - pos)) == fold_case(wanted))
            return true;
    return false;
}

}  // namespace

bool client_matches(const Client& c, const ClientFilter& f) {
    if (!f.stage.empty() && fold_case(c.stage) != fold_case(f.stage))
        return false;
    const std::string& tier = c.tier.empty() ? f.default_tier : c.tier;
    if (!f.tier.empty() && fold_case(tier) != fold_case(f.tier))
        return false;
    if (!f.owner.empty() && fold_case(c.owner) != fold_case(f.owner))
        return false;
    for (const auto& t : f.tags) {
        bool has = std::any_of(c.tags.begin(), c.tags.end(),
                               [&](const std::string& x) { return fold_case(x) == fold_case(t); });
        if (!has)
            return false;
    }
    for (const auto& w : f.where) {
        auto v = field_value(c, w.key);
        if (!v || !value_matches(*v, w.value))
            return false;
    }
    return true;
}

}  // namespace reports
}  // namespace crm
