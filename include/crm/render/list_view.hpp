#pragma once
// The views of `crm list`: a table for people, JSON and CSV for programs, and the slugs
// alone (--quiet) for scripts.
#include <string>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/render/style.hpp"

namespace crm::render {

// One row per client; the NAME column is shortened to fit `width` (0: no limit). Empty
// when there are no clients.
std::string list_table(const std::vector<Client>& clients, const Styler& st, int width);

// The clients as formats::to_json writes them, in an array.
std::string list_json(const std::vector<Client>& clients);

// slug, name, stage, tier, owner, since, tags (joined with ";").
std::string list_csv(const std::vector<Client>& clients);

// One slug a line.
std::string list_slugs(const std::vector<Client>& clients);

}  // namespace crm::render
