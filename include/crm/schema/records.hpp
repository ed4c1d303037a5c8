#pragma once
// Files <-> records, for every record kind, from their schemas (fields.hpp). Reading
// names the file, line and column of the first wrong value (DataError); writing gives
// the layout of the spec, one key per line, in the schema's order.
#include <string>
#include <string_view>

#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"
#include "crm/schema/fields.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::schema {

const Schema<Client>& client_schema();
const Schema<Visit>& visit_schema();
const Schema<Review>& review_schema();
const Schema<Opportunity>& opportunity_schema();
const Schema<Settings>& settings_schema();
const Schema<InboxMessage>& inbox_schema();
// The fields of one item of a client's contacts, for `contact add` and `contact set`.
const Schema<Contact>& contact_schema();

// `file` is the path relative to the folder; it names the record and appears in errors.
Settings read_settings(std::string_view text, const std::string& file);
Client read_client(std::string_view text, const std::string& file);
Visit read_visit(std::string_view text, const std::string& file);
Review read_review(std::string_view text, const std::string& file);
Opportunity read_opportunity(std::string_view text, const std::string& file);
InboxMessage read_inbox_message(std::string_view text, const std::string& file);

Settings settings_from(const yaml::Node& root, const std::string& file);
Client client_from(const yaml::Node& root, const std::string& file);
Visit visit_from(const yaml::Node& root, const std::string& file);
Review review_from(const yaml::Node& root, const std::string& file);
Opportunity opportunity_from(const yaml::Node& root, const std::string& file);

std::string client_yaml(const Client& c);
std::string visit_yaml(const Visit& v);
std::string review_yaml(const Review& r);
std::string opportunity_yaml(const Opportunity& o);
std::string inbox_message_yaml(const InboxMessage& m);
std::string default_settings_yaml();

// The lines `key: value` for each custom field, its value taken from `root` (the parsed
// record) in flow style, so that lists, maps and bare numbers keep their shape.
std::string custom_fields_yaml(const yaml::Node& root, const CustomFields& custom);

}  // namespace crm::schema
