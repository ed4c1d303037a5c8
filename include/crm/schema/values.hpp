#pragma once
// Every kind of value a record field can hold, each read, written and encoded in exactly
// one place. A field table (fields.hpp) names a key and a member; the member's C++ type
// picks the functions below, so a new field of a known kind needs no code here.
//
//   read_value    YAML node -> value; a wrong value goes to Problems, at the node
//   write_value   value -> `key: ...` lines, skipped when the value is empty
//   encode/decode value <-> the record cache's bytes (binary.hpp)
//   is_empty      whether there is anything to write
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"
#include "crm/schema/binary.hpp"
#include "crm/schema/problems.hpp"
#include "crm/yaml/tree.hpp"
#include "crm/yaml/write.hpp"

namespace crm::schema {

// How a text field is written.
enum class Style {
    plain,       // key: value, skipped when empty
    keep_empty,  // key: value, even `key: ""` (a name, a project: the line a person fills in)
    prose,       // a literal block (`key: |`) when it has several lines
};

// The text a person would read for any value (lists joined with ", ").
std::string node_text(const yaml::Node& n);

// The five functions of each kind of value (a macro only to declare them alike).
#define CRM_SCHEMA_VALUE(T)                                                            \
    void read_value(const yaml::Node& n, const std::string& key, T& out, Problems& p); \
    void write_value(yaml::Writer& w, std::string_view key, const T& v, Style style);  \
    void encode(BinaryWriter& w, const T& v);                                          \
    void decode(BinaryReader& r, T& v);                                                \
    bool is_empty(const T& v)

CRM_SCHEMA_VALUE(std::string);
CRM_SCHEMA_VALUE(Date);
CRM_SCHEMA_VALUE(std::optional<Date>);
CRM_SCHEMA_VALUE(std::vector<std::string>);
CRM_SCHEMA_VALUE(std::vector<Commitment>);
CRM_SCHEMA_VALUE(std::vector<Contact>);
CRM_SCHEMA_VALUE(Ratings);
CRM_SCHEMA_VALUE(std::optional<Cadence>);
CRM_SCHEMA_VALUE(Rating);
CRM_SCHEMA_VALUE(bool);
CRM_SCHEMA_VALUE(Duration);
CRM_SCHEMA_VALUE(std::vector<Tier>);
CRM_SCHEMA_VALUE(std::vector<TeamMember>);
CRM_SCHEMA_VALUE(MailSettings);
CRM_SCHEMA_VALUE(std::optional<Money>);
CRM_SCHEMA_VALUE(std::optional<Percent>);
CRM_SCHEMA_VALUE(std::vector<OpportunityStage>);
CRM_SCHEMA_VALUE(std::vector<Attachment>);
CRM_SCHEMA_VALUE(CaptureSettings);
#undef CRM_SCHEMA_VALUE

// Custom fields (the keys a person added) are read and written by the record engine,
// which sees their keys; the cache stores them as they were read.
void encode(BinaryWriter& w, const CustomFields& v);
void decode(BinaryReader& r, CustomFields& v);

}  // namespace crm::schema
