#pragma once
// Visits, reviews and opportunities as spreadsheet rows: a column per field of the schema, in its
// order, each value as a person would type it (lists joined with "; ", promises as "Send statement
// (due 2026-11-30, done 2026-11-28)").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/records.hpp"

namespace crm::formats {

// "client", "name", the fields, "file".
std::vector<std::string> visit_columns();
std::vector<std::string> review_columns();
std::vector<std::string> opportunity_columns();

std::vector<std::string> visit_cells(const Client& client, const Visit& v);
std::vector<std::string> review_cells(const Client& client, const Review& r);
std::vector<std::string> opportunity_cells(const Client& client, const Opportunity& o);

// Clients, one row per contact (a client without contacts has one row), every field of
// the client on each row, so that `crm import` of the file gives the same clients back:
// the fixed columns, then one "custom.KEY" column per custom field of any client.
std::vector<std::string> client_columns();
std::vector<std::string> client_cells(const Client& client, const Contact& contact,
                                      const std::vector<std::string>& custom_keys);
// "custom.abn" -> "abn"; nullopt for any other column.
std::optional<std::string> custom_column_key(std::string_view header);
std::string custom_column(std::string_view key);

// The text of a list of promises or actions.
std::string commitments_text(const std::vector<Commitment>& items);

}  // namespace crm::formats
