#include "crm/commands/list.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/csv.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/table.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

struct WhereFilter {
    std::string key;
    std::string value;
};

WhereFilter parse_where(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        throw UsageError("--where: '" + text + "' is not KEY=VALUE",
                         "for example --where industry=water");
    }
    return {trim(text.substr(0, eq)), trim(text.substr(eq + 1))};
}

// The value of any field by its key in the file: known fields and hand-added ones.
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

bool matches(const Client& c, const ListOptions& o, const std::vector<WhereFilter>& where) {
    if (!o.stage.empty() && c.stage != o.stage)
        return false;
    if (!o.tier.empty() && c.tier != o.tier)
        return false;
    if (!o.owner.empty() && fold_case(c.owner) != fold_case(o.owner))
        return false;
    for (const auto& t : o.tags) {
        bool has = std::any_of(c.tags.begin(), c.tags.end(),
                               [&](const std::string& x) { return fold_case(x) == fold_case(t); });
        if (!has)
            return false;
    }
    for (const auto& w : where) {
        auto v = field_value(c, w.key);
        if (!v)
            return false;
        // A list field matches when any of its items does.
        bool hit = fold_case(*v) == fold_case(w.value);
        if (!hit && v->find(", ") != std::string::npos) {
            std::string rest = *v + ", ";
            for (std::size_t pos = 0, next; (next = rest.find(", ", pos)) != std::string::npos;
                 pos = next + 2)
                if (fold_case(rest.substr(pos, next - pos)) == fold_case(w.value))
                    hit = true;
        }
        if (!hit)
            return false;
    }
    return true;
}

}  // namespace

int list(const ListOptions& o, Context& ctx) {
    std::vector<WhereFilter> where;
    for (const auto& w : o.where)
        where.push_back(parse_where(w));
    std::vector<DataError> problems;
    std::vector<Client> clients;
    for (auto& c : ctx.folder().load_clients(problems))
        if (matches(c, o, where))
            clients.push_back(std::move(c));

    if (o.quiet) {
        for (const auto& c : clients)
            ctx.out() << c.slug << '\n';
    } else if (o.format == "json") {
        formats::Json arr = formats::Json::array();
        for (const auto& c : clients)
            arr.push_back(formats::to_json(c));
        ctx.out() << formats::dump(arr);
    } else if (o.format == "csv") {
        ctx.out() << formats::csv_row({"slug", "name", "stage", "tier", "owner", "since", "tags"});
        for (const auto& c : clients) {
            ctx.out() << formats::csv_row({c.slug, c.name, c.stage, c.tier, c.owner,
                                           c.since ? c.since->iso() : "", join(c.tags, ";")});
        }
    } else {
        render::Table table({"SLUG", "NAME", "STAGE", "TIER", "OWNER", "SINCE", "TAGS"});
        table.flexible(1);
        for (const auto& c : clients) {
            table.add({{c.slug, render::Style::bold},
                       {c.name},
                       {c.stage},
                       {c.tier},
                       {c.owner},
                       {c.since ? c.since->iso() : ""},
                       {join(c.tags, ", "), render::Style::dim}});
        }
        if (table.empty()) {
            ctx.note("no clients match");
        } else {
            ctx.out() << table.render(render::Styler(ctx.color()), ctx.terminal_width());
        }
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
