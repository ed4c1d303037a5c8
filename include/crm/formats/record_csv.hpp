#pragma once
// Visits, reviews and opportunities as spreadsheet rows: a column per field of the schema, in its
// order, each value as a person would type it (lists joined with "; ", promises as "Send statement
// (due 2026-11-30, done 2026-11-28)").
#include <string>
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

// The text of a list of promises or actions.
std::string commitments_text(const std::vector<Commitment>& items);

}  // namespace crm::formats
