#include "crm/render/list_view.hpp"

#include "crm/formats/csv.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/table.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

std::string list_table(const std::vector<Client>& clients, const Styler& st, int width) {
    if (clients.empty())
        return {};
    Table table({"SLUG", "NAME", "STAGE", "TIER", "OWNER", "SINCE", "TAGS"});
    table.flexible(1);
    for (const auto& c : clients) {
        table.add({{c.slug, Style::bold},
                   {c.name},
                   {c.stage},
                   {c.tier},
                   {c.owner},
                   {c.since ? c.since->iso() : ""},
                   {join(c.tags, ", "), Style::dim}});
    }
    return table.render(st, width);
}

std::string list_json(const std::vector<Client>& clients) {
    formats::Json arr = formats::Json::array();
    for (const auto& c : clients)
        arr.push_back(formats::to_json(c));
    return formats::dump(arr);
}

std::string list_csv(const std::vector<Client>& clients) {
    std::string out = formats::csv_row({"slug", "name", "stage", "tier", "owner", "since", "tags"});
    for (const auto& c : clients) {
        out += formats::csv_row({c.slug, c.name, c.stage, c.tier, c.owner,
                                 c.since ? c.since->iso() : "", join(c.tags, ";")});
    }
    return out;
}

std::string list_slugs(const std::vector<Client>& clients) {
    std::string out;
    for (const auto& c : clients)
        out += c.slug + '\n';
    return out;
}

}  // namespace crm::render
