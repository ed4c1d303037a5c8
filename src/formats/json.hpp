#pragma once
// Records as JSON, the same shape everywhere they appear (list, show, export).
#include <nlohmann/json.hpp>

#include "crm/model/records.hpp"

namespace crm::formats {

using Json = nlohmann::ordered_json;

Json to_json(const Client& c);
Json to_json(const Visit& v);
Json to_json(const Review& r);
Json to_json(const Opportunity& o);
Json to_json(const Commitment& c);
Json date_or_null(const std::optional<Date>& d);
// An amount: an integer when whole (180000), else a number (12500.5).
Json number_json(double v);

// Two-space indented, UTF-8 kept as is, a final newline.
std::string dump(const Json& j);

}  // namespace crm::formats
