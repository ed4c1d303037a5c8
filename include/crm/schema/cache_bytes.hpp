#pragma once
// How the record cache stores one record: in two parts, so that reports which need only
// dates, owners and promises (`crm due`) never touch the free text. Which field goes where
// is the schema's (fields.hpp: kSummary); a client or a review is all summary.
//
// A record's `file` is not stored: it is the cache entry's path. Decoding fails, rather
// than guess, on any byte the encoder would not have written.
#include <cstdint>
#include <string>
#include <string_view>

#include "crm/model/records.hpp"

namespace crm::schema {

void encode(const Client& c, std::string& summary, std::string& detail);
void encode(const Visit& v, std::string& summary, std::string& detail);
void encode(const Review& r, std::string& summary, std::string& detail);
void encode(const Opportunity& o, std::string& summary, std::string& detail);

bool decode_summary(std::string_view in, Client& c);
bool decode_summary(std::string_view in, Visit& v);
bool decode_summary(std::string_view in, Review& r);
bool decode_summary(std::string_view in, Opportunity& o);

bool decode_detail(std::string_view in, Client& c);
bool decode_detail(std::string_view in, Visit& v);
bool decode_detail(std::string_view in, Review& r);
bool decode_detail(std::string_view in, Opportunity& o);

// Empties the detail fields, as a summary decode leaves them.
void drop_detail(Client& c);
void drop_detail(Visit& v);
void drop_detail(Review& r);
void drop_detail(Opportunity& o);

// Changes whenever a schema's table does (a key, a type, a flag): the cache stores it, and
// a cache written under other tables is rebuilt, never misread.
std::uint32_t layout_fingerprint();

}  // namespace crm::schema
