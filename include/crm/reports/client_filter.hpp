#pragma once
// Which clients `crm list` shows: its filters (stage, tier, owner, tags, --where
// KEY=VALUE on any field of client.yaml, hand-added ones included) over loaded clients.
#include <optional>
#include <string>
#include <vector>

#include "crm/model/records.hpp"

namespace crm {
inline namespace reports {

// --where KEY=VALUE.
struct FieldFilter {
    std::string key;
    std::string value;
};

// Throws UsageError unless `text` is KEY=VALUE with a key; blanks around either go.
FieldFilter parse_field_filter(const std::string& text);

// The value of any field by its key in the file, as `--where` compares it: known fields
// and hand-added ones, lists joined with ", "; nullopt when the client has no such key.
std::optional<std::string> field_value(const Client& c, const std::string& key);

// Empty members filter nothing. Every value compares without case; the tier is the
// client's own, else `default_tier` (as `due` and `portfolio` see it); a list field (tags,
// watchers, a hand-added list) matches a --where value when any of its items does.
struct ClientFilter {
    std::string stage;
    std::string tier;
    std::string owner;
    std::vector<std::string> tags;   // all of them
    std::vector<FieldFilter> where;  // all of them
    std::string default_tier;        // the tier of a client without one
};

bool client_matches(const Client& c, const ClientFilter& f);

}  // namespace reports
}  // namespace crm
