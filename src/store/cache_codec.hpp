#pragma once
// How the record cache stores one record: in two parts, so that reports which need only
// dates, owners and promises (`crm due`) never touch the free text.
//
//   summary  everything about a client or a review (a folder has few of them); of a
//            visit its date, author, kind, next contact, promises and actions
//   detail   the rest of a visit: where, initiated_by, with, discussed, new_topics,
//            notes and custom keys
//
// A record's `file` is not stored: it is the cache entry's path. Decoding fails, rather
// than guess, on any byte the encoder would not have written.
#include <string>
#include <string_view>

#include "crm/model/records.hpp"

namespace crm::store {

// How much of each record a load fills in. `summary` leaves the detail fields above
// empty, whether the record came from the cache or from its file.
enum class Detail { full, summary };

namespace cache_codec {

void encode(const Client& c, std::string& summary, std::string& detail);
void encode(const Visit& v, std::string& summary, std::string& detail);
void encode(const Review& r, std::string& summary, std::string& detail);

bool decode_summary(std::string_view in, Client& c);
bool decode_summary(std::string_view in, Visit& v);
bool decode_summary(std::string_view in, Review& r);

bool decode_detail(std::string_view in, Client& c);
bool decode_detail(std::string_view in, Visit& v);
bool decode_detail(std::string_view in, Review& r);

// Empties the detail fields, as a summary decode leaves them.
void drop_detail(Client& c);
void drop_detail(Visit& v);
void drop_detail(Review& r);

}  // namespace cache_codec

}  // namespace crm::store
