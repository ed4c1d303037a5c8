#pragma once
// The views of `crm list`: a table for people (names, not slugs), JSON and CSV for
// programs, Markdown for mail and notes, and the slugs alone (--quiet) for scripts.
#include <string>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/render/style.hpp"

namespace crm::render {

// One row per client, fitted to `width` (0: no limit): a long name wraps. Empty when
// there are no clients.
std::string list_table(const std::vector<Client>& clients, const Styler& st, int width);

// The clients as formats::to_json writes them, in an array.
std::string list_json(const std::vector<Client>& clients);

// slug, name, stage, tier, owner, since, tags (joined with ";").
std::string list_csv(const std::vector<Client>& clients);

// The table's columns as a Markdown table.
std::string list_markdown(const std::vector<Client>& clients);

// One slug a line.
std::string list_slugs(const std::vector<Client>& clients);

}  // namespace crm::render
