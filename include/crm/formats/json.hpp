#pragma once
// Records as JSON, the same shape everywhere they appear (list, show, export).
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

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

// The text dump() gives for `object` with the array of item(0) .. item(count - 1) set
// under its top-level `key`, made one item at a time: a report of 15,000 items held as
// one Json value takes several times the memory of its text.
std::string dump_with_items(Json object, const std::string& key, std::size_t count,
                            const std::function<Json(std::size_t)>& item);

// The text dump() gives for an array, written one item at a time (`crm search` prints
// each match as it is found): the opening and each item, then the end.
std::string dump_array_item(const Json& item, bool first);
std::string dump_array_end(bool empty);

}  // namespace crm::formats
