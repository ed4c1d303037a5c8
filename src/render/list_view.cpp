#include "crm/render/list_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/render/columns.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

// The table, CSV and Markdown of `crm list`. People read names; the slug is for
// programs (CSV, JSON, -q). The JSON is the whole record (formats::to_json), richer than
// any table, so it keeps its own writer.
const Columns<Client>& list_columns() {
    static const Columns<Client> cols{
        {"slug", "", {}, [](const Client& c) { return Cell{c.slug}; }},
        {"name",
         "NAME",
         {Role::reading},
         [](const Client& c) {
             return Cell{c.name, Style::bold};
         }},
        {"stage", "STAGE", {Role::label, 0, 3}, [](const Client& c) { return Cell{c.stage}; }},
        {"tier", "TIER", {Role::label, 4, 4}, [](const Client& c) { return Cell{c.tier}; }},
        {"owner", "OWNER", {Role::label, 0, 2}, [](const Client& c) { return Cell{c.owner}; }},
        {"since",
         "SINCE",
         {Role::date, 0, 5},
         [](const Client& c) { return Cell{c.since ? c.since->iso() : ""}; }},
        // Tags are the first to go: a filter (--tag) finds them.
        {"tags",
         "TAGS",
         {Role::label, 0, 1},
         [](const Client& c) {
             return Cell{join(c.tags, ", "), Style::dim};
         },
         [](const Client& c) { return join(c.tags, ";"); }},
    };
    return cols;
}

}  // namespace

std::string list_table(const std::vector<Client>& clients, const Styler& st, int width) {
    if (clients.empty())
        return {};
    return table(clients, list_columns(), st, width);
}

std::string list_json(const std::vector<Client>& clients) {
    formats::Json arr = formats::Json::array();
    for (const auto& c : clients)
        arr.push_back(formats::to_json(c));
    return formats::dump(arr);
}

std::string list_csv(const std::vector<Client>& clients) {
    return csv(clients, list_columns());
}

std::string list_markdown(const std::vector<Client>& clients) {
    return markdown(clients, list_columns());
}

std::string list_slugs(const std::vector<Client>& clients) {
    std::string out;
    for (const auto& c : clients)
        out += c.slug + '\n';
    return out;
}

}  // namespace crm::render
